import type { VariableDeclaration } from "@playbook/schema";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { variables } from "../storyFixtures";
import { VariablesPanel } from "./VariablesPanel";

function LivePanel({ initial }: { initial: VariableDeclaration[] }) {
  const [declared, setDeclared] = useState(initial);
  return (
    <div style={{ width: 380 }}>
      <VariablesPanel variables={declared} onChange={setDeclared} />
    </div>
  );
}

const meta = {
  title: "Panels/VariablesPanel",
  component: LivePanel,
  args: { initial: variables },
} satisfies Meta<typeof LivePanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One variable of each type, each with a default input that matches it. */
export const Default: Story = {};

export const Empty: Story = { args: { initial: [] } };

/** Two variables named 金额: both are flagged. */
export const DuplicateNames: Story = {
  args: {
    initial: [
      { name: "金额", type: "number", required: true },
      { name: "金额", type: "money", required: false },
      { name: "渠道", type: "string", required: false, label: { "zh-CN": "渠道", en: "Channel" } },
    ],
  },
};

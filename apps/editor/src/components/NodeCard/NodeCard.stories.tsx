import type { Meta, StoryObj } from "@storybook/react-vite";
import { brokenProblems, manifestOf, manifests } from "../storyFixtures";
import { NodeCard } from "./NodeCard";

const meta = {
  title: "Canvas/NodeCard",
  component: NodeCard,
  args: {
    manifest: manifestOf("userTask"),
    label: "主管审批",
    status: "default",
    problems: [],
  },
  argTypes: {
    status: {
      control: "inline-radio",
      options: ["default", "selected", "invalid", "running", "completed"],
    },
    manifest: { control: false },
    problems: { control: false },
  },
  decorators: [(Story) => <div style={{ padding: 12 }}>{Story()}</div>],
} satisfies Meta<typeof NodeCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Selected: Story = { args: { status: "selected" } };

export const Invalid: Story = {
  args: {
    status: "invalid",
    problems: brokenProblems.filter((problem) => problem.nodeId === "approve"),
  },
};

/** The same, with the marker hovered (the screenshot script hovers it). */
export const InvalidWithTooltip: Story = { ...Invalid };

export const Running: Story = {
  args: { manifest: manifestOf("timer"), label: "等待 3 天", status: "running" },
};

export const Completed: Story = {
  args: { manifest: manifestOf("webhook"), label: "同步到 CRM", status: "completed" },
};

export const UnknownType: Story = {
  args: {
    manifest: undefined,
    label: "打标签",
    status: "invalid",
    problems: brokenProblems.filter((p) => p.nodeId === "legacy"),
  },
};

/** Every built-in type in every state, labels blank (the type title shows instead). */
export const Gallery: Story = {
  render: () => (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(3, 220px)", gap: 20 }}>
      {manifests.map((manifest, index) => (
        <NodeCard
          key={manifest.type}
          manifest={manifest}
          label={index === 3 ? "华东区大客户订单主管审批（金额超过十万元）" : ""}
          status={
            (["default", "selected", "running", "completed"] as const)[index % 4] ?? "default"
          }
        />
      ))}
    </div>
  ),
};

import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import { manifests } from "../storyFixtures";
import { Palette } from "./Palette";

const meta = {
  title: "Canvas/Palette",
  component: Palette,
  args: { manifests, onAdd: fn() },
  argTypes: { manifests: { control: false } },
  decorators: [(Story) => <div style={{ width: 260 }}>{Story()}</div>],
} satisfies Meta<typeof Palette>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** Searching "审批" (or "approval") finds the user task. */
export const SearchApproval: Story = { args: { defaultQuery: "审批" } };

export const SearchEnglish: Story = { args: { defaultQuery: "approval" } };

export const NoMatch: Story = { args: { defaultQuery: "区块链" } };

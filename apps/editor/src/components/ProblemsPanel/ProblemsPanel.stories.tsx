import type { Problem, ProcessEdge, ProcessNode } from "@playbook/schema";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import { brokenDefinition, brokenProblems } from "../storyFixtures";
import { ProblemsPanel } from "./ProblemsPanel";

const nodes = brokenDefinition.nodes as ProcessNode[];
const edges = (brokenDefinition.edges ?? []) as ProcessEdge[];

const unchecked: Problem = {
  code: "node.configUnchecked",
  severity: "warning",
  message: {
    "zh-CN": "节点「发优惠券」的类型 acme.coupon 的配置规则无法自动检查，请确认配置正确",
    en: "The settings of node “Send coupon” (type acme.coupon) cannot be checked automatically; make sure they are right",
  },
  nodeId: "coupon",
  field: "config",
};

const meta = {
  title: "Panels/ProblemsPanel",
  component: ProblemsPanel,
  args: { problems: [unchecked, ...brokenProblems], nodes, edges, onSelect: fn() },
  argTypes: { problems: { control: false }, nodes: { control: false }, edges: { control: false } },
  decorators: [(Story) => <div style={{ width: 380 }}>{Story()}</div>],
} satisfies Meta<typeof ProblemsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Real validator output for a broken 大额订单审批 flow, plus one warning: errors come first. */
export const WithProblems: Story = {};

export const WarningsOnly: Story = { args: { problems: [unchecked] } };

export const Empty: Story = { args: { problems: [] } };

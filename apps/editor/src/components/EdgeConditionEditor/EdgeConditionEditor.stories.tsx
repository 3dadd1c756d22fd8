import type { ProcessEdge } from "@playbook/schema";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useMemo, useState } from "react";
import { validateForEditor } from "../../validation/validate";
import { brokenDefinition, edges, manifests, variables } from "../storyFixtures";
import { EdgeConditionEditor, type EdgePatch } from "./EdgeConditionEditor";

function apply(edge: ProcessEdge, patch: EdgePatch): ProcessEdge {
  const next: ProcessEdge = { ...edge, ...patch } as ProcessEdge;
  if ("condition" in patch && patch.condition === undefined) delete next.condition;
  return next;
}

/** The editor wired like the app: edits apply and the edge's condition is validated. */
function LiveEditor({
  initial,
  isFromExclusiveGateway,
}: {
  initial: ProcessEdge;
  isFromExclusiveGateway: boolean;
}) {
  const [edge, setEdge] = useState(initial);
  const problems = useMemo(() => {
    const definition = {
      ...brokenDefinition,
      variables,
      edges: [
        { ...edge, source: "gateway", target: "approve" },
        {
          id: "other",
          source: "gateway",
          target: "end",
          isDefault: !edge.isDefault,
          condition: edge.isDefault ? "金额 <= 10000" : undefined,
        },
      ],
    };
    return validateForEditor(definition, manifests).byEdge.get(edge.id) ?? [];
  }, [edge]);
  return (
    <div style={{ width: 380 }}>
      <EdgeConditionEditor
        edge={edge}
        variables={variables}
        problems={problems}
        isFromExclusiveGateway={isFromExclusiveGateway}
        from="是否大额"
        to="主管审批"
        onChange={(patch) => setEdge((current) => apply(current, patch))}
      />
    </div>
  );
}

const meta = {
  title: "Panels/EdgeConditionEditor",
  component: LiveEditor,
  args: { initial: edges.condition, isFromExclusiveGateway: true },
} satisfies Meta<typeof LiveEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A condition out of a 条件分支 (exclusive gateway), with priority. */
export const GatewayCondition: Story = {};

/** The default branch: no condition, explained in one line. */
export const DefaultBranch: Story = { args: { initial: edges.default } };

export const ConditionSyntaxError: Story = { args: { initial: edges.syntaxError } };

export const UndeclaredVariable: Story = { args: { initial: edges.undeclared } };

/** An edge out of an ordinary node: conditional flow, no priority. */
export const PlainFlow: Story = {
  args: {
    initial: { ...edges.condition, label: undefined } as ProcessEdge,
    isFromExclusiveGateway: false,
  },
};

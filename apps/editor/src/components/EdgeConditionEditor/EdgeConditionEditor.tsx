// The properties of a connection: label, FEEL condition, default-branch switch (with one line
// saying what default means here) and, out of an exclusive gateway, the priority.
import type {
  PartialLocalizedText,
  Problem,
  ProcessEdge,
  VariableDeclaration,
} from "@playbook/schema";
import { InputNumber, Switch, Typography } from "antd";
import type { ReactNode } from "react";
import { type Locale, useComponentsText } from "../locale";
import { ProblemList } from "../ProblemList";
import { FeelInput } from "../widgets/FeelInput/FeelInput";
import { LabelInput } from "../widgets/LabelInput";

/** A key present with the value undefined clears it (`condition: undefined` removes it). */
export interface EdgePatch {
  condition?: string | undefined;
  isDefault?: boolean;
  priority?: number;
  label?: PartialLocalizedText;
}

export interface EdgeConditionEditorProps {
  edge: ProcessEdge;
  variables: readonly VariableDeclaration[];
  /** This edge's problems (e.g. useValidation().byEdge.get(edge.id)). */
  problems: readonly Problem[];
  /** Out of an exclusive gateway conditions are tried in priority order and one way is taken. */
  isFromExclusiveGateway: boolean;
  onChange(patch: EdgePatch): void;
  /** Display names of the two ends, for the header. */
  from?: string | undefined;
  to?: string | undefined;
  locale?: Locale | undefined;
}

export function EdgeConditionEditor({
  edge,
  variables,
  problems,
  isFromExclusiveGateway,
  onChange,
  from,
  to,
  locale,
}: EdgeConditionEditorProps) {
  const { t, locale: lang } = useComponentsText(locale);
  const conditionProblems = problems.filter((problem) => problem.field === "condition");
  const general = problems.filter((problem) => problem.field !== "condition");

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 16 }}>
      <header>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("edge.title")}
        </Typography.Title>
        {from !== undefined && to !== undefined && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("edge.route", { from, to })}
          </Typography.Text>
        )}
      </header>

      <ProblemList problems={general} heading={t("edge.otherProblems")} locale={lang} />

      <Field label={t("edge.label")} hint={t("edge.labelHint")}>
        <LabelInput value={edge.label} locale={lang} onChange={(label) => onChange({ label })} />
      </Field>

      <Field label={t("edge.isDefault")}>
        <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
          <Switch
            checked={edge.isDefault}
            aria-label={t("edge.isDefault")}
            // A default edge's condition is never evaluated; keeping it would mislead readers.
            onChange={(isDefault) =>
              onChange(isDefault ? { isDefault, condition: undefined } : { isDefault })
            }
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(isFromExclusiveGateway ? "edge.defaultExplainGateway" : "edge.defaultExplainFlow")}
          </Typography.Text>
        </div>
      </Field>

      <Field
        label={t("edge.condition")}
        hint={
          edge.isDefault
            ? t("edge.defaultHasNoCondition")
            : t(isFromExclusiveGateway ? "edge.conditionHintGateway" : "edge.conditionHintFlow")
        }
      >
        <FeelInput
          value={edge.condition ?? ""}
          variables={variables}
          problems={conditionProblems}
          disabled={edge.isDefault}
          placeholder={t("edge.conditionPlaceholder")}
          ariaLabel={t("edge.condition")}
          locale={lang}
          onChange={(condition) =>
            onChange({ condition: condition.trim() === "" ? undefined : condition })
          }
        />
      </Field>

      {isFromExclusiveGateway && (
        <Field label={t("edge.priority")} hint={t("edge.priorityHint")}>
          <InputNumber
            value={edge.priority}
            precision={0}
            disabled={edge.isDefault}
            aria-label={t("edge.priority")}
            style={{ width: 120 }}
            onChange={(priority) =>
              onChange({ priority: typeof priority === "number" ? priority : 0 })
            }
          />
        </Field>
      )}
    </div>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Text strong style={{ display: "block", marginBottom: 6 }}>
        {label}
      </Typography.Text>
      {children}
      {hint && (
        <Typography.Text type="secondary" style={{ display: "block", fontSize: 12, marginTop: 4 }}>
          {hint}
        </Typography.Text>
      )}
    </div>
  );
}

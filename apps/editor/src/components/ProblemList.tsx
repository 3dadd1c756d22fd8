// The problems of one node or edge that no single field shows, as a compact alert: one problem
// is the alert itself; several are listed under a heading.
import type { Problem } from "@playbook/schema";
import { Alert } from "antd";
import { type Locale, pickText } from "./locale";

export function ProblemList({
  problems,
  heading,
  locale,
}: {
  problems: readonly Problem[];
  heading: string;
  locale: Locale;
}) {
  const [first] = problems;
  if (!first) return null;
  const type = problems.some((problem) => problem.severity === "error") ? "error" : "warning";
  if (problems.length === 1) {
    return <Alert type={type} showIcon title={pickText(first.message, locale)} />;
  }
  return (
    <Alert
      type={type}
      showIcon
      title={heading}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {problems.map((problem, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
            <li key={index}>{pickText(problem.message, locale)}</li>
          ))}
        </ul>
      }
    />
  );
}

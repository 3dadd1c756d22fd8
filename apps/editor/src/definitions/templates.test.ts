import { feelAnalyzer } from "@playbook/expr";
import { builtinManifests } from "@playbook/nodes/manifests";
import { validateDefinition } from "@playbook/schema";
import { describe, expect, test } from "vitest";
import { definitionFromTemplate, TEMPLATE_IDS } from "./templates";

describe("starting a new process from a template", () => {
  test.each(TEMPLATE_IDS)("the %s template can be published as it is", (template) => {
    const definition = definitionFromTemplate(template, "my-flow", {
      "zh-CN": "我的流程",
      en: "My flow",
    });
    const report = validateDefinition(definition, builtinManifests, { expressions: feelAnalyzer });
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(definition.key).toBe("my-flow");
    expect(Object.keys(definition.layout.nodes).sort()).toEqual(
      definition.nodes.map((n) => n.id).sort(),
    );
  });
});

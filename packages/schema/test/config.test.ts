import { describe, expect, test } from "vitest";
import { z } from "zod";
import { type NodeManifest, validateDefinition } from "../src";
import { definition, nodes, path, validate } from "./fixtures/builders";
import { expectNoProblems, expectOnlyProblem, expectProblems } from "./fixtures/expect-problems";
import { fakeAnalyzer } from "./fixtures/fake-analyzer";
import { nodeTypes } from "./fixtures/node-types";

const around = (node: ReturnType<typeof nodes.task>) =>
  definition({ nodes: [nodes.start(), node, nodes.end()], edges: path("start", node.id, "end") });

describe("node settings against the node type's config schema", () => {
  test("a timer whose duration is not an ISO duration points at config.duration", () => {
    const timer = { ...nodes.timer("wait", "3 days"), label: { "zh-CN": "等三天" } };
    const problem = expectOnlyProblem(validate(around(timer)), {
      code: "node.config",
      nodeId: "wait",
      field: "config.duration",
    });
    expect(problem.message["zh-CN"]).toBe("节点「等三天」的配置项 duration 格式不正确");
  });

  test("a message wait without its required message name, named by its type as drawn", () => {
    const wait = nodes.wait("reply");
    const { messageName: _, ...config } = wait.config ?? {};
    const problem = expectOnlyProblem(validate(around({ ...wait, config })), {
      code: "node.config",
      nodeId: "reply",
      field: "config.messageName",
    });
    expect(problem.message.en).toBe("Setting messageName of node “Wait for event” is required");
  });

  test("a node type's own schema, where the caller has it, adds the rules JSON Schema drops", () => {
    const timer = { ...nodes.timer("wait", "PT1H"), label: { "zh-CN": "等一小时", en: "Wait" } };
    // The lookup of a server: the same manifests plus each type's zod schema with a rule.
    const own = z.object({ duration: z.string() }).superRefine((_config, ctx) => {
      ctx.addIssue({
        code: "custom",
        path: ["duration"],
        message: "too short for a reminder",
        params: {
          detail: { "zh-CN": "太短了，提醒至少等一天", en: "is too short for a reminder" },
        },
      });
    });
    const withOwn = {
      get: (type: string, version: number) =>
        nodeTypes.find((m) => m.type === type && m.version === version),
      configValidator: (type: string) => (type === "playbook.timer" ? own : undefined),
    };
    const result = validateDefinition(around(timer), withOwn, { expressions: fakeAnalyzer });
    expect(result.problems.map((p) => [p.code, p.field, p.message["zh-CN"]])).toEqual([
      [
        "node.config",
        "config.duration",
        "节点「等一小时」的配置项 duration 太短了，提醒至少等一天",
      ],
    ]);
    // Without it (the editor, which has only manifests) the same setting is fine.
    expectNoProblems(validate(around(timer)));
  });

  test("a setting is named by its title where the caller knows it, by its key otherwise", () => {
    const timer = { ...nodes.timer("wait", "3 days"), label: { "zh-CN": "等三天", en: "Wait" } };
    const titled = validateDefinition(around(timer), nodeTypes, {
      expressions: fakeAnalyzer,
      settingTitles: (type, key) =>
        type === "playbook.timer" && key === "duration"
          ? { "zh-CN": "等待时长", en: "Duration" }
          : undefined,
    });
    expect(titled.problems.map((p) => p.message)).toEqual([
      {
        "zh-CN": "节点「等三天」的配置项「等待时长」格式不正确",
        en: "Setting “Duration” of node “Wait” has the wrong format",
      },
    ]);
    expect(validate(around(timer)).problems[0]?.message["zh-CN"]).toBe(
      "节点「等三天」的配置项 duration 格式不正确",
    );
  });

  test("a node type's own x-title names its setting, in both languages", () => {
    const manifest = nodeTypes.find((m) => m.type === "playbook.timer")!;
    const properties = manifest.configSchema.properties as Record<string, object>;
    const withTitle: NodeManifest = {
      ...manifest,
      configSchema: {
        ...manifest.configSchema,
        properties: {
          ...properties,
          duration: { ...properties.duration, "x-title": { "zh-CN": "时长", en: "How long" } },
        },
      },
    };
    const types = nodeTypes.map((m) => (m === manifest ? withTitle : m));
    const timer = { ...nodes.timer("wait", "3 days"), label: { "zh-CN": "等三天", en: "Wait" } };
    const result = validateDefinition(around(timer), types, { expressions: fakeAnalyzer });
    expect(result.problems[0]?.message.en).toBe(
      "Setting “How long” of node “Wait” has the wrong format",
    );
  });

  test("a setting the node type does not have", () => {
    const task = nodes.task("review", undefined, { asignee: "主编" });
    const problem = expectOnlyProblem(validate(around(task)), {
      code: "node.config",
      nodeId: "review",
      field: "config",
    });
    expect(problem.message["zh-CN"]).toBe("节点「人工任务」的配置中有不认识的字段：asignee");
    expect(problem.message.en).toBe("The config of node “User task” has unknown fields: asignee");
  });

  test("an issue deep inside an array of objects points at its path", () => {
    const set = nodes.set("calc", [{ variable: "金额", expression: "" }]);
    expectOnlyProblem(validate(around(set)), {
      code: "node.config",
      nodeId: "calc",
      field: "config.assignments.0.expression",
    });
  });

  test("Chinese variable names pass the Unicode name pattern that zod's converter would get wrong", () => {
    const set = nodes.set("calc", [{ variable: "金额", expression: "金额 * 2" }]);
    expectNoProblems(validate(around(set)));
  });

  test("a variable name that breaks the Unicode pattern is still caught", () => {
    const set = nodes.set("calc", [{ variable: "1金额", expression: "金额 * 2" }]);
    expectProblems(validate(around(set)), [
      { code: "node.config", nodeId: "calc", field: "config.assignments.0.variable" },
      { code: "variable.undeclared", nodeId: "calc", field: "config.assignments.0.variable" },
    ]);
  });

  test("a manifest exported for output (defaults listed as required) still lets defaults be omitted", () => {
    const outputStyle = nodeTypes.map((m) =>
      m.type === "playbook.start"
        ? {
            ...m,
            configSchema: z.toJSONSchema(
              z.strictObject({ trigger: z.enum(["manual", "api", "message"]).default("api") }),
            ) as Record<string, unknown>,
          }
        : m,
    );
    const input = definition({ nodes: [nodes.start(), nodes.end()], edges: path("start", "end") });
    expect(validateDefinition(input, outputStyle, { expressions: fakeAnalyzer }).problems).toEqual(
      [],
    );
  });

  test("a node type whose schema uses JSON Schema the validator cannot check gets a warning, not an error", () => {
    const conditional: NodeManifest = {
      ...nodeTypes.find((m) => m.type === "playbook.userTask")!,
      type: "acme.conditionalTask",
      // if/then: "b is required when a is given", which fromJSONSchema cannot convert.
      configSchema: JSON.parse(
        '{ "type": "object", "if": { "required": ["a"] }, "then": { "required": ["b"] } }',
      ),
    };
    const input = around({ id: "odd", type: "acme.conditionalTask", typeVersion: 1, config: {} });
    const result = validateDefinition(input, [...nodeTypes, conditional], {
      expressions: fakeAnalyzer,
    });
    const [problem] = expectProblems(result, [
      { code: "node.configUnchecked", nodeId: "odd", field: "config" },
    ]);
    expect(problem!.severity).toBe("warning");
    expect(result.ok).toBe(true);
  });

  test("FEEL fields are found through $ref and inside union branches of hand-written schemas", () => {
    const manifest: NodeManifest = {
      ...nodeTypes.find((m) => m.type === "playbook.setVariables")!,
      type: "acme.script",
      configSchema: {
        type: "object",
        properties: {
          steps: {
            type: "array",
            items: {
              oneOf: [
                {
                  type: "object",
                  properties: {
                    kind: { const: "assign" },
                    assignment: { $ref: "#/$defs/Assignment" },
                  },
                  required: ["kind", "assignment"],
                },
                {
                  type: "object",
                  properties: { kind: { const: "log" }, text: { type: "string" } },
                },
              ],
            },
          },
        },
        $defs: {
          Assignment: {
            type: "object",
            properties: {
              target: { type: "string", "x-widget": "variable" },
              value: { type: "string", "x-widget": "feel" },
            },
          },
        },
      },
    };
    const script = {
      id: "script",
      type: "acme.script",
      typeVersion: 1,
      config: {
        steps: [
          { kind: "log", text: "未声明 + 1" },
          { kind: "assign", assignment: { target: "金额", value: "金额 + 利润" } },
          { kind: "assign", assignment: { target: "利润", value: "金额 / 10" } },
        ],
      },
    };
    const result = validateDefinition(around(script), [...nodeTypes, manifest], {
      expressions: fakeAnalyzer,
    });
    expectProblems(result, [
      {
        code: "expression.undeclaredVariable",
        nodeId: "script",
        field: "config.steps.1.assignment.value",
      },
      { code: "variable.undeclared", nodeId: "script", field: "config.steps.2.assignment.target" },
    ]);
  });
});

// Port defaults per behaviour and bilingual labels for the well-known port ids, so most node
// types never spell out their ports and every palette shows 输入 / 出错时 the same way.
import type { Behaviour, PartialLocalizedText, PortSpec } from "@playbook/schema";

/** A port as a node author writes it: a bare id, or a full spec with its own label. */
export type PortInput = string | { id: string; label?: PartialLocalizedText; multiple?: boolean };

export interface PortsInput {
  in?: readonly PortInput[];
  out?: readonly PortInput[];
}

const WELL_KNOWN_LABELS: Readonly<Record<string, PartialLocalizedText>> = {
  in: { "zh-CN": "输入", en: "In" },
  out: { "zh-CN": "下一步", en: "Next" },
  error: { "zh-CN": "出错时", en: "On error" },
  timeout: { "zh-CN": "超时", en: "On timeout" },
};

export function defaultPorts(behaviour: Behaviour): { in: string[]; out: string[] } {
  switch (behaviour) {
    case "start":
      return { in: [], out: ["out"] };
    case "end":
    case "terminateEnd":
      return { in: ["in"], out: [] };
    case "service":
      return { in: ["in"], out: ["out", "error"] };
    case "messageWait":
      return { in: ["in"], out: ["out", "timeout"] };
    case "userTask":
    case "exclusiveGateway":
    case "parallelGateway":
    case "timer":
    case "setVariables":
      return { in: ["in"], out: ["out"] };
    default:
      return assertNever(behaviour);
  }
}

/** Expands bare ids and fills labels of well-known ports; an author's own label wins. */
export function toPortSpec(port: PortInput): PortSpec {
  const spec = typeof port === "string" ? { id: port } : port;
  const label = spec.label ?? WELL_KNOWN_LABELS[spec.id];
  return {
    id: spec.id,
    ...(label === undefined ? {} : { label }),
    multiple: spec.multiple ?? true,
  };
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

// Config schemas of the engine's behaviours. Built-in node types (packages/nodes) use these as
// their config, so the shape the editor edits is exactly the shape the engine reads.
import {
  dateTimeField,
  durationField,
  feelField,
  mappingField,
  roleField,
  userField,
  variableField,
} from "@playbook/schema";
import { z } from "zod";

export const startConfig = z.strictObject({
  /** manual: started by a person in the app; api: by an app call; message: by an incoming event. */
  trigger: z.enum(["manual", "api", "message"]).default("api"),
  /** For `message` starts: the event name that starts an instance. */
  messageName: z.string().min(1).optional(),
});

export const endConfig = z.strictObject({});
export const terminateEndConfig = z.strictObject({});
export const exclusiveGatewayConfig = z.strictObject({});
export const parallelGatewayConfig = z.strictObject({});

export const formField = z.strictObject({
  name: variableField(),
  type: z.enum(["string", "number", "boolean", "date", "datetime", "money", "user"]),
  required: z.boolean().default(false),
  label: z.strictObject({ "zh-CN": z.string().optional(), en: z.string().optional() }).optional(),
});

export const userTaskConfig = z.strictObject({
  title: z.string().min(1).optional(),
  /** FEEL yielding a user id, e.g. `发起人` or `"zhang.san"`. */
  assignee: feelField().optional(),
  candidateUsers: z.array(userField()).default([]),
  candidateRoles: z.array(roleField()).default([]),
  dueIn: durationField().optional(),
  /** Allowed outcomes, e.g. ["approve", "reject"]; empty means any. */
  outcomes: z.array(z.string().min(1)).default([]),
  /** Variable the chosen outcome is written to. */
  outcomeVariable: variableField().optional(),
  form: z.array(formField).default([]),
});

/** The predicate of "setting X …" when the chosen mode's setting is missing (zh-CN, en). */
const TIMER_MODE_DETAIL = {
  duration: { "zh-CN": "是必填项（按时长等待时）", en: "is required when waiting for a duration" },
  date: { "zh-CN": "是必填项（等到指定时间时）", en: "is required when waiting until a date" },
  expression: {
    "zh-CN": "是必填项（用表达式计算等待时间时）",
    en: "is required when the wait is computed by an expression",
  },
} as const;

export const timerConfig = z
  .strictObject({
    mode: z.enum(["duration", "date", "expression"]).default("duration"),
    duration: durationField().optional(),
    date: dateTimeField().optional(),
    /** FEEL yielding a duration or a date-time. */
    expression: feelField().optional(),
  })
  .superRefine((config, ctx) => {
    if (config[config.mode] === undefined) {
      ctx.addIssue({
        code: "custom",
        path: [config.mode],
        message: `required when mode is ${config.mode}`,
        params: { detail: TIMER_MODE_DETAIL[config.mode] },
      });
    }
  });

export const messageWaitConfig = z.strictObject({
  messageName: z.string().min(1),
  /** FEEL yielding the key that matches messages to this instance, e.g. `用户ID`. */
  correlationKey: feelField(),
  /** Leave by the `timeout` port when no message arrives in time. */
  timeout: durationField().optional(),
  /** Variable the message payload is stored in. */
  resultVariable: variableField().optional(),
});

export const setVariablesConfig = z.strictObject({
  assignments: mappingField().min(1),
});

export type StartConfig = z.infer<typeof startConfig>;
export type UserTaskConfig = z.infer<typeof userTaskConfig>;
export type TimerConfig = z.infer<typeof timerConfig>;
export type MessageWaitConfig = z.infer<typeof messageWaitConfig>;
export type SetVariablesConfig = z.infer<typeof setVariablesConfig>;

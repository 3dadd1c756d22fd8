// Type-level tests: the zod config schema is the one source of `ctx.config`'s type.
import { feelField } from "@playbook/schema";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { crmTagV1 } from "../test/crm-tag";
import type { NodeContext } from "./context";
import { defineNode, type NodeDefinition } from "./define-node";
import { implementNode } from "./implement-node";
import { createNodeTypeRegistry } from "./registry";

const sendCoupon = defineNode({
  type: "acme.sendCoupon",
  version: 1,
  title: { en: "Send coupon", "zh-CN": "发优惠券" },
  category: "integration",
  icon: "ticket",
  behaviour: "service",
  config: z.strictObject({
    couponId: z.string(),
    amount: z.number().default(10),
    channel: z.enum(["sms", "wechat"]),
    userId: feelField(),
    note: z.string().optional(),
  }),
});

describe("ctx.config inference", () => {
  it("types ctx.config as the schema's output: defaults present, enums narrowed", () => {
    implementNode(sendCoupon, async (ctx) => {
      expectTypeOf(ctx.config.couponId).toEqualTypeOf<string>();
      expectTypeOf(ctx.config.amount).toEqualTypeOf<number>();
      expectTypeOf(ctx.config.channel).toEqualTypeOf<"sms" | "wechat">();
      expectTypeOf(ctx.config.note).toEqualTypeOf<string | undefined>();
      // @ts-expect-error not in the schema
      ctx.config.missing;
      expectTypeOf(ctx.variables).toEqualTypeOf<Readonly<Record<string, unknown>>>();
      expectTypeOf(ctx.idempotencyKey).toEqualTypeOf<string>();
      expectTypeOf(ctx.signal).toEqualTypeOf<AbortSignal>();
      return { sent: true };
    });
  });

  it("keeps the schema type on the definition and rejects wrong executor returns", () => {
    expectTypeOf(sendCoupon.config).toEqualTypeOf<
      z.ZodObject<
        {
          couponId: z.ZodString;
          amount: z.ZodDefault<z.ZodNumber>;
          channel: z.ZodEnum<{ sms: "sms"; wechat: "wechat" }>;
          userId: z.ZodString;
          note: z.ZodOptional<z.ZodString>;
        },
        z.core.$strict
      >
    >();
    expectTypeOf<NodeContext<typeof sendCoupon.config>["config"]>().toEqualTypeOf<
      z.output<typeof sendCoupon.config>
    >();
    // @ts-expect-error an executor returns an object of variables, not a string
    implementNode(sendCoupon, async () => "done");
  });

  it("lets one registry hold node types with different configs", () => {
    const implemented = implementNode(sendCoupon, () => ({}));
    const registry = createNodeTypeRegistry([implemented, crmTagV1]);
    expectTypeOf(registry.get("acme.sendCoupon", 1)).toEqualTypeOf<NodeDefinition | undefined>();
  });
});

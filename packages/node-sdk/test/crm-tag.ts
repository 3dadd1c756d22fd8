// The acme.crmTag pack from the SDK guide, in two versions: v2 renamed `tag` to `tags` (a list),
// so v2 carries the migration that upgrades configs drawn with v1.
import { feelField } from "@playbook/schema";
import { z } from "zod";
import { defineNode, implementNode, NodeError } from "../src";

export const crmTagV1 = defineNode({
  type: "acme.crmTag",
  version: 1,
  title: { en: "Tag customer in CRM", "zh-CN": "更新CRM标签" },
  category: "integration",
  icon: "tag",
  behaviour: "service",
  config: z.strictObject({
    tag: z.string().min(1),
    userId: feelField(),
    overwrite: z.boolean().default(false),
  }),
});

export const crmTagV2 = defineNode({
  type: "acme.crmTag",
  version: 2,
  title: { en: "Tag customer in CRM", "zh-CN": "更新CRM标签" },
  category: "integration",
  icon: "tags",
  behaviour: "service",
  config: z.strictObject({
    tags: z.array(z.string().min(1)).min(1),
    userId: feelField(),
    overwrite: z.boolean().default(false),
  }),
  retry: { maxAttempts: 5 },
  migrations: {
    2: ({ tag, ...rest }) => ({ ...rest, tags: [tag] }),
  },
});

/** A fake CRM call: records what it was asked, fails like a real API on demand. */
export const crmTagV1Executor = implementNode(crmTagV1, async (ctx) => {
  if (ctx.config.tag === "forbidden") {
    throw new NodeError("crm.forbidden", "the CRM refuses this tag");
  }
  ctx.log.info("tagging", { tag: ctx.config.tag });
  return {
    taggedWith: ctx.config.tag,
    overwrite: ctx.config.overwrite,
    key: ctx.idempotencyKey,
    attempt: ctx.attempt,
  };
});

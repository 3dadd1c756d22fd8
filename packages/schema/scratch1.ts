import { z } from "zod";
import * as c from "../engine/src/behaviours/configs";
for (const [name, s] of Object.entries(c)) {
  if (!(s instanceof z.ZodType)) continue;
  const js = z.toJSONSchema(s as z.ZodType, { io: "input" });
  console.log(name, JSON.stringify(js));
  const back = z.fromJSONSchema(js as never, { registry: z.registry() });
  console.log("  {} ->", JSON.stringify(back.safeParse({}).error?.issues ?? back.parse({})));
}
const t = z.fromJSONSchema(z.toJSONSchema(c.setVariablesConfig, { io: "input" }) as never, { registry: z.registry() });
console.log(JSON.stringify(t.safeParse({ assignments: [{ variable: "1x", expression: "" }], extra: 1 }).error?.issues));

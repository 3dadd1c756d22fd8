import { z } from "zod";
import * as c from "../engine/src/behaviours/configs";
const t = z.fromJSONSchema(z.toJSONSchema(c.setVariablesConfig, { io: "input" }) as never, { registry: z.registry() });
console.log(JSON.stringify(t.safeParse({ assignments: [{ variable: "金额", expression: "1" }] })));
console.log(JSON.stringify(t.safeParse({ assignments: [{ variable: "amount", expression: "1" }] })));
const d = z.fromJSONSchema(z.toJSONSchema(c.timerConfig, { io: "input" }) as never, { registry: z.registry() });
console.log(JSON.stringify(d.safeParse({ mode:"date", date: "2024-01-01T00:00:00+08:00" })));

import { createStore } from "../src/index";
import { resolveNodeType } from "../test/support/node-types";
import { chain, timer, service } from "../test/support/definitions";
import pg from "pg";
import { applyEvent } from "@playbook/engine";
const engineTimes: number[] = [];
const timedApply = (c: any, st: any, ev: any) => { const t0 = performance.now(); const r = applyEvent(c, st, ev); engineTimes.push(performance.now() - t0); return r; };
const admin = new pg.Client("postgres://postgres@127.0.0.1:5432/postgres"); await admin.connect();
await admin.query("DROP DATABASE IF EXISTS scratch_timing WITH (FORCE)"); await admin.query("CREATE DATABASE scratch_timing");
const events: [number, string][] = [];
const logger = { debug: (f: any, m: string) => events.push([performance.now(), m]), info() {}, warn(f: any, m: string) { console.log("WARN", m, f) }, error(f: any, m: string) { console.log("ERR", m, f) } };
const store = await createStore({ logger, applyEvent: timedApply, databaseUrl: "postgres://postgres@127.0.0.1:5432/scratch_timing", resolveNodeType, executorFor: () => async () => ({}) });
const ws = store.workspace();
for (const def of [chain("t", [timer("w", "PT1S")]), chain("s", Array.from({length: 10}, (_, i) => service(`s${i}`, "x")))]) {
  await ws.definitions.saveDraft({ key: def.key, definition: def as any });
  const p = await ws.definitions.publish(def.key); if (!p.ok) throw new Error(JSON.stringify(p));
}
let t = Date.now();
for (let i = 0; i < 500; i++) await ws.instances.start({ definitionKey: "t" });
console.log("500 starts ms", Date.now() - t);
await store.startWorkers({ concurrency: 2, timerBatchSize: 10, timerPollMs: 100, pollMs: 1000 });
t = Date.now();
for (;;) { const p = await ws.instances.list({ status: "running", limit: 1 }); if (p.ok && p.value.items.length === 0) break; await new Promise(r => setTimeout(r, 20)); }
console.log("fire all ms (after starts)", Date.now() - t);
// idle 10-step latency
const lat: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  const s = await ws.instances.start({ definitionKey: "s" });
  if (!s.ok) throw new Error();
  for (;;) { const g = await ws.instances.get(s.value.instance.id); if (g.ok && g.value.status === "completed") break; await new Promise(r => setTimeout(r, 2)); }
  lat.push(performance.now() - t0);
}
const e0 = events.findIndex(e => e[1] === "instance started"); console.log(events.slice(-25).map(e => (e[0] - events[events.length-25]![0]).toFixed(1) + " " + e[1]).join("\n"));
engineTimes.sort((a,b)=>a-b); console.log("engine p50", engineTimes[engineTimes.length>>1]?.toFixed(2), "max", engineTimes.at(-1)?.toFixed(1));
lat.sort((a, b) => a - b);
console.log("10-step p50 ms", lat[25]?.toFixed(1), "p90", lat[45]?.toFixed(1));
await store.close();
await admin.query("DROP DATABASE scratch_timing WITH (FORCE)"); await admin.end();

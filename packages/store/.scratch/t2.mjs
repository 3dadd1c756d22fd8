import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
const lite = new PGlite(); await lite.waitReady;
const client = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" }); await client.connect();
for (const [name, q] of [["lite", (s, p) => lite.query(s, p)], ["pg", (s, p) => client.query(s, p)]]) {
  await q("create temp table t (j jsonb, a text[], d timestamptz, n bigint)");
  await q("insert into t values ($1, $2, $3, $4)", [JSON.stringify({ x: [1] }), ["a"], new Date(0), 5]);
  await q("insert into t (j) values ($1)", [JSON.stringify([1, 2])]);
  try { await q("insert into t (j) values ($1)", [{ y: 1 }]); } catch (e) { console.log(name, "obj err", e.message); }
  try { await q("insert into t (j) values ($1)", [[1,2]]); } catch (e) { console.log(name, "arr err", e.message); }
  const r = await q("select j, jsonb_typeof(j) t, a, d, n from t");
  console.log(name, JSON.stringify(r.rows));
  try { await q("alter table t set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000)"); console.log(name, "reloptions ok"); } catch (e) { console.log(name, "reloptions", e.message); }
}
await client.end(); await lite.close();

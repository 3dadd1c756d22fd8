import { PGlite } from "@electric-sql/pglite";
const t0 = Date.now();
const db = new PGlite();
await db.waitReady;
console.log("ready", Date.now() - t0);
await db.exec(`create table j (id bigint generated always as identity primary key, v int, at timestamptz, data jsonb);
create or replace function nj() returns trigger language plpgsql as $$ begin
 perform pg_notify('jobs', (select count(*)::text from new_rows)); return null; end $$;
create trigger tj after insert on j referencing new table as new_rows for each statement execute function nj();`);
await db.listen("jobs", (p) => console.log("notified", p));
const r = await db.query("insert into j (v, at, data) values ($1, $2, $3), ($4,$2,$3) returning *, now() as n, extract(epoch from now())*1000 as ms", [1, new Date(), { a: 1 }, 2]);
console.log(r.rows, typeof r.rows[0].id);
await db.query("begin"); await db.query("insert into j (v) values (3)"); console.log("in tx"); await db.query("commit");
await new Promise(r=>setTimeout(r,100));
const r2 = await db.query("select $1::jsonb as x, $2::text[] as arr", [JSON.stringify({b:2}), ["a","b"]]);
console.log(r2.rows);
try { await db.query("select 1; select 2"); } catch (e) { console.log("multi err", e.message); }

import pg from "pg";
const c = new pg.Client("postgres://postgres@127.0.0.1:5432/postgres"); await c.connect();
await c.query("create temp table x (id int primary key, v int)"); await c.query("insert into x values (1, 0)");
let t = performance.now();
for (let i = 0; i < 200; i++) { await c.query("begin"); await c.query("select * from x where id=1 for update"); await c.query("update x set v=v+1 where id=1"); await c.query("commit"); }
console.log("temp tx ms", ((performance.now() - t) / 200).toFixed(2));
await c.query("drop table if exists y"); await c.query("create table y (id int primary key, v int)"); await c.query("insert into y values (1, 0)");
t = performance.now();
for (let i = 0; i < 200; i++) { await c.query("begin"); await c.query("select * from y where id=1 for update"); await c.query("update y set v=v+1 where id=1"); await c.query("commit"); }
console.log("real tx ms", ((performance.now() - t) / 200).toFixed(2));
t = performance.now();
for (let i = 0; i < 200; i++) { await c.query("select 1"); }
console.log("select 1 ms", ((performance.now() - t) / 200).toFixed(3));
const r = await c.query("select name, setting from pg_settings where name in ('fsync','synchronous_commit','wal_sync_method','commit_delay','shared_buffers')"); console.log(r.rows);
await c.query("drop table y"); await c.end();

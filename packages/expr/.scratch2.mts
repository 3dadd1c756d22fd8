import { evaluate } from "./src/index";
const cases = ['for i in 1..100000000 return i', '{f: function(n) f(n+1), r: f(0)}.r', '{f: function(s, n) if n = 0 then s else f(s+s, n-1), r: f("x", 40)}.r', '{f: function(n) if n = 0 then 0 else f(n-1) + f(n-1), r: f(30)}.r', 'for i in 1..1000, j in 1..1000 return i*j', 'count(for i in 1..999 return string join(for j in 1..999 return "abcdefghij"))', 'sum(for i in 1..2000 return count(xs))', 'for x in xs return {a: x, b: x + 1}', 'xs[item > 5]', 'some x in 1..5000000 satisfies x < 0', 'every x in xs, y in xs satisfies x + y > 0'];
const xs = Array.from({length: 100000}, (_, i) => i);
const vars: Record<string, unknown> = { xs };
for (let i = 0; i < 50; i++) vars["v" + i] = i;
for (const c of cases) { const t = performance.now(); const r = evaluate(c, vars); console.log((performance.now()-t).toFixed(0)+"ms", c, JSON.stringify(r).slice(0, 120)); }

import { afterEach, describe, expect, it } from "vitest";
import { evaluate } from "../src/index";
import { FeelDecimal } from "../src/numbers/decimal";

// An expression must never reach a host function or prototype, whatever it probes and whatever
// the caller put in the variables. Each probe yields null (or an error), never host data.
/** null, or a list (a path over a list maps over its items) of nothing. */
const holdsNothing = (value: unknown): boolean =>
  value === null || (Array.isArray(value) && value.every(holdsNothing));

const probes = [
  "x.constructor",
  "x.__proto__",
  "x.prototype",
  "x.toString",
  "x.hasOwnProperty",
  "x.constructor.constructor",
  '"a".constructor',
  '"a".length',
  "(1).constructor",
  "[1, 2].constructor",
  "[1, 2].length",
  'x["constructor"]',
  'x["__proto__"]',
  'get value(x, "constructor")',
  'get value(x, "__proto__")',
  'get value(x, "toString")',
  "abs.constructor",
  "abs.fn",
  "abs.$args",
  "abs.caller",
  "(function(a) a).constructor",
  "(function(a) a).fn",
  'date("2024-01-01").value',
  'date("2024-01-01").constructor',
  'duration("P1D").value',
  "[1..2].valueType",
  "[1..2].includes",
  // a number held as a decimal object (more digits than a double) shows no internals
  "(1 / 3).d",
  "(1 / 3).constructor",
  "(1 / 3).toFixed",
  'get value(1 / 3, "e")',
];

describe("expressions cannot reach host objects", () => {
  it.each(probes)("%s yields null or an error", (probe) => {
    const result = evaluate(probe, { x: { 名称: "客户" } });
    if (result.ok) expect(holdsNothing(result.value)).toBe(true);
    else expect(["runtime", "syntax"]).toContain(result.error.code);
  });

  it("reads context keys named like prototype members as plain data", () => {
    expect(evaluate('{constructor: "c", toString: "t"}.constructor', {})).toEqual({
      ok: true,
      value: "c",
    });
    expect(evaluate("{constructor: 1}", {})).toEqual({ ok: true, value: { constructor: 1 } });
    const proto = evaluate("{__proto__: {polluted: true}}", {});
    expect(proto).toEqual({ ok: true, value: { ["__proto__"]: { polluted: true } } });
    expect(evaluate("{__proto__: {polluted: true}}.polluted", {})).toEqual({
      ok: true,
      value: null,
    });
  });

  it("does not pollute Object.prototype through context functions", () => {
    const attempts = [
      'context put({}, "__proto__", {polluted: true})',
      'context put({}, ["__proto__", "polluted"], true)',
      'context([{key: "__proto__", value: {polluted: true}}])',
      "context merge([{}, {__proto__: {polluted: true}}])",
    ];
    for (const attempt of attempts) {
      const result = evaluate(attempt, {});
      expect(result.ok).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(evaluate('context put({}, "__proto__", 1)', {})).toEqual({
      ok: true,
      value: { ["__proto__"]: 1 },
    });
  });

  it("lists entries of data only", () => {
    expect(evaluate("get entries(x)", { x: { a: 1 } })).toEqual({
      ok: true,
      value: [{ key: "a", value: 1 }],
    });
    expect(evaluate("get entries(abs)", {})).toEqual({ ok: true, value: null });
  });

  describe("variables holding functions and class instances", () => {
    class Customer {
      secret = "s3cret";
      get level() {
        return "VIP";
      }
      greet() {
        return "hi";
      }
    }
    const hostFunction = () => {
      throw new Error("a host function was called");
    };
    const variables = {
      fn: hostFunction,
      customer: new Customer(),
      nested: { fn: hostFunction, customer: new Customer(), list: [hostFunction] },
      map: new Map([["a", 1]]),
      date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      symbol: Symbol("x"),
      decimal: new FeelDecimal(5),
    };

    it.each([
      "fn",
      "fn()",
      "fn.name",
      "customer",
      "customer.level",
      "customer.secret",
      "customer.greet",
      "customer.greet()",
      "nested.fn",
      "nested.fn()",
      "nested.customer.level",
      "nested.list[1]",
      "nested.list[1]()",
      "map",
      'get value(map, "size")',
      "symbol",
      "customer instance of fn",
      "decimal",
      "decimal + 1",
    ])("%s reads null, never the host value", (probe) => {
      const result = evaluate(probe, variables);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value === null || result.value === false).toBe(true);
    });

    it("keeps the data around them", () => {
      expect(evaluate("nested", variables)).toEqual({
        ok: true,
        value: { fn: null, customer: null, list: [null] },
      });
      expect(evaluate("date", variables)).toEqual({ ok: true, value: "2024-01-02T03:04:05Z" });
    });
  });

  describe("cyclic and prototype-laden input", () => {
    afterEach(() => {
      delete (Object.prototype as Record<string, unknown>).injected;
    });

    it("cuts a cycle in the variables instead of looping", () => {
      const loop: Record<string, unknown> = { name: "a" };
      loop.self = loop;
      expect(evaluate("x.self.name", { x: loop })).toEqual({ ok: true, value: null });
      expect(evaluate("x.name", { x: loop })).toEqual({ ok: true, value: "a" });
    });

    it("ignores inherited properties of the variables object", () => {
      (Object.prototype as Record<string, unknown>).injected = "from prototype";
      expect(evaluate("injected", {})).toEqual({ ok: true, value: null });
      expect(evaluate("x.injected", { x: {} })).toEqual({ ok: true, value: null });
    });

    it("reads a JSON key named __proto__ as data", () => {
      const parsed = JSON.parse('{"x": {"__proto__": {"admin": true}, "name": "n"}}') as Record<
        string,
        unknown
      >;
      expect(evaluate("x.admin", parsed)).toEqual({ ok: true, value: null });
      expect(evaluate('get value(x, "__proto__").admin', parsed)).toEqual({
        ok: true,
        value: true,
      });
    });
  });
});

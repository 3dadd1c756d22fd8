// The outgoing-HTTP settings an operator gives in the environment: read and checked at start-up,
// so a typo stops the process with the variable's name instead of running with a surprise.
import { describe, expect, test } from "vitest";
import { readConfig } from "../src/config";

const read = (env: Record<string, string>) => readConfig(env, []).http;

describe("outgoing HTTP settings", () => {
  test("unset (or empty), only public addresses are reached and answers are read up to 1 MiB", () => {
    const byDefault = { allow: [], maxResponseBytes: 1024 * 1024 };
    expect(read({})).toEqual(byDefault);
    expect(read({ PLAYBOOK_HTTP_ALLOW: "", PLAYBOOK_HTTP_MAX_RESPONSE_BYTES: "" })).toEqual(
      byDefault,
    );
  });

  test("PLAYBOOK_HTTP_ALLOW lists host names, IPs and CIDR ranges, commas and spaces tolerated", () => {
    expect(read({ PLAYBOOK_HTTP_ALLOW: " crm.internal, 10.0.0.0/8,127.0.0.1,,fd00::/8 " })).toEqual(
      {
        allow: ["crm.internal", "10.0.0.0/8", "127.0.0.1", "fd00::/8"],
        maxResponseBytes: 1024 * 1024,
      },
    );
  });

  test("PLAYBOOK_HTTP_MAX_RESPONSE_BYTES sets the size limit in bytes", () => {
    expect(read({ PLAYBOOK_HTTP_MAX_RESPONSE_BYTES: "5242880" }).maxResponseBytes).toBe(5_242_880);
  });

  test.each([
    [
      { PLAYBOOK_HTTP_ALLOW: "crm internal" },
      'PLAYBOOK_HTTP_ALLOW has "crm internal", which is not a host name',
    ],
    [{ PLAYBOOK_HTTP_ALLOW: "10.0.0.0/8,10.0.0.0/33" }, 'PLAYBOOK_HTTP_ALLOW has "10.0.0.0/33"'],
    [
      { PLAYBOOK_HTTP_ALLOW: "http://crm.internal" },
      'PLAYBOOK_HTTP_ALLOW has "http://crm.internal"',
    ],
    [
      { PLAYBOOK_HTTP_MAX_RESPONSE_BYTES: "1MB" },
      "PLAYBOOK_HTTP_MAX_RESPONSE_BYTES must be a whole",
    ],
    [
      { PLAYBOOK_HTTP_MAX_RESPONSE_BYTES: "-5" },
      "PLAYBOOK_HTTP_MAX_RESPONSE_BYTES must be a whole",
    ],
    [
      { PLAYBOOK_HTTP_MAX_RESPONSE_BYTES: "0" },
      "PLAYBOOK_HTTP_MAX_RESPONSE_BYTES must be at least",
    ],
    [
      { PLAYBOOK_HTTP_MAX_RESPONSE_BYTES: "99999999999" },
      "PLAYBOOK_HTTP_MAX_RESPONSE_BYTES must be at most",
    ],
  ])("%j stops start-up: %s", (env, message) => {
    expect(() => read(env)).toThrow(
      expect.objectContaining({ name: "ConfigError", message: expect.stringContaining(message) }),
    );
  });
});

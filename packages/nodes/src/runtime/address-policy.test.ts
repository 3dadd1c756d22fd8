import { describe, expect, it } from "vitest";
import { createAddressPolicy, isHttpAllowEntry } from "./address-policy";

describe("which addresses outgoing HTTP may reach", () => {
  const byDefault = createAddressPolicy();

  it.each([["8.8.8.8"], ["203.0.112.9"], ["2606:4700:4700::1111"], ["::ffff:8.8.8.8"]])(
    "public address %s is allowed",
    (address) => {
      expect(byDefault.refusalOf(address)).toBeUndefined();
    },
  );

  it.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["fd00::1", "unique-local"],
    ["fc00::1", "unique-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "reserved"],
    // IPv6 spellings of refused IPv4 addresses
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["::ffff:10.0.0.1", "private"],
    ["::7f00:1", "IPv4-compatible"],
    ["64:ff9b::a9fe:a9fe", "rfc6052"],
  ])("%s is refused as %s", (address, kind) => {
    expect(byDefault.refusalOf(address)).toContain(kind);
  });

  it("an operator's allow list opens single addresses, CIDR ranges and host names", () => {
    const policy = createAddressPolicy([
      "127.0.0.1",
      "10.0.0.0/8",
      "fd12:3456::/32",
      "CRM.Internal",
      "[::1]",
    ]);
    expect(policy.refusalOf("127.0.0.1")).toBeUndefined();
    expect(policy.refusalOf("::ffff:127.0.0.1")).toBeUndefined();
    expect(policy.refusalOf("::1")).toBeUndefined();
    expect(policy.refusalOf("10.200.3.4")).toBeUndefined();
    expect(policy.refusalOf("fd12:3456:1::9")).toBeUndefined();
    expect(policy.allowsHostName("crm.internal")).toBe(true);
    expect(policy.allowsHostName("crm.internal.")).toBe(true);
    // ...and nothing next to them
    expect(policy.refusalOf("127.0.0.2")).toContain("loopback");
    expect(policy.refusalOf("11.0.0.1")).toBeUndefined();
    expect(policy.refusalOf("192.168.0.1")).toContain("private");
    expect(policy.refusalOf("169.254.169.254")).toContain("link-local");
    expect(policy.refusalOf("fd12:3457::1")).toContain("unique-local");
    expect(policy.allowsHostName("other.internal")).toBe(false);
    expect(policy.allowsHostName("crm.internal.evil.example")).toBe(false);
  });

  it("an IPv4-mapped IPv6 range written by the operator covers the IPv4 addresses", () => {
    const policy = createAddressPolicy(["::ffff:10.0.0.0/104"]);
    expect(policy.refusalOf("10.9.8.7")).toBeUndefined();
    expect(policy.refusalOf("192.168.0.1")).toContain("private");
  });

  it("tells allow-list entries it understands from ones it does not", () => {
    for (const entry of ["crm.internal", "127.0.0.1", "10.0.0.0/8", "::1", "fc00::/7", "a-b_c"])
      expect(isHttpAllowEntry(entry), entry).toBe(true);
    for (const entry of ["", "crm internal", "10.0.0.0/33", "10.0.0", "127.1", "http://x", "*"])
      expect(isHttpAllowEntry(entry), entry).toBe(false);
    expect(() => createAddressPolicy(["10.0.0.0/40"])).toThrow(/10\.0\.0\.0\/40/);
  });
});

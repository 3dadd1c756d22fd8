// Which addresses outgoing HTTP may reach. A process definition chooses its URLs, so by default
// only public unicast addresses pass: loopback, private, link-local (cloud metadata), CGNAT,
// multicast, reserved and the IPv6 forms that embed such IPv4 addresses are refused unless the
// operator allows a host name, an address or a CIDR range by name.
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** The operator's setting that allows more; named in every refusal. */
export const HTTP_ALLOW_SETTING = "PLAYBOOK_HTTP_ALLOW";

/**
 * IPv4-compatible IPv6 (`::a.b.c.d`, deprecated) is "unicast" to ipaddr.js, yet it names an IPv4
 * address; refused like everything that is not plainly public.
 */
const EXTRA_REFUSED_RANGES: ReadonlyArray<[Address, number]> = [ipaddr.parseCIDR("::/96")];

export interface AddressPolicy {
  /** True when the operator allowed this host name by name (any address it resolves to). */
  allowsHostName(hostname: string): boolean;
  /** Undefined when the address may be reached, else why not (e.g. "a loopback address"). */
  refusalOf(address: string): string | undefined;
}

/** Host names of letters, digits, `-` and `_` in dot-separated labels (IDNs as punycode). */
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

type AllowEntry = { kind: "hostName"; name: string } | { kind: "range"; range: [Address, number] };

/** Parses one allow-list entry: a host name, an IP address or a CIDR range; undefined if none. */
function parseAllowEntry(text: string): AllowEntry | undefined {
  const entry = text.trim().toLowerCase();
  if (entry.includes("/")) {
    if (!ipaddr.isValidCIDR(entry)) return undefined;
    return { kind: "range", range: unwrapRange(ipaddr.parseCIDR(entry)) };
  }
  const literal = entry.startsWith("[") && entry.endsWith("]") ? entry.slice(1, -1) : entry;
  if (ipaddr.IPv4.isValidFourPartDecimal(literal) || ipaddr.IPv6.isValid(literal)) {
    const address = ipaddr.process(literal);
    return { kind: "range", range: [address, address.kind() === "ipv4" ? 32 : 128] };
  }
  const name = withoutTrailingDot(entry);
  // Something like "10.0.0" is no host name anyone means: refuse it rather than guess.
  if (!HOST_NAME.test(name) || /^[\d.]+$/.test(name)) return undefined;
  return { kind: "hostName", name };
}

/** True when `text` is a host name, an IP address or a CIDR range the allow list accepts. */
export function isHttpAllowEntry(text: string): boolean {
  return parseAllowEntry(text) !== undefined;
}

export function createAddressPolicy(allow: readonly string[] = []): AddressPolicy {
  const hostNames = new Set<string>();
  const ranges: Array<[Address, number]> = [];
  for (const text of allow) {
    const entry = parseAllowEntry(text);
    if (entry === undefined) {
      throw new Error(`"${text}" is not a host name, IP address or CIDR range`);
    }
    if (entry.kind === "hostName") hostNames.add(entry.name);
    else ranges.push(entry.range);
  }
  return {
    allowsHostName: (hostname) => hostNames.has(withoutTrailingDot(hostname.toLowerCase())),
    refusalOf(text) {
      let address: Address;
      try {
        // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it maps.
        address = ipaddr.process(text);
      } catch {
        return "not an IP address";
      }
      if (ranges.some((range) => inRange(address, range))) return undefined;
      const kind = address.range();
      if (kind !== "unicast") return describeRange(kind);
      if (EXTRA_REFUSED_RANGES.some((range) => inRange(address, range)))
        return "an IPv4-compatible IPv6 address";
      return undefined;
    },
  };
}

function inRange(address: Address, [network, bits]: [Address, number]): boolean {
  return address.kind() === network.kind() && address.match(network, bits);
}

/** `::ffff:10.0.0.0/104` is written for IPv4 addresses; match it as 10.0.0.0/8. */
function unwrapRange([network, bits]: [Address, number]): [Address, number] {
  if (network.kind() === "ipv6" && bits >= 96) {
    const v6 = network as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return [v6.toIPv4Address(), bits - 96];
  }
  return [network, bits];
}

function withoutTrailingDot(name: string): string {
  return name.endsWith(".") ? name.slice(0, -1) : name;
}

const RANGE_NAMES: Readonly<Record<string, string>> = {
  loopback: "a loopback address",
  private: "a private-network address",
  linkLocal: "a link-local address (this range holds cloud metadata services)",
  uniqueLocal: "a unique-local (private) IPv6 address",
  carrierGradeNat: "a carrier-grade NAT address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
};

function describeRange(kind: string): string {
  return RANGE_NAMES[kind] ?? `a non-public address (${kind})`;
}

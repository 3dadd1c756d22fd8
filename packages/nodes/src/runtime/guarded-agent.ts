// An undici Agent whose every connection is checked against the address policy at the moment it
// is made: the DNS answer is checked in the socket's own lookup, so a name that resolves to a
// public address when validated and to 127.0.0.1 when connecting (DNS rebinding) is still
// refused, and so is every redirect hop, since each one connects through this agent.
import { type LookupAddress, type LookupOptions, lookup as systemLookup } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { NodeError } from "@playbook/node-sdk";
import { Agent, buildConnector } from "undici";
import { type AddressPolicy, HTTP_ALLOW_SETTING } from "./address-policy";

/** Thrown (as a connection error) when the policy refuses the address a request would reach. */
export class AddressRefusedError extends NodeError {
  constructor(hostname: string, address: string, reason: string) {
    const target = hostname === address ? address : `${hostname} (${address})`;
    super(
      "http.addressRefused",
      `refused to connect to ${target}: it is ${reason}, and requests to non-public addresses ` +
        `are refused. An operator who trusts it can allow it by adding "${hostname}" to ${HTTP_ALLOW_SETTING} ` +
        "(comma-separated host names, IP addresses or CIDR ranges)",
    );
  }
}

export function createGuardedAgent(policy: AddressPolicy): Agent {
  const lookup = guardedLookup(policy);
  const connect = buildConnector({ lookup });
  return new Agent({
    connect: (options, callback) => {
      const hostname = unbracket(options.hostname);
      // A literal IP is connected to without a lookup, so it is checked here.
      if (isIP(hostname) !== 0) {
        const reason = policy.refusalOf(hostname);
        if (reason !== undefined) {
          callback(new AddressRefusedError(hostname, hostname, reason), null);
          return;
        }
      }
      connect(options, callback);
    },
  });
}

/**
 * Resolves like the system would, then keeps only the addresses the policy allows; none left is
 * a refusal naming the first. Answers in both shapes `net.connect` asks for (one or `all`).
 */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options: LookupOptions, callback) => {
    systemLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, "", 0);
        return;
      }
      const allowed = policy.allowsHostName(hostname)
        ? addresses
        : addresses.filter((entry) => policy.refusalOf(entry.address) === undefined);
      const first = allowed[0];
      if (first === undefined) {
        const refused = addresses[0];
        const reason = refused === undefined ? undefined : policy.refusalOf(refused.address);
        callback(
          new AddressRefusedError(
            hostname,
            refused?.address ?? "no address",
            reason ?? "not resolvable",
          ),
          "",
          0,
        );
        return;
      }
      if (options.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

function unbracket(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

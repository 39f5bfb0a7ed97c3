import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Decides whether crosscheck may open a connection to an IP address. */
export type AddressPolicy = (address: string) => boolean;

/**
 * True for globally routable unicast addresses only: loopback, private,
 * link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, reserved and
 * the IPv6 ranges that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) are refused,
 * so a page cannot make crosscheck reach into the reader's own network.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

/** Thrown from the lookup when every address of a host is refused by the policy. */
export class BlockedAddressError extends Error {
  readonly host: string;
  readonly address: string;

  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, which is not a public address`);
    this.name = 'BlockedAddressError';
    this.host = host;
    this.address = address;
  }
}

/**
 * A `lookup` for net/tls connect that drops the addresses the policy refuses.
 * Checking at connect time, on the addresses actually dialled, also covers
 * DNS answers that change between a check and the connection (rebinding) and
 * every redirect hop. IP literals never reach a lookup: check those separately.
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  const lookup = (hostname: string, options: { family?: number | string; all?: boolean }, callback: (...args: unknown[]) => void): void => {
    dnsLookup(hostname, { family: options.family as number | undefined, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, options.all ? [] : '', 0);
      const allowed = addresses.filter((a) => policy(a.address));
      if (allowed.length === 0) {
        return callback(new BlockedAddressError(hostname, addresses[0]?.address ?? '(none)'), options.all ? [] : '', 0);
      }
      if (options.all) return callback(null, allowed);
      return callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
  return lookup as unknown as LookupFunction;
}

import ipaddr from 'ipaddr.js';

/**
 * Per-key IP allow-lists: IPv4 and IPv6 CIDR ranges, or bare addresses
 * (a /32 or /128). An empty list allows every address (the default for a new
 * key). IPv4-mapped IPv6 addresses (`::ffff:192.0.2.1`, what a dual-stack
 * Node socket reports for an IPv4 client) are compared as the IPv4 address
 * they carry, on both sides.
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** One parsed entry. */
export interface IpRange {
  readonly address: Address;
  readonly prefixLength: number;
  /** Canonical text form, e.g. `192.0.2.0/24` or `2001:db8::/32`. */
  readonly cidr: string;
}

/** A parsed, valid allow-list, ready for `isAllowed`. */
export type IpAllowlist = readonly IpRange[];

export type IpAllowlistErrorReason = 'invalid_address' | 'invalid_prefix_length' | 'zone_id_not_allowed';

export type ParseIpAllowlistResult =
  | { readonly ok: true; readonly list: IpAllowlist }
  | {
      readonly ok: false;
      /** Index of the first bad entry, for the JSON pointer `/ipAllowlist/<index>`. */
      readonly index: number;
      readonly entry: string;
      readonly reason: IpAllowlistErrorReason;
    };

// Dotted quad, each part 0–255 without leading zeros (which some parsers read as octal).
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const DOTTED_QUAD = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/**
 * Parses an address the strict way: dotted quad for IPv4 (no `127.1`, no
 * octal or hex), any valid IPv6. Our own IPv4 test runs first because
 * ipaddr.js's validity checks throw and catch internally on a miss, which
 * costs ~100 µs per IPv6 address on the request path.
 */
function parseAddress(text: string): Address | undefined {
  if (DOTTED_QUAD.test(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes(':')) return undefined;
  // ipaddr.js reads any IPv6 text ending in a dotted quad as IPv4-mapped
  // (`::1.2.3.4` becomes `::ffff:1.2.3.4`), so only the mapped form itself is
  // accepted with a dotted quad; the deprecated IPv4-compatible and NAT64
  // forms are refused rather than misread.
  if (text.includes('.') && !/(?:^|:)ffff:[0-9.]+$/i.test(text)) return undefined;
  try {
    return ipaddr.IPv6.parse(text);
  } catch {
    return undefined;
  }
}

/** `::ffff:a.b.c.d` → `a.b.c.d`; other addresses unchanged. */
function unmap(address: Address): Address {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

function parseEntry(raw: string): IpRange | IpAllowlistErrorReason {
  const entry = raw.trim();
  if (entry.includes('%')) return 'zone_id_not_allowed';
  const slash = entry.indexOf('/');
  const addressText = slash === -1 ? entry : entry.slice(0, slash);
  const prefixText = slash === -1 ? undefined : entry.slice(slash + 1);
  const parsed = parseAddress(addressText);
  if (!parsed) return 'invalid_address';
  const max = parsed.kind() === 'ipv4' ? 32 : 128;
  let prefixLength = max;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return 'invalid_prefix_length';
    prefixLength = Number(prefixText);
  }
  let address: Address = parsed;
  // A mapped IPv6 range (::ffff:10.0.0.0/104) is the IPv4 range it maps.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() && prefixLength >= 96) {
    address = (parsed as ipaddr.IPv6).toIPv4Address();
    prefixLength -= 96;
  }
  // Store the network address, so `10.1.2.3/8` is kept as `10.0.0.0/8`.
  const network =
    address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefixLength}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefixLength}`);
  return { address: network, prefixLength, cidr: `${network.toString()}/${prefixLength}` };
}

/**
 * Parses allow-list entries. Stops at the first invalid one and reports its
 * index, so the route can answer 422 with a pointer to that entry.
 */
export function parseIpAllowlist(entries: readonly string[]): ParseIpAllowlistResult {
  const list: IpRange[] = [];
  for (const [index, entry] of entries.entries()) {
    const result = parseEntry(entry);
    if (typeof result === 'string') return { ok: false, index, entry, reason: result };
    list.push(result);
  }
  return { ok: true, list };
}

/**
 * True when `ip` (as the socket reports it) is inside one of the ranges, or
 * the list is empty. An unparsable `ip` is never allowed by a non-empty list.
 */
export function isAllowed(list: IpAllowlist, ip: string): boolean {
  if (list.length === 0) return true;
  const text = ip.trim().replace(/%.*$/, '');
  // Fast path for the form dual-stack sockets report for IPv4 clients.
  const mapped = /^::ffff:(.*)$/i.exec(text)?.[1];
  const raw = mapped !== undefined && DOTTED_QUAD.test(mapped) ? ipaddr.IPv4.parse(mapped) : parseAddress(text);
  if (!raw) return false;
  const address = unmap(raw);
  return list.some(
    (range) =>
      range.address.kind() === address.kind() &&
      (address as ipaddr.IPv4).match(range.address as ipaddr.IPv4, range.prefixLength),
  );
}

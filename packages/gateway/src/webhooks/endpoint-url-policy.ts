import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Which URLs may receive webhooks. The gateway makes HTTP requests to URLs
 * its users choose, so an unchecked URL is a server-side request forgery
 * hole: `http://169.254.169.254/` reads cloud credentials, `http://10.0.0.5/`
 * reaches the operator's private network.
 *
 * The rules:
 * - `https:` only; `http:` only when the operator allows it (local
 *   development with the carrier simulator).
 * - No user name or password in the URL (they would be logged and stored).
 * - The host must be a public unicast address: not private (RFC 1918),
 *   loopback, link-local (including the 169.254.169.254 metadata service),
 *   CGNAT 100.64.0.0/10, unique-local fc00::/7, unspecified (0.0.0.0, ::),
 *   multicast, broadcast, documentation/benchmarking/reserved ranges, nor an
 *   IPv6 form that embeds an IPv4 address (mapped, IPv4-compatible, NAT64,
 *   6to4, Teredo).
 *   With `allowPrivateAddresses` (local development) only unspecified,
 *   multicast and broadcast are still refused.
 * - Literal addresses are checked as written; names are resolved and EVERY
 *   answer must pass, so a name that resolves to a public and a private
 *   address (DNS rebinding) is refused.
 *
 * This check runs when the endpoint is registered. Resolution can change
 * later, so the delivery side must connect to an address it has checked
 * (resolve, check with `isForbiddenAddress`, connect to that address) rather
 * than trusting this earlier answer.
 */

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Resolves a host name to all its addresses; `dns.promises.lookup(host, { all: true })` by default. */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

const defaultResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface EndpointUrlPolicyOptions {
  /** Allow `http:` URLs (operator setting for local development). Default false. */
  readonly allowHttp?: boolean | undefined;
  /** Allow private, loopback and link-local addresses (local development). Default false. */
  readonly allowPrivateAddresses?: boolean | undefined;
  readonly resolve?: HostResolver | undefined;
  /** Give up on DNS after this long. Default 5,000 ms. */
  readonly dnsTimeoutMs?: number | undefined;
  /** Longest URL accepted. Default 2,048 (the contract's callback URL limit). */
  readonly maxLength?: number | undefined;
}

export type EndpointUrlRejection =
  | 'invalid_url'
  | 'too_long'
  | 'unsupported_scheme'
  | 'insecure_scheme'
  | 'credentials_in_url'
  | 'forbidden_address'
  | 'dns_lookup_failed'
  | 'no_addresses';

export type EndpointUrlCheckResult =
  | {
      readonly ok: true;
      /** The normalised URL to store (WHATWG serialisation). */
      readonly url: string;
      /** The addresses checked (the literal, or every DNS answer). */
      readonly addresses: readonly string[];
    }
  | {
      readonly ok: false;
      readonly reason: EndpointUrlRejection;
      readonly message: string;
      /** For `forbidden_address`: the address at fault and its range name (`private`, `loopback`…). */
      readonly address?: string;
      readonly range?: string;
    };

const ALWAYS_FORBIDDEN = new Set(['unspecified', 'multicast', 'broadcast']);

/**
 * The range name that makes an address unacceptable, or `undefined` when it
 * may receive webhooks. IPv4-mapped IPv6 addresses are judged as the IPv4
 * address they carry. Unparsable input is `invalid`.
 */
export function isForbiddenAddress(address: string, options: { allowPrivateAddresses?: boolean | undefined } = {}) {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.process(address);
  let range: string = parsed.range();
  // ::/96 (IPv4-compatible, deprecated by RFC 4291) has no name in ipaddr.js
  // and would pass as unicast; `::7f00:1` is 127.0.0.1 in that form.
  if (
    range === 'unicast' &&
    parsed.kind() === 'ipv6' &&
    (parsed as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)
  ) {
    range = 'ipv4Compatible';
  }
  if (range === 'unicast') return undefined;
  if (options.allowPrivateAddresses && !ALWAYS_FORBIDDEN.has(range)) return undefined;
  return range;
}

function reject(reason: EndpointUrlRejection, message: string, extra: { address?: string; range?: string } = {}) {
  return { ok: false as const, reason, message, ...extra };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, rejectPromise) => {
    timer = setTimeout(() => rejectPromise(new Error('DNS lookup timed out')), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks a webhook URL against the policy above. Never throws. */
export async function checkEndpointUrl(
  input: string,
  options: EndpointUrlPolicyOptions = {},
): Promise<EndpointUrlCheckResult> {
  if (input.length > (options.maxLength ?? 2048)) return reject('too_long', 'The URL is too long');
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return reject('invalid_url', 'Not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return reject('unsupported_scheme', 'Webhook URLs must use https');
  }
  if (url.protocol === 'http:' && !options.allowHttp) return reject('insecure_scheme', 'Webhook URLs must use https');
  if (url.username !== '' || url.password !== '') {
    return reject('credentials_in_url', 'Put no user name or password in the URL; use the signing secret');
  }
  // WHATWG URL has already normalised IPv4 forms (`0x7f.1` → `127.0.0.1`)
  // and wraps IPv6 literals in brackets.
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (host === '') return reject('invalid_url', 'The URL has no host');

  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      const answers = await withTimeout((options.resolve ?? defaultResolver)(host), options.dnsTimeoutMs ?? 5000);
      addresses = answers.map((a) => a.address);
    } catch {
      return reject('dns_lookup_failed', 'The host name could not be resolved');
    }
    if (addresses.length === 0) return reject('no_addresses', 'The host name has no addresses');
  }

  for (const address of addresses) {
    const range = isForbiddenAddress(address, { allowPrivateAddresses: options.allowPrivateAddresses });
    if (range !== undefined) {
      return reject('forbidden_address', `The URL points to a ${range} address, which cannot receive webhooks`, {
        address,
        range,
      });
    }
  }
  return { ok: true, url: url.href, addresses };
}

// HMAC-SHA256 for `v1` signatures: synchronous where the runtime has Node's
// crypto module, Web Crypto everywhere else. Both give the same 32 bytes.
//
// Why two paths: Web Crypto's `subtle.sign` is asynchronous, and Node runs
// each call as a job on the libuv thread pool. The round trip (~60–80 µs)
// costs ten times the HMAC of a 1 KB body, so one-at-a-time verification ran
// at less than half the speed of the pure-JS `standardwebhooks` package.
// Node's `createHmac` does the same work synchronously in a few µs. See
// docs/decisions/0005-webhook-hmac-fast-path.md.

/** Computes HMAC-SHA256 of `content` under one fixed key. */
export type HmacSha256 = (content: Uint8Array<ArrayBuffer>) => Uint8Array | Promise<Uint8Array>;

/** The few members of `node:crypto` used here, so no Node types leak into the SDK. */
export interface NodeCryptoLike {
  createHmac(
    algorithm: 'sha256',
    key: unknown,
  ): {
    update(data: Uint8Array): { digest(): Uint8Array };
  };
  createSecretKey?(key: Uint8Array): unknown;
}

/** `globalThis`, or a stand-in for it in tests. */
export interface ScopeLike {
  process?: unknown;
}

/**
 * `node:crypto` if the runtime hands it over synchronously through
 * `process.getBuiltinModule` (Node >= 20.16 / 22.3, Bun, Deno, workers with
 * Node compatibility), else undefined. A static `import 'node:crypto'` would
 * break browser and edge bundles, hence this feature detection.
 *
 * `process` is read as `globalThis.process` on purpose: the SDK's lint rule
 * bans the bare `process` global so that no setting is ever read from the
 * environment. This reads no setting; it asks the runtime what it can do.
 * Edge runtimes and bundler polyfills have a `process` without
 * `getBuiltinModule`, which lands on Web Crypto.
 */
export function nodeCryptoFrom(scope: ScopeLike = globalThis as ScopeLike): NodeCryptoLike | undefined {
  try {
    const runtime = scope.process as { getBuiltinModule?: unknown } | null | undefined;
    if (typeof runtime?.getBuiltinModule !== 'function') return undefined;
    const candidate = runtime.getBuiltinModule('node:crypto') as Partial<NodeCryptoLike> | undefined;
    return typeof candidate?.createHmac === 'function' ? (candidate as NodeCryptoLike) : undefined;
  } catch {
    // A runtime may refuse the module (a permission model, a stub): use Web Crypto.
    return undefined;
  }
}

/** Synchronous HMAC-SHA256 with `node:crypto`. */
export function nodeHmacSha256(crypto: NodeCryptoLike, secret: Uint8Array): HmacSha256 {
  // A KeyObject made once is ~4x faster per call than handing createHmac the
  // raw bytes, which it would copy and wrap into a key on every call.
  const key = crypto.createSecretKey ? crypto.createSecretKey(secret) : secret;
  return (content) => crypto.createHmac('sha256', key).update(content).digest();
}

/** Asynchronous HMAC-SHA256 with Web Crypto; the key is imported once. */
export async function webCryptoHmacSha256(subtle: SubtleCrypto, secret: Uint8Array<ArrayBuffer>): Promise<HmacSha256> {
  const key = await subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (content) => new Uint8Array(await subtle.sign('HMAC', key, content));
}

let detected: NodeCryptoLike | null | undefined;

/**
 * An HMAC-SHA256 function for `secret`: the synchronous Node one when the
 * runtime offers it (detected once), else Web Crypto from `subtle()`.
 */
export function hmacSha256(
  secret: Uint8Array<ArrayBuffer>,
  subtle: () => SubtleCrypto,
): HmacSha256 | Promise<HmacSha256> {
  if (detected === undefined) detected = nodeCryptoFrom() ?? null;
  return detected === null ? webCryptoHmacSha256(subtle(), secret) : nodeHmacSha256(detected, secret);
}

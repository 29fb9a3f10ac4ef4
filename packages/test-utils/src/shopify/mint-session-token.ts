import { createHmac, randomUUID } from 'node:crypto';

export interface MintSessionTokenOptions {
  /** `my-shop.myshopify.com` */
  shop: string;
  /** The app's client id: the token's `aud`. */
  apiKey: string;
  /** The app's client secret: the HS256 key. */
  apiSecret: string;
  /** The staff member (`sub`); Shopify sends the user id as a string. */
  userId?: string;
  /** Lifetime from now; Shopify issues one-minute tokens. Negative mints an expired token. */
  expiresInS?: number;
  /** Clock in epoch milliseconds, for tests on a fake clock. */
  now?: number;
}

/**
 * A session token (ID token) as App Bridge hands it to an embedded app: an HS256 JWT signed with
 * the app secret, carrying the claims listed at
 * https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens#payload
 * (`iss` the shop admin, `dest` the shop, `aud` the client id, `sub` the user, `exp`/`nbf`/`iat`,
 * `jti`, `sid`, `sig`).
 */
export function mintSessionToken(options: MintSessionTokenOptions): string {
  const nowS = Math.floor((options.now ?? Date.now()) / 1000);
  const payload = {
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey,
    sub: options.userId ?? '42',
    exp: nowS + (options.expiresInS ?? 60),
    nbf: nowS - 5,
    iat: nowS - 5,
    jti: randomUUID(),
    sid: randomUUID(),
    sig: randomUUID().replaceAll('-', ''),
  };
  const signingInput = `${base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64Url(JSON.stringify(payload))}`;
  const signature = createHmac('sha256', options.apiSecret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

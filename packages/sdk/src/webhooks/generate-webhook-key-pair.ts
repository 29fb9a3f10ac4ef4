import { encodeBase64 } from './internal/base64';
import { subtleCrypto, unsupportedEd25519 } from './internal/webhook-keys';

export interface WebhookKeyPair {
  /** Signs (`v1a`): keep it on the sender. `whsk_` + base64 of the 32-byte Ed25519 seed (RFC 8032 private key). */
  secretKey: `whsk_${string}`;
  /** Verifies: give it to receivers. `whpk_` + base64 of the 32-byte Ed25519 public key. */
  publicKey: `whpk_${string}`;
}

/**
 * A new Ed25519 key pair for asymmetric (`v1a`) webhook signatures. Needs
 * Ed25519 in Web Crypto (Node >= 22, Deno, Bun, workers, current browsers).
 */
export async function generateWebhookKeyPair(): Promise<WebhookKeyPair> {
  const crypto = subtleCrypto();
  let pair: CryptoKeyPair;
  try {
    pair = (await crypto.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  } catch (error) {
    throw unsupportedEd25519(error);
  }
  const pkcs8 = new Uint8Array(await crypto.exportKey('pkcs8', pair.privateKey));
  const publicKey = new Uint8Array(await crypto.exportKey('raw', pair.publicKey));
  // The seed is the last 32 bytes of the fixed-layout PKCS#8 structure (RFC 8410).
  const seed = pkcs8.subarray(pkcs8.length - 32);
  return { secretKey: `whsk_${encodeBase64(seed)}`, publicKey: `whpk_${encodeBase64(publicKey)}` };
}

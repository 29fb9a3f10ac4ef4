// Base64 on Uint8Array without Buffer, so the webhooks subpath runs on edge
// runtimes and in browsers. atob/btoa exist everywhere we run; they work on
// "binary strings" (one char per byte), hence the small loops.

const STRICT_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes standard base64 (RFC 4648 §4). Padding is optional, because the
 * reference libraries accept unpadded secrets too. Returns undefined for
 * anything else, including base64url, so callers decide how to report it.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!STRICT_BASE64.test(text)) return undefined;
  const unpadded = text.replace(/=+$/, '');
  // A single trailing character carries 6 bits, which is never a whole byte.
  if (unpadded.length % 4 === 1) return undefined;
  if (text.length !== unpadded.length && text.length % 4 !== 0) return undefined;
  let binary: string;
  try {
    binary = atob(unpadded);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

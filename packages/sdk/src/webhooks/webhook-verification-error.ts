import { KarvonError, type KarvonErrorJSON } from '../errors/karvon-error';

/**
 * Why a webhook was rejected. Stable snake_case codes: branch on these, not
 * on the message text.
 */
export type WebhookVerificationReason =
  /** `webhook-id`, `webhook-timestamp` or `webhook-signature` is absent or empty. */
  | 'missing_headers'
  /** `webhook-timestamp` is not an integer number of Unix seconds. */
  | 'invalid_timestamp'
  /** The timestamp is older than the tolerance allows (a possible replay). */
  | 'timestamp_too_old'
  /** The timestamp is further in the future than the tolerance allows. */
  | 'timestamp_too_new'
  /** No signature in `webhook-signature` matches any of the given secrets. */
  | 'no_matching_signature'
  /** A secret is empty, not base64, or of a kind that cannot do this job. */
  | 'malformed_secret'
  /** The runtime's Web Crypto lacks an algorithm the secret needs (Ed25519). */
  | 'unsupported_algorithm'
  /** The signature is valid but the body is not JSON. */
  | 'invalid_json'
  /** The body is JSON but not an event envelope (an object with a string `type`). */
  | 'invalid_event'
  /** A raw-body helper found a parsed body instead of the bytes that were signed. */
  | 'raw_body_unavailable';

/**
 * Thrown when a webhook cannot be trusted or read. The message says what to
 * fix; it never contains the secret, the signature or the body.
 * `WebhookVerificationError.isInstance(e)` also recognises one thrown by
 * another copy of the SDK.
 */
export class WebhookVerificationError extends KarvonError {
  static override readonly errorName: string = 'WebhookVerificationError';
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }

  override toJSON(): KarvonErrorJSON & { reason: WebhookVerificationReason } {
    return { ...super.toJSON(), reason: this.reason };
  }
}

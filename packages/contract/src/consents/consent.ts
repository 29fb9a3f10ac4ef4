import * as z from 'zod/mini';
import { type ListParams, listParamsShape } from '../common/list-params';
import { pageSchema } from '../common/page';
import { rfc3339Schema } from '../common/rfc3339';
import { pure } from '../internal/pure';
import { phoneNumberSchema } from '../messages/send-message-request';

/**
 * A recipient's consent to marketing messages: where it was given, when, and the proof (a form
 * submission id, a signed document, a checkbox log line). Marketing messages need one.
 */
export interface Consent {
  /** E.164 */
  phoneNumber: string;
  /** Where consent was given: `checkout`, `web_form`, `shopify`, … */
  source: string;
  proof?: string;
  /** RFC 3339 */
  consentedAt: string;
  /** RFC 3339; present once the consent was revoked. */
  revokedAt?: string;
}

/** The body of `POST /consents`. Recording consent again replaces the previous record. */
export interface CreateConsentRequest {
  phoneNumber: string;
  source: string;
  proof?: string;
  /** RFC 3339 with offset; default: now. */
  consentedAt?: string;
}

/** The query of `GET /consents`. */
export interface ListConsentsParams extends ListParams {
  phoneNumber?: string;
}

/** Strict (request). */
export const createConsentRequestSchema = pure(() =>
  z.strictObject({
    phoneNumber: phoneNumberSchema,
    source: z.string().check(z.minLength(1), z.maxLength(64)),
    proof: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(2000))),
    consentedAt: z.exactOptional(rfc3339Schema),
  }),
);

/** Strict (query). */
export const listConsentsParamsSchema = pure(() =>
  z.strictObject({
    ...listParamsShape,
    phoneNumber: z.exactOptional(phoneNumberSchema),
  }),
);

/** Loose (response). `DELETE /consents/{phoneNumber}` answers with the consent, `revokedAt` set. */
export const consentSchema = pure(() =>
  z.looseObject({
    phoneNumber: z.string(),
    source: z.string(),
    proof: z.exactOptional(z.string()),
    consentedAt: z.string(),
    revokedAt: z.exactOptional(z.string()),
  }),
);

/** Loose (response) of `GET /consents`. */
export const consentPageSchema = pure(() => pageSchema(consentSchema));

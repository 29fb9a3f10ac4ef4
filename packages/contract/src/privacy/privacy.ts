import * as z from 'zod/mini';
import { type Consent, consentSchema } from '../consents/consent';
import { pure } from '../internal/pure';
import { type Message, messageSchema } from '../messages/message';
import { phoneNumberSchema } from '../messages/send-message-request';
import { type OptOut, optOutSchema } from '../opt-outs/opt-out';

/** The body of `POST /privacy/export` and `POST /privacy/erasure`: whose data. */
export interface PrivacyRequest {
  /** E.164 */
  phoneNumber: string;
}

/** A reply the number sent to the account. */
export interface PrivacyInboundMessage {
  id: string;
  from: string;
  to: string;
  body: string;
  /** The STOP/START/HELP keyword it carried, if any. */
  keyword?: string;
  /** RFC 3339 */
  receivedAt: string;
}

/** One entry of the consent ledger: an opt-out or opt-in with its source. */
export interface PrivacyConsentChange {
  action: 'opt_out' | 'opt_in' | (string & {});
  scope: string;
  source: string;
  keyword?: string;
  /** RFC 3339 */
  at: string;
}

/** Everything the account holds about a phone number (a data-subject access request). */
export interface PrivacyExport {
  phoneNumber: string;
  messages: Message[];
  optOuts: OptOut[];
  consents: Consent[];
  /** Replies from the number (gateways from 2026-11 on). */
  inboundMessages?: PrivacyInboundMessage[];
  /** Every opt-out and opt-in of the number, oldest first (gateways from 2026-11 on). */
  consentHistory?: PrivacyConsentChange[];
  /** RFC 3339 */
  exportedAt: string;
}

/**
 * The answer to `POST /privacy/erasure`: how many of the number's messages were erased (their bodies
 * and the number itself). What else is kept or removed (an opt-out, which stops further messages;
 * ledger amounts) is the gateway's documented policy.
 */
export interface PrivacyErasure {
  phoneNumber: string;
  erasedMessages: number;
  /** RFC 3339 */
  erasedAt: string;
}

/** Strict (request). */
export const privacyRequestSchema = pure(() => z.strictObject({ phoneNumber: phoneNumberSchema }));

/** Loose (response). */
export const privacyExportSchema = pure(() =>
  z.looseObject({
    phoneNumber: z.string(),
    messages: z.array(messageSchema),
    optOuts: z.array(optOutSchema),
    consents: z.array(consentSchema),
    inboundMessages: z.exactOptional(
      z.array(
        z.looseObject({
          id: z.string(),
          from: z.string(),
          to: z.string(),
          body: z.string(),
          keyword: z.exactOptional(z.string()),
          receivedAt: z.string(),
        }),
      ),
    ),
    consentHistory: z.exactOptional(
      z.array(
        z.looseObject({
          action: z.string(),
          scope: z.string(),
          source: z.string(),
          keyword: z.exactOptional(z.string()),
          at: z.string(),
        }),
      ),
    ),
    exportedAt: z.string(),
  }),
);

/** Loose (response). */
export const privacyErasureSchema = pure(() =>
  z.looseObject({
    phoneNumber: z.string(),
    erasedMessages: z.int().check(z.gte(0)),
    erasedAt: z.string(),
  }),
);

import * as z from 'zod/mini';
import type { Open } from '../common/open';
import { pageSchema } from '../common/page';
import type { SenderId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';
import { SEND_LIMITS } from '../messages/send-limits';

/** `alphanumeric` (≤ 11 characters, such as `Karvon`), `long_code` (a phone number), `short_code` (3–8 digits). */
export const SENDER_KINDS = ['alphanumeric', 'long_code', 'short_code'] as const;
export type KnownSenderKind = (typeof SENDER_KINDS)[number];
export type SenderKind = Open<KnownSenderKind>;

/** Registration state: only an `approved` sender may send where the country requires registration. */
export const SENDER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type KnownSenderStatus = (typeof SENDER_STATUSES)[number];
export type SenderStatus = Open<KnownSenderStatus>;

/** A sender ID registered for an account in one country (and, where it matters, with one operator). */
export interface Sender {
  id: SenderId;
  /** What recipients see: `Karvon`, `+998712000000`, `3700`. */
  sender: string;
  kind: SenderKind;
  /** ISO 3166-1 alpha-2, upper case: `UZ`. */
  country: string;
  /** The operator it is registered with, where registration is per operator (Uzbekistan). */
  operator?: string;
  /** The carrier route it is bound to. */
  route?: string;
  status: SenderStatus;
  /** RFC 3339 */
  createdAt: string;
}

/** The body of `POST /senders`. A new sender starts `pending` unless its country needs no registration. */
export interface CreateSenderRequest {
  sender: string;
  kind: KnownSenderKind;
  country: string;
  operator?: string;
  route?: string;
}

// Built lazily like the schemas: a top-level table of regexes would stay in every bundle that
// imports the contract, used or not.
const PATTERN_BY_KIND = pure(
  (): Record<KnownSenderKind, { pattern: RegExp; message: string }> => ({
    alphanumeric: {
      pattern: /^(?=[A-Za-z0-9 ._&-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9 ._&-]*$/,
      message: `An alphanumeric sender is 1 to ${SEND_LIMITS.maxAlphanumericSenderLength} letters, digits, spaces or . _ & - with at least one letter`,
    },
    long_code: { pattern: /^\+?[1-9][0-9]{6,14}$/, message: 'A long code is a phone number in E.164 form' },
    short_code: { pattern: /^[0-9]{3,8}$/, message: 'A short code is 3 to 8 digits' },
  }),
);

/** Strict (request). The sender must match its `kind` (422 `invalid_sender`). */
export const createSenderRequestSchema = pure(() =>
  z
    .strictObject({
      sender: z.string().check(z.minLength(1), z.maxLength(16)),
      kind: z.enum(SENDER_KINDS),
      country: z.string().check(z.regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 country code such as UZ')),
      operator: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(64))),
      route: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(64))),
    })
    .check(
      z.superRefine((value, ctx) => {
        const rule = PATTERN_BY_KIND[value.kind];
        const tooLong = value.kind === 'alphanumeric' && value.sender.length > SEND_LIMITS.maxAlphanumericSenderLength;
        if (rule && (tooLong || !rule.pattern.test(value.sender))) {
          ctx.issues.push({
            code: 'custom',
            input: value.sender,
            path: ['sender'],
            message: rule.message,
            params: { code: 'invalid_sender' },
          });
        }
      }),
    ),
);

/** Loose (response). */
export const senderSchema = pure(() =>
  z.looseObject({
    id: idSchema('sender'),
    sender: z.string(),
    kind: z.string(),
    country: z.string(),
    operator: z.exactOptional(z.string()),
    route: z.exactOptional(z.string()),
    status: z.string(),
    createdAt: z.string(),
  }),
);

/** Loose (response) of `GET /senders`. */
export const senderPageSchema = pure(() => pageSchema(senderSchema));

import * as z from 'zod/mini';
import { type ListParams, listParamsShape } from '../common/list-params';
import type { Open } from '../common/open';
import { pageSchema } from '../common/page';
import { rfc3339Schema } from '../common/rfc3339';
import { pure } from '../internal/pure';
import { phoneNumberSchema } from '../messages/send-message-request';
import { OPT_OUT_SOURCES, type OptOutSource } from '../webhooks/webhook-event';

/** `account`: no messages from this account; `all`: the recipient refused every sender on this gateway. */
export const OPT_OUT_SCOPES = ['account', 'all'] as const;
export type KnownOptOutScope = (typeof OPT_OUT_SCOPES)[number];
export type OptOutScope = Open<KnownOptOutScope>;

/** A recipient who asked not to receive marketing messages (STOP, a form, the carrier). */
export interface OptOut {
  /** E.164 */
  phoneNumber: string;
  scope: OptOutScope;
  source: OptOutSource;
  /** The keyword the recipient sent, such as `STOP`. */
  keyword?: string;
  /** RFC 3339 */
  createdAt: string;
}

/** The body of `POST /opt-outs`. Recording an opt-out that exists returns it unchanged. */
export interface CreateOptOutRequest {
  phoneNumber: string;
  /** Default `api`. */
  source?: (typeof OPT_OUT_SOURCES)[number];
  /** Default `account`. */
  scope?: KnownOptOutScope;
}

/** The answer to `DELETE /opt-outs/{phoneNumber}`: the number may receive messages again. */
export interface OptOutDeleted {
  phoneNumber: string;
  deleted: true;
}

/** The query of `GET /opt-outs`. */
export interface ListOptOutsParams extends ListParams {
  phoneNumber?: string;
  /** RFC 3339 with offset; inclusive. */
  createdAfter?: string;
}

/** Strict (request). */
export const createOptOutRequestSchema = pure(() =>
  z.strictObject({
    phoneNumber: phoneNumberSchema,
    source: z.exactOptional(z.enum(OPT_OUT_SOURCES)),
    scope: z.exactOptional(z.enum(OPT_OUT_SCOPES)),
  }),
);

/** Strict (query). */
export const listOptOutsParamsSchema = pure(() =>
  z.strictObject({
    ...listParamsShape,
    phoneNumber: z.exactOptional(phoneNumberSchema),
    createdAfter: z.exactOptional(rfc3339Schema),
  }),
);

/** Loose (response). */
export const optOutSchema = pure(() =>
  z.looseObject({
    phoneNumber: z.string(),
    scope: z.string(),
    source: z.string(),
    keyword: z.exactOptional(z.string()),
    createdAt: z.string(),
  }),
);

/** Loose (response). */
export const optOutDeletedSchema = pure(() =>
  z.looseObject({
    phoneNumber: z.string(),
    deleted: z.literal(true),
  }),
);

/** Loose (response) of `GET /opt-outs`. */
export const optOutPageSchema = pure(() => pageSchema(optOutSchema));

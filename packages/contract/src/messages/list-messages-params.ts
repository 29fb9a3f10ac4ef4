import * as z from 'zod/mini';
import { type ListParams, listParamsShape } from '../common/list-params';
import { rfc3339Schema } from '../common/rfc3339';
import { pure } from '../internal/pure';
import type { KnownMessageStatus } from './message-status';
import { MESSAGE_STATUSES } from './message-status';
import type { KnownMessageType } from './message-type';
import { MESSAGE_TYPES } from './message-type';
import { SEND_LIMITS } from './send-limits';
import { phoneNumberSchema } from './send-message-request';

/** The query of `GET /messages`: newest first; every filter narrows the list. */
export interface ListMessagesParams extends ListParams {
  status?: KnownMessageStatus;
  /** E.164 recipient. */
  to?: string;
  type?: KnownMessageType;
  clientReference?: string;
  /** RFC 3339 with offset; inclusive. */
  createdAfter?: string;
  /** RFC 3339 with offset; exclusive. */
  createdBefore?: string;
}

/** Strict: filtering by a status this version does not know, or by an unknown field, is a 422. */
export const listMessagesParamsSchema = pure(() =>
  z.strictObject({
    ...listParamsShape,
    status: z.exactOptional(z.enum(MESSAGE_STATUSES)),
    to: z.exactOptional(phoneNumberSchema),
    type: z.exactOptional(z.enum(MESSAGE_TYPES)),
    clientReference: z.exactOptional(
      z.string().check(z.minLength(1), z.maxLength(SEND_LIMITS.maxClientReferenceLength)),
    ),
    createdAfter: z.exactOptional(rfc3339Schema),
    createdBefore: z.exactOptional(rfc3339Schema),
  }),
);

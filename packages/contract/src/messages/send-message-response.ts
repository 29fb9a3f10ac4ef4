import * as z from 'zod/mini';
import type { Open } from '../common/open';
import type { ErrorCode } from '../errors/error-codes';
import type { MessageId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';
import type { Money } from '../money/money';
import { moneyResponseSchema } from '../money/money-schema';
import type { MessageStatus } from './message-status';
import type { MessageEncoding } from './message-type';

/** A message of the request that the gateway took. */
export interface SendAccepted {
  /** Position in the request (0 for a single message). */
  index: number;
  status: 'accepted';
  id: MessageId;
  /** `queued` or `scheduled` at acceptance. */
  messageStatus: MessageStatus;
  to: string;
  encoding: MessageEncoding;
  segments: number;
  price: Money;
  clientReference?: string;
}

/** A message of the request that the gateway refused; the others still go. */
export interface SendRejected {
  index: number;
  status: 'rejected';
  to?: string;
  error: { code: Open<ErrorCode>; detail: string; pointer?: string };
  clientReference?: string;
}

export type SendResult = SendAccepted | SendRejected;

/** The answer to `POST /send`: one result per message, in request order. */
export interface SendMessageResponse {
  results: SendResult[];
  accepted: number;
  rejected: number;
}

const count = pure(() => z.int().check(z.gte(0)));

export const sendAcceptedSchema = pure(() =>
  z.looseObject({
    index: count,
    status: z.literal('accepted'),
    id: idSchema('message'),
    messageStatus: z.string(),
    to: z.string(),
    encoding: z.string(),
    segments: count,
    price: moneyResponseSchema,
    clientReference: z.exactOptional(z.string()),
  }),
);

export const sendRejectedSchema = pure(() =>
  z.looseObject({
    index: count,
    status: z.literal('rejected'),
    to: z.exactOptional(z.string()),
    error: z.looseObject({ code: z.string(), detail: z.string(), pointer: z.exactOptional(z.string()) }),
    clientReference: z.exactOptional(z.string()),
  }),
);

/**
 * Loose for response validation. `status` is a closed pair on purpose: a
 * result is either accepted or rejected, and a third kind would be a new
 * API version, not a new value.
 */
export const sendMessageResponseSchema = pure(() =>
  z.looseObject({
    results: z.array(z.discriminatedUnion('status', [sendAcceptedSchema, sendRejectedSchema])),
    accepted: count,
    rejected: count,
  }),
);

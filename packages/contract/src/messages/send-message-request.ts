import * as z from 'zod/mini';
import {
  isLocalDateTime,
  isRfc3339WithOffset,
  LOCAL_DATE_TIME_PATTERN,
  RFC3339_WITH_OFFSET_PATTERN,
} from '../common/rfc3339';
import { isTimeZone } from '../common/zoned-time';
import type { ErrorCode } from '../errors/error-codes';
import type { TemplateId } from '../ids/id-prefixes';
import { pure } from '../internal/pure';
import { MESSAGE_TYPES } from './message-type';
import { SEND_LIMITS as L } from './send-limits';

/** Fields a message has, which a batch may also set as defaults for its messages. */
export interface MessageDefaults {
  /** Alphanumeric sender ID (≤ 11 characters) or a phone number / short code. Default: the account's. */
  from?: string;
  /** The text. Exactly one of `body` and `template` per message. */
  body?: string;
  /** A template id (`tpl_…`) or name. */
  template?: TemplateId | string;
  /** Values for the template's `{variables}`. In a batch, merged over the batch's, key by key. */
  variables?: Record<string, string | number>;
  type?: 'transactional' | 'marketing';
  /**
   * When to send: an RFC 3339 date-time with offset (`2026-11-01T09:30:00+05:00`),
   * or a local wall time without offset (`2026-11-01T09:30`) when `timezone`
   * is given, read in that zone. With both an offset and a timezone, the
   * offset wins and the timezone only serves quiet hours.
   */
  scheduledAt?: string;
  /** IANA time zone name, such as `Asia/Tashkent`. */
  timezone?: string;
  /** Seconds the carrier keeps trying: 60 to 259200 (72 hours). */
  validityPeriod?: number;
  /** Up to 20 string pairs echoed back in webhooks. In a batch, merged key by key. */
  metadata?: Record<string, string>;
  /** Replace look-alike Unicode characters so the text fits GSM-7. */
  smartEncoding?: boolean;
  /** Where status webhooks for this message go, instead of the account's endpoints. */
  callbackUrl?: string;
}

/** One message: a recipient plus its own fields. */
export interface SingleMessage extends MessageDefaults {
  /** E.164, `+` optional: `+998901234567`. */
  to: string;
  /** Your own reference (≤ 128 characters), echoed back. */
  clientReference?: string;
}

/** Many messages in one request; the top-level fields are defaults for each. */
export interface SendBatchMessageRequest extends MessageDefaults {
  messages: SingleMessage[];
}

/** The body of `POST /send`: one message, or a batch. */
export type SendMessageRequest = SingleMessage | SendBatchMessageRequest;

// --- field schemas -------------------------------------------------------

const strip = (pattern: string) => pattern.slice(1, -1);

// E.164-ish: digits, optional "+", 7 to 15 digits, no leading zero. Whether
// the number exists and is a mobile is for the gateway (and the SDK's phone
// module) to say.
export const PHONE_NUMBER_PATTERN = '^\\+?[1-9][0-9]{6,14}$';
// A phone number or short code (3..15 digits), or an alphanumeric sender ID
// of 1..11 characters with at least one letter.
export const SENDER_PATTERN = '^(?:\\+?[0-9]{3,15}|(?=[A-Za-z0-9 ._&-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9 ._&-]{0,10})$';

const custom = (code: ErrorCode) => ({ params: { code } });

export const phoneNumberSchema = pure(() =>
  z
    .string()
    .check(z.regex(new RegExp(PHONE_NUMBER_PATTERN), 'Expected a phone number in E.164 form, such as +998901234567')),
);

const senderSchema = pure(() =>
  z
    .string()
    .check(
      z.regex(
        new RegExp(SENDER_PATTERN),
        'Expected an alphanumeric sender ID of up to 11 characters, or a phone number or short code',
      ),
    ),
);

const bodySchema = pure(() =>
  z.string().check(
    z.minLength(1),
    z.maxLength(L.maxBodyLength),
    z.refine((s) => s === '' || s.trim() !== '', { message: 'The body is blank', ...custom('empty_body') }),
  ),
);

const variablesSchema = pure(() =>
  z
    .record(
      z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_.]{0,63}$/, 'Variable names are letters, digits, _ and .')),
      z.union([z.string().check(z.maxLength(L.maxVariableValueLength)), z.number()]),
    )
    .check(z.refine((o) => Object.keys(o).length <= L.maxVariables, `At most ${L.maxVariables} variables`)),
);

const metadataSchema = pure(() =>
  z
    .record(
      z.string().check(z.minLength(1), z.maxLength(L.maxMetadataKeyLength)),
      z.string().check(z.maxLength(L.maxMetadataValueLength)),
    )
    .check(z.refine((o) => Object.keys(o).length <= L.maxMetadataKeys, `At most ${L.maxMetadataKeys} metadata keys`)),
);

const scheduledAtSchema = pure(() =>
  z.string().check(
    z.regex(new RegExp(`^(?:${strip(RFC3339_WITH_OFFSET_PATTERN)}|${strip(LOCAL_DATE_TIME_PATTERN)})$`), {
      message: 'Expected an RFC 3339 date-time with offset, or a local date-time with `timezone`',
      abort: true,
    }),
    z.refine((v) => isRfc3339WithOffset(v) || isLocalDateTime(v), 'Not a valid calendar date and time'),
  ),
);

const defaultsShape = pure(() => ({
  from: z.exactOptional(senderSchema),
  body: z.exactOptional(bodySchema),
  template: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(L.maxTemplateReferenceLength))),
  variables: z.exactOptional(variablesSchema),
  type: z.exactOptional(z.enum(MESSAGE_TYPES)),
  scheduledAt: z.exactOptional(scheduledAtSchema),
  timezone: z.exactOptional(z.string().check(z.refine(isTimeZone, 'Expected an IANA time zone such as Asia/Tashkent'))),
  validityPeriod: z.exactOptional(z.int().check(z.gte(L.minValidityPeriod), z.lte(L.maxValidityPeriod))),
  metadata: z.exactOptional(metadataSchema),
  smartEncoding: z.exactOptional(z.boolean()),
  callbackUrl: z.exactOptional(
    z.url({ protocol: /^https?$/, error: 'Expected an http(s) URL' }).check(z.maxLength(L.maxCallbackUrlLength)),
  ),
}));

const messageShape = pure(() => ({
  ...defaultsShape,
  to: phoneNumberSchema,
  clientReference: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(L.maxClientReferenceLength))),
}));

// --- cross-field rules ------------------------------------------------------

type Issues = { issues: { push(issue: z.core.$ZodRawIssue): void } };
type Loose = Record<string, unknown>;

function has(o: Loose, key: string): boolean {
  return o[key] !== undefined;
}

/** "Not both body and template" for one level (a message, or a batch's defaults). */
function checkNotBoth(o: Loose, path: (string | number)[], ctx: Issues): void {
  if (has(o, 'body') && has(o, 'template')) {
    ctx.issues.push({
      code: 'custom',
      input: o,
      path: [...path, 'template'],
      message: 'Give either body or template, not both',
      params: { code: 'conflicting_fields' },
    });
  }
}

/** Checks on the message as it will be sent, after batch defaults apply. */
function checkEffective(message: Loose, defaults: Loose, path: (string | number)[], ctx: Issues): void {
  const own = has(message, 'body') || has(message, 'template');
  const content = own ? message : defaults;
  if (!has(content, 'body') && !has(content, 'template')) {
    ctx.issues.push({
      code: 'custom',
      input: message,
      path: [...path, 'body'],
      message: 'A message needs a body or a template',
      params: { code: 'empty_body' },
    });
  }
  const scheduledAt = message.scheduledAt ?? defaults.scheduledAt;
  const timezone = message.timezone ?? defaults.timezone;
  if (isLocalDateTime(scheduledAt) && timezone === undefined) {
    ctx.issues.push({
      code: 'custom',
      input: scheduledAt,
      path: [...path, 'scheduledAt'],
      message: 'A scheduledAt without offset needs a timezone',
    });
  }
  // Each level is checked by its own schema; only the merge can add up.
  const metadata = { ...(defaults.metadata as Loose | undefined), ...(message.metadata as Loose | undefined) };
  if (has(defaults, 'metadata') && has(message, 'metadata') && Object.keys(metadata).length > L.maxMetadataKeys) {
    ctx.issues.push({
      code: 'custom',
      input: message.metadata,
      path: [...path, 'metadata'],
      message: `At most ${L.maxMetadataKeys} metadata keys, counting the batch's`,
    });
  }
}

// --- request schemas ----------------------------------------------------------

/** Strict: unknown fields are rejected (a typo must not be silently ignored). */
export const sendSingleMessageRequestSchema = pure(() =>
  z.strictObject(messageShape).check(
    z.superRefine((value, ctx) => {
      checkNotBoth(value, [], ctx);
      checkEffective(value, {}, [], ctx);
    }),
  ),
);

const batchItemSchema = pure(() => z.strictObject(messageShape));

export const sendBatchMessageRequestSchema = pure(() =>
  z
    .strictObject({
      ...defaultsShape,
      messages: z
        .array(batchItemSchema)
        .check(
          z.minLength(1, 'A batch needs at least one message'),
          z.maxLength(L.maxBatchSize, `A batch holds at most ${L.maxBatchSize} messages`),
        ),
    })
    .check(
      z.superRefine((value, ctx) => {
        checkNotBoth(value, [], ctx);
        if (!Array.isArray(value.messages)) return;
        value.messages.forEach((message, index) => {
          if (message === null || typeof message !== 'object') return;
          checkNotBoth(message, ['messages', index], ctx);
          checkEffective(message, value, ['messages', index], ctx);
        });
      }),
    ),
);

/**
 * `POST /send`. A body with `messages` is a batch, any other a single message.
 * For precise errors, the gateway should call `parseSendMessageRequest`,
 * which picks the branch by that rule instead of letting a union guess.
 */
export const sendMessageRequestSchema = pure(() =>
  z.union([sendBatchMessageRequestSchema, sendSingleMessageRequestSchema]),
);

/** True when a parsed request is a batch. */
export function isBatchRequest(request: SendMessageRequest): request is SendBatchMessageRequest {
  return 'messages' in request;
}

/**
 * Validates a send request, choosing the batch schema when the body has a
 * `messages` field and the single one otherwise, so errors point at the
 * right fields.
 */
export function parseSendMessageRequest(
  input: unknown,
): { success: true; data: SendMessageRequest } | { success: false; issues: z.core.$ZodIssue[] } {
  const batch = input !== null && typeof input === 'object' && 'messages' in input;
  const result = (batch ? sendBatchMessageRequestSchema : sendSingleMessageRequestSchema).safeParse(input);
  return result.success ? { success: true, data: result.data } : { success: false, issues: result.error.issues };
}

const DEFAULT_KEYS = [
  'from',
  'type',
  'scheduledAt',
  'timezone',
  'validityPeriod',
  'smartEncoding',
  'callbackUrl',
] as const satisfies readonly (keyof MessageDefaults)[];

/**
 * The messages of a request with batch defaults applied: a message's own
 * fields win; `body`/`template` are taken together (a message with either
 * ignores both defaults); `variables` and `metadata` merge key by key.
 */
export function expandSendMessageRequest(request: SendMessageRequest): SingleMessage[] {
  if (!isBatchRequest(request)) return [request];
  const { messages, ...defaults } = request;
  return messages.map((message) => {
    const out: SingleMessage = { ...message };
    for (const key of DEFAULT_KEYS) {
      if (out[key] === undefined && defaults[key] !== undefined) (out as unknown as Loose)[key] = defaults[key];
    }
    if (message.body === undefined && message.template === undefined) {
      if (defaults.body !== undefined) out.body = defaults.body;
      if (defaults.template !== undefined) out.template = defaults.template;
    }
    if (defaults.variables || message.variables) out.variables = { ...defaults.variables, ...message.variables };
    if (defaults.metadata || message.metadata) out.metadata = { ...defaults.metadata, ...message.metadata };
    return out;
  });
}

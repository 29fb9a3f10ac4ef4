import * as z from 'zod/mini';
import { pageSchema } from '../common/page';
import type { TemplateId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';
import { MESSAGE_TYPES, type MessageEncoding, type MessageType } from '../messages/message-type';
import { SEND_LIMITS } from '../messages/send-limits';
import type { Money } from '../money/money';
import { moneyResponseSchema } from '../money/money-schema';

/** The body of `POST /template`: creates a template, or a new version when `id` is given. */
export interface TemplateUpsertRequest {
  id?: TemplateId;
  /** Unique per account; messages may name a template by it. */
  name: string;
  /** Text with `{variable}` placeholders (`{{` and `}}` for literal braces). */
  body: string;
  type?: 'transactional' | 'marketing';
  /** Ask for a rendered preview with these values. */
  preview?: { variables: Record<string, string | number> };
}

/** A template rendered with sample variables: the text as it would be sent, its segments and price. */
export interface TemplatePreview {
  text: string;
  encoding: MessageEncoding;
  segments: number;
  /** For `segments` messages to the preview's `to` (or the account's default country). */
  price?: Money;
}

export interface Template {
  id: TemplateId;
  name: string;
  /** Starts at 1, increases with every change of the body. */
  version: number;
  body: string;
  type?: MessageType;
  /** Placeholder names found in the body, in order of first use. */
  variables: string[];
  createdAt: string;
  updatedAt: string;
  preview?: TemplatePreview;
}

/** Strict (request). */
export const templateUpsertRequestSchema = pure(() =>
  z.strictObject({
    id: z.exactOptional(idSchema('template')),
    name: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'Names are 1..128 letters, digits, _ . -')),
    body: z.string().check(z.minLength(1), z.maxLength(SEND_LIMITS.maxBodyLength)),
    type: z.exactOptional(z.enum(MESSAGE_TYPES)),
    preview: z.exactOptional(z.strictObject({ variables: z.record(z.string(), z.union([z.string(), z.number()])) })),
  }),
);

/** Loose (response): a rendered template, from `POST /template/preview` or a `POST /template` with `preview`. */
export const templatePreviewSchema = pure(() =>
  z.looseObject({
    text: z.string(),
    encoding: z.string(),
    segments: z.int().check(z.gte(0)),
    price: z.exactOptional(moneyResponseSchema),
  }),
);

/** Loose (response). */
export const templateSchema = pure(() =>
  z.looseObject({
    id: idSchema('template'),
    name: z.string(),
    version: z.int().check(z.gte(1)),
    body: z.string(),
    type: z.exactOptional(z.string()),
    variables: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    preview: z.exactOptional(templatePreviewSchema),
  }),
);

/** Loose (response) of `GET /templates`. */
export const templatePageSchema = pure(() => pageSchema(templateSchema));

import * as z from 'zod/mini';
import type { TemplateId } from '../ids/id-prefixes';
import { idSchema } from '../ids/id-schema';
import { pure } from '../internal/pure';
import { MESSAGE_TYPES } from '../messages/message-type';
import { SEND_LIMITS } from '../messages/send-limits';
import { phoneNumberSchema } from '../messages/send-message-request';

/**
 * The body of `POST /template/preview`: renders a saved template (`id`) or a draft (`body`) with
 * `variables`, without saving anything. `to` and `type` select the price.
 */
export interface TemplatePreviewRequest {
  /** A saved template. Exactly one of `id` and `body`. */
  id?: TemplateId;
  /** A draft text with `{variable}` placeholders. */
  body?: string;
  variables?: Record<string, string | number>;
  /** A recipient whose country and operator price the preview. */
  to?: string;
  type?: 'transactional' | 'marketing';
}

/** Strict (request). Missing variables are the gateway's 422 `missing_template_variables`, not a schema error. */
export const templatePreviewRequestSchema = pure(() =>
  z
    .strictObject({
      id: z.exactOptional(idSchema('template')),
      body: z.exactOptional(z.string().check(z.minLength(1), z.maxLength(SEND_LIMITS.maxBodyLength))),
      variables: z.exactOptional(
        z.record(z.string(), z.union([z.string().check(z.maxLength(SEND_LIMITS.maxVariableValueLength)), z.number()])),
      ),
      to: z.exactOptional(phoneNumberSchema),
      type: z.exactOptional(z.enum(MESSAGE_TYPES)),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (value.id !== undefined && value.body !== undefined) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            path: ['body'],
            message: 'Give either id or body, not both',
            params: { code: 'conflicting_fields' },
          });
        } else if (value.id === undefined && value.body === undefined) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            path: ['body'],
            message: 'Give the id of a saved template or a body to render',
            params: { code: 'missing_field' },
          });
        }
      }),
    ),
);

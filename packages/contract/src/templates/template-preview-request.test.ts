import { describe, expect, it } from 'vitest';
import { zodIssuesToFieldErrors } from '../errors/zod-issues-to-field-errors';
import { templatePreviewSchema } from './template';
import { templatePreviewRequestSchema } from './template-preview-request';

function fieldErrors(input: unknown) {
  const result = templatePreviewRequestSchema.safeParse(input);
  return result.success ? [] : zodIssuesToFieldErrors(result.error.issues, { input });
}

describe('templatePreviewRequestSchema', () => {
  it('accepts a saved template or a draft body, with variables, to and type', () => {
    expect(templatePreviewRequestSchema.safeParse({ id: 'tpl_1', variables: { code: 1234 } }).success).toBe(true);
    expect(
      templatePreviewRequestSchema.safeParse({
        body: 'Code {code}',
        variables: { code: '1234' },
        to: '+998901234567',
        type: 'transactional',
      }).success,
    ).toBe(true);
  });

  it('wants exactly one of id and body', () => {
    expect(fieldErrors({ id: 'tpl_1', body: 'x' })).toEqual([
      { pointer: '/body', code: 'conflicting_fields', detail: 'Give either id or body, not both' },
    ]);
    expect(fieldErrors({ variables: {} })[0]).toMatchObject({ pointer: '/body', code: 'missing_field' });
  });

  it('rejects another kind of id, a bad number and unknown fields', () => {
    expect(templatePreviewRequestSchema.safeParse({ id: 'msg_1' }).success).toBe(false);
    expect(fieldErrors({ body: 'x', to: 'abc' })[0]).toMatchObject({ pointer: '/to', code: 'invalid_phone_number' });
    expect(fieldErrors({ body: 'x', name: 'otp' })[0]).toMatchObject({ pointer: '/name', code: 'unknown_field' });
  });
});

describe('templatePreviewSchema', () => {
  it('parses a preview with and without a price, unknown fields included', () => {
    const preview = { text: 'Code 1234', encoding: 'GSM-7', segments: 1, price: { amount: 100, currency: 'UZS' } };
    expect(templatePreviewSchema.parse({ ...preview, parts: ['Code 1234'] })).toMatchObject(preview);
    expect(templatePreviewSchema.safeParse({ text: 'x', encoding: 'UCS-2', segments: 1 }).success).toBe(true);
    expect(templatePreviewSchema.safeParse({ text: 'x', encoding: 'UCS-2', segments: -1 }).success).toBe(false);
  });
});

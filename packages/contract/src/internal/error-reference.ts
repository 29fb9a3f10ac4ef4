import { ERROR_CODES, type ErrorCodeDefinition } from '../errors/error-codes';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE_URL } from '../errors/problem';

/**
 * Renders docs/reference/errors.md from the registry, so the reference cannot
 * drift from the codes the gateway sends. A test compares the file with this
 * output; run `pnpm exec vitest run src/internal -u` in packages/contract to
 * rewrite it after changing the registry.
 */
export function renderErrorReference(): string {
  const entries = Object.entries(ERROR_CODES) as [string, ErrorCodeDefinition][];
  const lines = [
    '# Error reference',
    '',
    '<!-- Generated from packages/contract/src/errors/error-codes.ts by',
    '     packages/contract/src/internal/error-reference.ts. Do not edit by hand. -->',
    '',
    `Every error response is an RFC 9457 problem (\`Content-Type: ${PROBLEM_CONTENT_TYPE}\`) with a stable`,
    '`code` from the table below. Branch on `code`, never on `title` or `detail`. The problem `type` is',
    `\`${PROBLEM_TYPE_BASE_URL}<code>\`, which links to the code's entry on this page.`,
    '',
    '```json',
    JSON.stringify(
      {
        type: `${PROBLEM_TYPE_BASE_URL}validation_failed`,
        title: 'Validation failed',
        status: 422,
        code: 'validation_failed',
        requestId: 'req_01JD3Y8Z6W4K1N2P3Q4R5S6T7V',
        errors: [
          {
            pointer: '/messages/3/to',
            code: 'invalid_phone_number',
            detail: 'Expected a phone number in E.164 form, such as +998901234567',
          },
        ],
      },
      null,
      2,
    ),
    '```',
    '',
    '`errors[]` lists field-level problems; `pointer` is an RFC 6901 JSON Pointer into the request body.',
    'Codes marked retryable may succeed when the same request is retried later with the same',
    '`Idempotency-Key`; the SDK does so automatically.',
    '',
    '| Code | HTTP status | Title | Retryable |',
    '| --- | --- | --- | --- |',
    ...entries.map(
      ([code, d]) => `| [\`${code}\`](#${code}) | ${d.status} | ${d.title} | ${d.retryable ? 'yes' : 'no'} |`,
    ),
    '',
    ...entries.flatMap(([code, d]) => [
      `## ${code}`,
      '',
      `**${d.status} ${d.title}**${d.retryable ? ' (retryable)' : ''}`,
      '',
      d.description,
      '',
    ]),
  ];
  return lines.join('\n');
}

import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors/error-codes';
import { renderErrorReference } from './error-reference';

describe('error reference', () => {
  it('has a table row and a section for every code', () => {
    const text = renderErrorReference();
    for (const [code, definition] of Object.entries(ERROR_CODES)) {
      expect(text).toContain(`| [\`${code}\`](#${code}) | ${definition.status} |`);
      expect(text).toContain(`\n## ${code}\n`);
    }
  });

  // The docs file is this output; `vitest -u` rewrites it.
  it('matches docs/reference/errors.md', async () => {
    await expect(renderErrorReference()).toMatchFileSnapshot('../../../../docs/reference/errors.md');
  });
});

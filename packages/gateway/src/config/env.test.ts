import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('loadEnv', () => {
  it('applies the defaults', () => {
    const result = loadEnv({});
    expect(result).toMatchObject({ ok: true, env: { PORT: 8080, HOST: '127.0.0.1', KARVON_DATA_DIR: './data' } });
  });

  it('names each bad variable on its own line, without echoing a secret value', () => {
    const result = loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://u:secret@h/db' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(2);
    expect(result.errors.join('\n')).toMatch(/^PORT: must be an integer from 0 to 65535$/m);
    expect(result.errors.join('\n')).toMatch(/^DATABASE_URL: must be a postgres/m);
    expect(result.errors.join('\n')).not.toContain('secret');
  });

  it('treats empty values as unset', () => {
    expect(loadEnv({ DATABASE_URL: '', PORT: '' })).toMatchObject({ ok: true, env: { PORT: 8080 } });
  });
});

import pg from 'pg';

/** The PostgreSQL the tests use: KARVON_TEST_DATABASE_URL, DATABASE_URL, or 127.0.0.1 db `test`. */
export function postgresTestUrl(): string {
  return process.env.KARVON_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** undefined when reachable, else the reason to skip (reported by name through describeUnless). */
export async function postgresUnavailable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL not reachable at ${url.replace(/\/\/[^@]*@/, '//***@')}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A schema name of its own for one test file's run, so files running in parallel never share tables. */
export function testSchemaName(label: string): string {
  return `kshop_${label}_${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`;
}

/** Drops a test schema and everything in it. */
export async function dropTestSchema(url: string, schema: string): Promise<void> {
  if (!/^kshop_[a-z0-9_]+$/.test(schema)) throw new Error(`Not a test schema: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

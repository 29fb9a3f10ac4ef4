import pg from 'pg';

/** The PostgreSQL the test suites use: DATABASE_URL, or the CI service on 127.0.0.1. */
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

/** Drops a per-file test schema. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

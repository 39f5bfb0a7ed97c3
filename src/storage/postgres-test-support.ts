import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL this suite runs on: $CROSSCHECK_TEST_DATABASE_URL, else the
 * local test server (trust auth, loopback only). Each store lives in its own
 * throw-away schema, dropped at the end.
 */
export const TEST_DATABASE_URL = process.env.CROSSCHECK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL tests cannot run here, or null when they can. Under CI=true an unreachable server is a failure, not a skip. */
export async function postgresUnavailable(url = TEST_DATABASE_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    const reason = `PostgreSQL at ${url} is unreachable (${error instanceof Error ? error.message : String(error)})`;
    if (process.env.CI === 'true') throw new Error(`${reason}; CI needs it for the PostgreSQL store tests`, { cause: error });
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops each schema (and everything in it) that a test created. */
export async function dropSchemas(schemas: Iterable<string>, url = TEST_DATABASE_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`);
  } finally {
    await client.end();
  }
}

export function testSchemaName(): string {
  return `cc_test_${randomBytes(6).toString('hex')}`;
}


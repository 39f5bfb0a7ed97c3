import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CrosscheckError } from '../model/errors.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_STORE_LOCATION = 'data/crosscheck.db';
export const STORE_LOCATION_ENV = 'CROSSCHECK_DATABASE_URL';

/** Where the store is: the `--db` flag, else $CROSSCHECK_DATABASE_URL, else data/crosscheck.db. */
export function resolveStoreLocation(options: { db?: string | undefined; env: Readonly<Record<string, string | undefined>> }): string {
  const fromFlag = options.db?.trim();
  if (fromFlag) return fromFlag;
  const fromEnv = options.env[STORE_LOCATION_ENV]?.trim();
  if (fromEnv) return fromEnv;
  return DEFAULT_STORE_LOCATION;
}

/** Whether a store location names PostgreSQL rather than a SQLite file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

/**
 * Opens the store at `location`: a file path (SQLite; missing parent folders
 * are created), ':memory:', or a postgres:// URL (`?schema=NAME` picks the schema).
 */
export async function openStore(location: string): Promise<Store> {
  const trimmed = location.trim();
  if (trimmed === '') {
    throw new CrosscheckError('USAGE', `expected a database file path, ":memory:" or a postgres:// URL, got an empty string; pass --db PATH or set ${STORE_LOCATION_ENV}`);
  }
  if (isPostgresLocation(trimmed)) {
    // Loaded on demand: the embedded default never needs the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres-store.js');
    return openPostgresStore(trimmed);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new CrosscheckError('USAGE', `expected a database file path, ":memory:" or a postgres:// URL, got "${redactPassword(trimmed)}"; pass a file path such as ${DEFAULT_STORE_LOCATION}`);
  }
  if (trimmed === ':memory:') return openSqliteStore(trimmed);
  if (statSync(trimmed, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CrosscheckError('USAGE', `expected a database file, got the folder "${trimmed}"; pass a file path inside it, e.g. ${trimmed.replace(/\/+$/, '')}/crosscheck.db`);
  }
  try {
    mkdirSync(dirname(trimmed), { recursive: true });
  } catch (error) {
    throw new CrosscheckError('STORE_FAILED', `could not create the folder for "${trimmed}" (${error instanceof Error ? error.message : String(error)}); choose another --db path`, { input: trimmed, cause: error });
  }
  return openSqliteStore(trimmed);
}

/** Error messages end up in logs; a URL's password must not. */
function redactPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

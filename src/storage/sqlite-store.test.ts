import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { isCrosscheckError } from '../model/errors.js';
import { openStore, resolveStoreLocation, DEFAULT_STORE_LOCATION } from './open-store.js';
import { runStoreContract, contractDoc } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let fresh = 0;
runStoreContract('SQLite file', (shared) => openStore(join(dir, shared ? `shared-${shared}.db` : `fresh-${fresh++}.db`)));

function isUsageError(pattern: RegExp) {
  return (error: unknown) => isCrosscheckError(error) && error.code === 'USAGE' && pattern.test(error.message);
}

describe('openStore', () => {
  it('creates missing parent folders for a new database file', async () => {
    const path = join(dir, 'nested', 'deeper', 'crosscheck.db');
    const store = await openStore(path);
    await store.saveArticle(contractDoc('a1'));
    await store.close();
    assert.ok(existsSync(path));
  });

  it('opens an in-memory store', async () => {
    const store = await openStore(':memory:');
    assert.equal(await store.saveArticle(contractDoc('a1')), 'inserted');
    assert.equal((await store.stats()).articles, 1);
    await store.close();
  });

  it('routes postgres:// URLs to PostgreSQL, without echoing the password', async () => {
    // Port 1 on loopback: nothing listens, so this fails fast without touching the network.
    await assert.rejects(openStore('postgres://ana:s3cret@127.0.0.1:1/crosscheck'), (error) => isCrosscheckError(error) && error.code === 'STORE_FAILED' && /PostgreSQL/.test(error.message) && !error.message.includes('s3cret'));
    await assert.rejects(openStore('postgresql://ana:s3cret@127.0.0.1:1/x?schema=bad;name'), isUsageError(/schema/));
  });

  it('rejects other URL schemes, empty locations and folders', async () => {
    await assert.rejects(openStore('mysql://db.example.test/x'), isUsageError(/file path/));
    await assert.rejects(openStore('  '), isUsageError(/empty/));
    await assert.rejects(openStore(dir), isUsageError(/folder/));
  });

  it('reports a file that is not a database as a store error', async () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'These are meeting notes, not a database. '.repeat(200));
    await assert.rejects(openStore(path), (error) => isCrosscheckError(error) && error.code === 'STORE_FAILED' && error.message.includes(path));
  });

  it('refuses a database written by a newer schema', async () => {
    const path = join(dir, 'newer.db');
    await (await openStore(path)).close();
    const raw = new Database(path);
    raw.prepare("insert into migrations (version, name, applied_at) values (999, 'from the future', '2040-01-01')").run();
    raw.close();
    await assert.rejects(openStore(path), (error) => isCrosscheckError(error) && /schema version 999/.test(error.message));
  });

  it('records each applied migration once across reopenings', async () => {
    const path = join(dir, 'migrated.db');
    await (await openStore(path)).close();
    await (await openStore(path)).close();
    const raw = new Database(path, { readonly: true });
    const rows = raw.prepare('select version from migrations').all();
    const journal = raw.pragma('journal_mode', { simple: true });
    raw.close();
    assert.deepEqual(rows, [{ version: 1 }]);
    assert.equal(journal, 'wal');
  });
});

describe('SQLite store after a killed process', () => {
  it('keeps every article committed before SIGKILL and completes the batch on re-run', async () => {
    const path = join(dir, 'killed.db');
    // A real crash: the child is killed mid-batch, without close() or saveCorpus.
    const child = `
      const { openStore } = await import(${JSON.stringify(new URL('./open-store.ts', import.meta.url).href)});
      const { contractDoc } = await import(${JSON.stringify(new URL('./store-contract.ts', import.meta.url).href)});
      const store = await openStore(${JSON.stringify(path)});
      for (const id of ['k1', 'k2', 'k3']) await store.saveArticle(contractDoc(id));
      process.kill(process.pid, 'SIGKILL');
    `;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], { encoding: 'utf8' });
    assert.equal(result.signal, 'SIGKILL', result.stderr);
    const store = await openStore(path);
    try {
      const outcomes = [];
      for (const id of ['k1', 'k2', 'k3', 'k4', 'k5']) outcomes.push(await store.saveArticle(contractDoc(id)));
      assert.deepEqual(outcomes, ['existing', 'existing', 'existing', 'inserted', 'inserted']);
      assert.equal((await store.stats()).articles, 5);
      assert.deepEqual((await store.search('Floodwaters', { limit: 10 })).length, 5);
    } finally {
      await store.close();
    }
  });
});

describe('resolveStoreLocation', () => {
  it('prefers the flag, then the environment, then the default', () => {
    const env = { CROSSCHECK_DATABASE_URL: 'from-env.db' };
    assert.equal(resolveStoreLocation({ db: 'from-flag.db', env }), 'from-flag.db');
    assert.equal(resolveStoreLocation({ env }), 'from-env.db');
    assert.equal(resolveStoreLocation({ db: '', env: { CROSSCHECK_DATABASE_URL: ' ' } }), DEFAULT_STORE_LOCATION);
    assert.equal(resolveStoreLocation({ env: {} }), 'data/crosscheck.db');
  });
});

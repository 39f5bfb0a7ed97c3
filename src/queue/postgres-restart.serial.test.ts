// A real PostgreSQL restart in the middle of an ingest. Serial (see
// scripts/run-tests.mjs): a restart drops every connection to the server, so
// this file runs alone, after all the other test files.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';
import { TEST_DATABASE_URL, postgresUnavailable } from '../storage/postgres-test-support.js';
import { faultHarness } from './fault-test-support.js';

const run = promisify(execFile);
/** Stopping waits for connections to close (fast mode ends them) and starting for recovery: seconds, not minutes. */
const RESTART_TIMEOUT_MS = 30_000;
/** After the restart, PostgreSQL must answer again within this long, or the test fails. */
const RECONNECT_TIMEOUT_MS = 30_000;

interface Cluster {
  readonly version: string;
  readonly name: string;
}

/** The Debian cluster serving the test database's port, or why it cannot be restarted from here. */
async function restartableCluster(): Promise<Cluster | string> {
  const port = new URL(TEST_DATABASE_URL).port || '5432';
  let listing: string;
  try {
    listing = (await run('pg_lsclusters', ['--no-header'], { timeout: 10_000 })).stdout;
  } catch (error) {
    return `pg_lsclusters is unavailable (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the restart needs Debian's postgresql-common`;
  }
  // Columns: version, cluster, port, status, owner, data directory, log file.
  const row = listing
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((cols) => cols[2] === port);
  if (!row) return `no cluster in pg_lsclusters listens on port ${port} (the test database's)`;
  const [version, name, , , owner] = row as [string, string, string, string, string];
  const user = userInfo().username;
  if (process.getuid?.() !== 0 && user !== owner) return `restarting cluster ${version}/${name} needs root or its owner ${owner}, not ${user}`;
  return { version, name };
}

async function whyNot(): Promise<string | null> {
  const unreachable = await postgresUnavailable();
  if (unreachable) return unreachable;
  const cluster = await restartableCluster();
  if (typeof cluster !== 'string') return null;
  if (process.env.CI === 'true') throw new Error(`${cluster}; CI needs it for the PostgreSQL restart test`);
  return cluster;
}

const skip = await whyNot();
if (skip) console.log(`# skipped PostgreSQL restart test: ${skip}`);

async function acceptsConnections(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Polls until PostgreSQL answers a query (after a restart it first refuses, then says "starting up"). */
async function waitForPostgres(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await acceptsConnections())) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} did not accept connections within ${timeoutMs / 1000} s of the restart`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const { location, enqueueBatch, startWorker, assertComplete, cleanUp } = faultHarness();
after(async () => {
  // Never leave the server down for whoever comes next, nor our schemas behind.
  if (!skip) await waitForPostgres(RECONNECT_TIMEOUT_MS);
  await cleanUp({ dropSchemas: !skip });
});

describe('PostgreSQL restart', { skip: skip ?? false }, () => {
  it('workers reconnect and finish when PostgreSQL restarts mid-batch; every article stored exactly once', { timeout: 60_000 }, async () => {
    const cluster = (await restartableCluster()) as Cluster;
    const where = location();
    await enqueueBatch(where, 'restart', 24, 3);
    // 45 s: the whole test stays under its 60 s bound even when a worker hangs.
    const workers = [startWorker(where, { deadlineMs: 45_000 }), startWorker(where, { deadlineMs: 45_000 })];
    await Promise.all(workers.map((w) => w.first('article')));
    // Fast mode (pg_ctlcluster's default) ends every session, as a crash-free
    // restart by an operator or a failover would: workers lose pooled and
    // checked-out connections alike, then find the server refusing for a moment.
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'restart'], { timeout: RESTART_TIMEOUT_MS });
    await waitForPostgres(RECONNECT_TIMEOUT_MS);
    const results = await Promise.all(workers.map((w) => w.done));
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    assert.ok(results.some((r) => r.events.some((e) => e.type === 'connection-error')), 'a worker saw its connection drop');
    await assertComplete(where, 24);
  });
});

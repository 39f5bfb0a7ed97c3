import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generateCorpus, toJsonl } from '../../bench/scale/generate-corpus.js';
import { openPostgresStore } from '../storage/postgres-store.js';
import { TEST_DATABASE_URL, dropSchemas, postgresUnavailable, testSchemaName } from '../storage/postgres-test-support.js';
import { enqueueInputs, listDeadLetters, queueStatus, type QueueLocation, type QueueTuning } from './ingest-queue.js';

const skip = await postgresUnavailable();
if (skip) console.log(`# skipped worker fault tests: ${skip}`);

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-faults-'));
const schemas: string[] = [];
const children = new Set<ChildProcess>();
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  if (!skip) await dropSchemas(schemas.flatMap((s) => [s, `${s}_queue`]));
});

const WORKER = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
// A lost job comes back after 4 s; maintenance checks every second. Defaults are minutes.
const TUNING: QueueTuning = { expireInSeconds: 4, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1, retryLimit: 5 };
/** Bounds every test: a worker still running by then is killed and the test fails. */
const CHILD_DEADLINE_MS = 60_000;

interface Worker {
  readonly child: ChildProcess;
  /** Resolves with the exit code (null when killed) and every event printed. */
  readonly done: Promise<{ code: number | null; signal: string | null; events: { type: string }[]; stderr: string }>;
  /** Resolves at the first event of this type. */
  first(type: string): Promise<void>;
}

function startWorker(where: QueueLocation): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: {
      ...process.env,
      CROSSCHECK_DATABASE_URL: where.databaseUrl,
      CROSSCHECK_SCHEMA: where.schema,
      CROSSCHECK_QUEUE_TUNING: JSON.stringify(TUNING),
      CROSSCHECK_POLL_MS: '100',
      CROSSCHECK_REGROUP_DELAY: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const events: { type: string }[] = [];
  const waiters: { type: string; resolve: () => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const event = JSON.parse(buffer.slice(0, nl)) as { type: string };
      buffer = buffer.slice(nl + 1);
      events.push(event);
      for (const w of waiters.filter((w) => w.type === event.type)) w.resolve();
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const deadline = setTimeout(() => child.kill('SIGKILL'), CHILD_DEADLINE_MS);
  const done = new Promise<{ code: number | null; signal: string | null; events: { type: string }[]; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(deadline);
      children.delete(child);
      resolve({ code, signal, events, stderr });
    }),
  );
  return {
    child,
    done,
    first: (type) => (events.some((e) => e.type === type) ? Promise.resolve() : new Promise((resolve) => waiters.push({ type, resolve }))),
  };
}

function location(): QueueLocation {
  const schema = testSchemaName();
  schemas.push(schema);
  return { databaseUrl: TEST_DATABASE_URL, schema };
}

async function enqueueBatch(where: QueueLocation, name: string, articles: number, stories: number): Promise<void> {
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, toJsonl(generateCorpus({ articles, stories, seed: 23, copyRate: 0 })));
  const result = await enqueueInputs({ ...where, specs: [path], tuning: TUNING });
  assert.equal(result.queued, articles);
}

/** Every article stored once, in exactly one story, nothing dead-lettered, nothing left to do. */
async function assertComplete(where: QueueLocation, articles: number): Promise<void> {
  const store = await openPostgresStore(TEST_DATABASE_URL, { schema: where.schema! });
  try {
    const stored = await store.loadArticles();
    assert.equal(stored.length, articles);
    assert.equal(new Set(stored.map((d) => d.id)).size, articles);
    const inStories: string[] = [];
    for (const summary of (await store.listStories({ limit: 100, offset: 0 })).items) inStories.push(...(await store.getStory(summary.id))!.articles);
    assert.deepEqual(inStories.sort(), stored.map((d) => d.id).sort());
  } finally {
    await store.close();
  }
  assert.deepEqual(await listDeadLetters(where), []);
  assert.deepEqual(await queueStatus(where), { waiting: 0, running: 0, regrouping: false, deadLetters: 0 });
}

describe('worker faults', { skip: skip ?? false }, () => {
  it('stores every article exactly once after a worker is killed with SIGKILL mid-batch', async () => {
    const where = location();
    await enqueueBatch(where, 'kill', 24, 3);
    const workers = [startWorker(where), startWorker(where), startWorker(where)];
    const victim = workers[0]!;
    await victim.first('article');
    // A worker takes its next job as soon as it saved an article: 30 ms later it is inside the stages.
    await new Promise((resolve) => setTimeout(resolve, 30));
    victim.child.kill('SIGKILL');
    const results = await Promise.all(workers.map((w) => w.done));
    assert.equal(results[0]!.signal, 'SIGKILL');
    for (const survivor of results.slice(1)) assert.equal(survivor.code, 0, survivor.stderr);
    await assertComplete(where, 24);
  });

  it('reconnects and finishes when the database drops every worker connection mid-batch', async () => {
    // Restarting the shared PostgreSQL server would break other suites using it at the
    // same time, so the restart is simulated by terminating this test's backends
    // (store pools and pg-boss alike), twice: workers see the same errors as in a restart.
    const where = location();
    await enqueueBatch(where, 'drop', 24, 3);
    const workers = [startWorker(where), startWorker(where)];
    await Promise.all(workers.map((w) => w.first('article')));
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    let terminated = 0;
    try {
      for (let round = 0; round < 2; round++) {
        const result = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()', [`crosscheck:${where.schema}`]);
        terminated += result.rowCount ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
    } finally {
      await admin.end();
    }
    assert.ok(terminated > 0, 'the workers had connections to terminate');
    const results = await Promise.all(workers.map((w) => w.done));
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    assert.ok(results.some((r) => r.events.some((e) => e.type === 'connection-error')), 'a worker saw its connection drop');
    await assertComplete(where, 24);
  });
});

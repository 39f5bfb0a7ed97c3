import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, toJsonl } from '../../bench/scale/generate-corpus.js';
import { openPostgresStore } from '../storage/postgres-store.js';
import { TEST_DATABASE_URL, dropSchemas, postgresUnavailable, testSchemaName } from '../storage/postgres-test-support.js';
import { INGEST_QUEUE, enqueueInputs, jobIdFor, listDeadLetters, queueStatus, resolveQueue, startBoss, type QueueLocation } from './ingest-queue.js';
import { runWorker } from './run-worker.js';

const skip = await postgresUnavailable();
if (skip) console.log(`# skipped job queue tests: ${skip}`);

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-queue-'));
const schemas: string[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!skip) await dropSchemas(schemas.flatMap((s) => [s, `${s}_queue`]));
});

/** A fresh crosscheck schema and queue schema for one test. */
function location(): QueueLocation {
  const schema = testSchemaName();
  schemas.push(schema);
  return { databaseUrl: TEST_DATABASE_URL, schema };
}

function batch(name: string, articles: number, stories: number, seed: number): string {
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, toJsonl(generateCorpus({ articles, stories, seed, copyRate: 0 })));
  return path;
}

// Short enough for tests to finish in seconds; a deployment keeps the defaults.
const fast = { pollIntervalMs: 100, regroupDelaySeconds: 0, exitWhenIdle: true } as const;

describe('job queue', { skip: skip ?? false }, () => {
  it('gives each article one stable job id', () => {
    assert.equal(jobIdFor('a1'), jobIdFor('a1'));
    assert.notEqual(jobIdFor('a1'), jobIdFor('a2'));
    assert.match(jobIdFor('a1'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a queue on anything but PostgreSQL', () => {
    assert.throws(() => resolveQueue({ databaseUrl: 'data/crosscheck.db' }), /needs PostgreSQL/);
  });

  it('adds nothing when the same batch is submitted twice, before or after the workers ran', async () => {
    const where = location();
    const specs = [batch('twice', 8, 2, 11)];
    assert.deepEqual(await enqueueInputs({ ...where, specs }), { queued: 8, stored: 0, queuedBefore: 0, failures: [] });
    assert.deepEqual(await enqueueInputs({ ...where, specs }), { queued: 0, stored: 0, queuedBefore: 8, failures: [] });
    assert.equal((await queueStatus(where)).waiting, 8);
    const summary = await runWorker({ ...where, ...fast });
    assert.equal(summary.inserted, 8);
    assert.deepEqual(await enqueueInputs({ ...where, specs }), { queued: 0, stored: 8, queuedBefore: 0, failures: [] });
    const store = await openPostgresStore(TEST_DATABASE_URL, { schema: where.schema! });
    try {
      assert.equal((await store.stats()).articles, 8);
    } finally {
      await store.close();
    }
  });

  it('two workers finishing articles of the same story at once produce one story', async () => {
    const where = location();
    await enqueueInputs({ ...where, specs: [batch('one-story', 10, 1, 5)] });
    // Two workers with two slots each: saves and regroups overlap.
    const results = await Promise.all([runWorker({ ...where, ...fast, concurrency: 2 }), runWorker({ ...where, ...fast, concurrency: 2 })]);
    assert.equal(results.reduce((n, r) => n + r.inserted, 0), 10);
    const store = await openPostgresStore(TEST_DATABASE_URL, { schema: where.schema! });
    try {
      const stories = await store.listStories({ limit: 10, offset: 0 });
      assert.equal(stories.total, 1, JSON.stringify(stories.items));
      assert.equal(stories.items[0]?.articleCount, 10);
    } finally {
      await store.close();
    }
  });

  it('sends a job that fails every attempt to the dead-letter list, with its error', async () => {
    const where = location();
    const tuning = { retryLimit: 1, retryDelaySeconds: 1 };
    const boss = await startBoss(resolveQueue(where), tuning, { supervise: false });
    try {
      await boss.send(INGEST_QUEUE, { id: 'broken-1', source: 'hand-made.json', raw: 'not an input' });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const failures: boolean[] = [];
    await runWorker({ ...where, ...fast, tuning, onEvent: (e) => e.type === 'job-failed' && failures.push(e.final) });
    assert.deepEqual(failures, [false, true]);
    const letters = await listDeadLetters(where);
    assert.equal(letters.length, 1);
    assert.equal(letters[0]?.article, 'broken-1');
    assert.equal(letters[0]?.source, 'hand-made.json');
    assert.match(letters[0]!.error, /expected an input item/);
    assert.equal((await queueStatus(where)).deadLetters, 1);
  });
});

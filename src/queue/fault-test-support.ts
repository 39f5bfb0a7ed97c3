// What the worker fault tests share: worker processes started from the
// environment like a deployment's, a seeded batch to enqueue, and the check
// that a batch ended complete. Each harness cleans up its own processes,
// temporary folder and schemas.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, toJsonl } from '../../bench/scale/generate-corpus.js';
import { openPostgresStore } from '../storage/postgres-store.js';
import { TEST_DATABASE_URL, dropSchemas, testSchemaName } from '../storage/postgres-test-support.js';
import { enqueueInputs, listDeadLetters, queueStatus, type QueueLocation, type QueueTuning } from './ingest-queue.js';

const WORKER = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
// A lost job comes back after 4 s; maintenance checks every second. Defaults are minutes.
export const FAULT_TUNING: QueueTuning = { expireInSeconds: 4, maintenanceIntervalSeconds: 1, retryDelaySeconds: 1, retryLimit: 5 };
/** Bounds every test: a worker still running by then is killed and the test fails. */
const CHILD_DEADLINE_MS = 60_000;

export interface WorkerRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly events: { type: string }[];
  readonly stderr: string;
}

export interface FaultWorker {
  readonly child: ChildProcess;
  /** Resolves with the exit code (null when killed) and every event printed. */
  readonly done: Promise<WorkerRun>;
  /** Resolves at the first event of this type. */
  first(type: string): Promise<void>;
}

export interface FaultHarness {
  /** A fresh schema (and its `_queue` schema), dropped by `cleanUp`. */
  location(): QueueLocation;
  /** Writes `articles` seeded synthetic articles across `stories` and enqueues them all. */
  enqueueBatch(where: QueueLocation, name: string, articles: number, stories: number): Promise<void>;
  startWorker(where: QueueLocation, options?: { deadlineMs?: number }): FaultWorker;
  /** Every article stored once, in exactly one story, nothing dead-lettered, nothing left to do. */
  assertComplete(where: QueueLocation, articles: number): Promise<void>;
  /** Kills the workers still running, removes the folder and drops the schemas. */
  cleanUp(options: { dropSchemas: boolean }): Promise<void>;
}

export function faultHarness(): FaultHarness {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-faults-'));
  const schemas: string[] = [];
  const children = new Set<ChildProcess>();

  const startWorker = (where: QueueLocation, { deadlineMs = CHILD_DEADLINE_MS } = {}): FaultWorker => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: {
        ...process.env,
        CROSSCHECK_DATABASE_URL: where.databaseUrl,
        CROSSCHECK_SCHEMA: where.schema,
        CROSSCHECK_QUEUE_TUNING: JSON.stringify(FAULT_TUNING),
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
    const deadline = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    const done = new Promise<WorkerRun>((resolve) =>
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
  };

  return {
    location() {
      const schema = testSchemaName();
      schemas.push(schema);
      return { databaseUrl: TEST_DATABASE_URL, schema };
    },
    async enqueueBatch(where, name, articles, stories) {
      const path = join(dir, `${name}.jsonl`);
      writeFileSync(path, toJsonl(generateCorpus({ articles, stories, seed: 23, copyRate: 0 })));
      const result = await enqueueInputs({ ...where, specs: [path], tuning: FAULT_TUNING });
      assert.equal(result.queued, articles);
    },
    startWorker,
    async assertComplete(where, articles) {
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
    },
    async cleanUp(options) {
      for (const child of children) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      if (options.dropSchemas) await dropSchemas(schemas.flatMap((s) => [s, `${s}_queue`]));
    },
  };
}

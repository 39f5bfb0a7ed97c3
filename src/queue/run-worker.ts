import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { buildPipeline } from '../pipeline/build-pipeline.js';
import { defaultPipeline } from '../pipeline/default-pipeline.js';
import { contextFor, runDocStages, runStoryStages } from '../pipeline/run-pipeline.js';
import { openPostgresStore } from '../storage/postgres-store.js';
import type { InputItem } from '../input/input-item.js';
import {
  DEFAULT_TUNING,
  INGEST_QUEUE,
  REGROUP_QUEUE,
  inputItemSchema,
  readQueueStatus,
  resolveQueue,
  startBoss,
  type QueueLocation,
  type QueueTuning,
} from './ingest-queue.js';

export interface WorkerOptions extends QueueLocation {
  /** Jobs this process works on at once. Document stages are CPU-bound, so more than one per core rarely helps. */
  readonly concurrency?: number;
  /** Abort to stop: jobs in hand are finished, then the worker returns. */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: WorkerEvent) => void;
  readonly tuning?: QueueTuning;
  /** Wait between polls of an empty queue. */
  readonly pollIntervalMs?: number;
  /**
   * A regroup starts this long after the first article saved since the last
   * one, so one regroup covers every article saved meanwhile instead of one each.
   */
  readonly regroupDelaySeconds?: number;
  /** Return once no ingest job is waiting or running and no regroup is pending (benchmarks, tests, one-shot batches). */
  readonly exitWhenIdle?: boolean;
}

export type WorkerEvent =
  | { readonly type: 'started'; readonly worker: string }
  | { readonly type: 'article'; readonly article: string; readonly source: string; readonly outcome: 'inserted' | 'existing' | 'failed'; readonly ms: number }
  | { readonly type: 'regrouped'; readonly articles: number; readonly stories: number; readonly ms: number }
  | { readonly type: 'job-failed'; readonly queue: string; readonly job: string; readonly article: string | null; readonly error: string; readonly attempt: number; readonly final: boolean }
  | { readonly type: 'connection-error'; readonly message: string }
  | { readonly type: 'stopped'; readonly summary: WorkerSummary };

export interface WorkerSummary {
  readonly inserted: number;
  readonly existing: number;
  readonly failedArticles: number;
  readonly regroups: number;
  readonly jobFailures: number;
}

const DEFAULT_POLL_MS = 500;
const DEFAULT_REGROUP_DELAY_SECONDS = 10;
/** Back-off after a database error: long enough not to spin while PostgreSQL restarts, short enough to resume quickly. */
const MAX_ERROR_BACKOFF_MS = 5_000;

/**
 * `crosscheck worker`: takes ingest jobs (run the document stages, save the
 * article; a duplicate save is a no-op) and regroup jobs (story stages over
 * every stored article, under the story lock) from the PostgreSQL job queue
 * until `signal` aborts. Start any number, on any machine that reaches the
 * database. A job whose worker dies is retried once it expires; a job that
 * fails every attempt goes to the dead-letter list.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const queue = resolveQueue(options);
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const emit = (event: WorkerEvent) => options.onEvent?.(event);
  const onConnectionError = (error: Error) => emit({ type: 'connection-error', message: error.message });
  const stop = options.signal ?? new AbortController().signal;
  const pipeline = buildPipeline(defaultPipeline());
  const store = await openPostgresStore(queue.connectionString, { schema: queue.schema, maxConnections: concurrency + 1, onConnectionError });
  let boss: PgBoss;
  try {
    boss = await startBoss(queue, tuning, { supervise: true, onError: onConnectionError });
  } catch (error) {
    await store.close();
    throw error;
  }
  const summary = { inserted: 0, existing: 0, failedArticles: 0, regroups: 0, jobFailures: 0 };
  const regroupDelay = options.regroupDelaySeconds ?? DEFAULT_REGROUP_DELAY_SECONDS;
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  emit({ type: 'started', worker: `${hostname()}:${process.pid}` });

  const ingest = async (job: PgBoss.JobWithMetadata<unknown>) => {
    const started = Date.now();
    const parsed = inputItemSchema.safeParse(job.data);
    if (!parsed.success) {
      throw new Error(`expected an input item {id, source, raw}, got ${JSON.stringify(job.data).slice(0, 200)} (${parsed.error.issues[0]?.message ?? 'invalid'}); enqueue with \`crosscheck ingest --queue\``);
    }
    const item = parsed.data as unknown as InputItem;
    const doc = await runDocStages(pipeline, item, contextFor({}));
    const outcome = await store.saveArticle(doc);
    // Also after 'existing': a worker killed between saving and queueing the
    // regroup leaves the article stored, and its retried job must still get it into a story.
    await boss.send(REGROUP_QUEUE, {}, { startAfter: regroupDelay });
    if (doc.failed) summary.failedArticles++;
    else if (outcome === 'inserted') summary.inserted++;
    else summary.existing++;
    emit({ type: 'article', article: doc.id, source: doc.source, outcome: doc.failed ? 'failed' : outcome, ms: Date.now() - started });
  };

  const regroup = async () => {
    const started = Date.now();
    const corpus = await store.regroupStories((docs) => runStoryStages(pipeline, docs, contextFor({})));
    summary.regroups++;
    emit({ type: 'regrouped', articles: corpus.docs.length, stories: corpus.stories.length, ms: Date.now() - started });
  };

  const work = async (name: string, job: PgBoss.JobWithMetadata<unknown>, handle: (job: PgBoss.JobWithMetadata<unknown>) => Promise<void>) => {
    try {
      await handle(job);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      summary.jobFailures++;
      const article = typeof (job.data as { id?: unknown } | null)?.id === 'string' ? (job.data as { id: string }).id : null;
      emit({ type: 'job-failed', queue: name, job: job.id, article, error: message, attempt: job.retryCount + 1, final: job.retryCount >= job.retryLimit });
      // If this fails too (database down), the job expires and is retried all the same.
      await boss.fail(name, job.id, { message });
      return;
    }
    await boss.complete(name, job.id);
  };

  const idle = async () => {
    const status = await readQueueStatus((text, values) => boss.getDb().executeSql(text, values as unknown[]), queue.queueSchema);
    return status.waiting === 0 && status.running === 0 && !status.regrouping;
  };

  const slot = async () => {
    let backoff = pollMs;
    while (!stop.aborted) {
      try {
        // Regroups first: there is at most one, it becomes due only after
        // `regroupDelay`, and a backlog of articles must not starve the stories.
        const [regroupJob] = await boss.fetch<unknown>(REGROUP_QUEUE, { batchSize: 1, includeMetadata: true });
        if (regroupJob) {
          await work(REGROUP_QUEUE, regroupJob, regroup);
          backoff = pollMs;
          continue;
        }
        const [ingestJob] = await boss.fetch<unknown>(INGEST_QUEUE, { batchSize: 1, includeMetadata: true });
        if (ingestJob) {
          await work(INGEST_QUEUE, ingestJob, ingest);
          backoff = pollMs;
          continue;
        }
        if (options.exitWhenIdle && (await idle())) return;
        await sleep(pollMs, stop);
      } catch (error) {
        onConnectionError(error instanceof Error ? error : new Error(String(error)));
        await sleep(backoff, stop);
        backoff = Math.min(backoff * 2, MAX_ERROR_BACKOFF_MS);
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: concurrency }, slot));
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await store.close();
  }
  emit({ type: 'stopped', summary });
  return summary;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}


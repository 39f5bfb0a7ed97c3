import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { z } from 'zod';
import { CrosscheckError } from '../model/errors.js';
import type { InputFailure, InputItem } from '../input/input-item.js';
import { readInputs, type ReadInputsOptions } from '../input/read-inputs.js';
import { openPostgresStore, parsePostgresLocation, redactPassword } from '../storage/postgres-store.js';

/** One job per input item; its payload is the InputItem itself. */
export const INGEST_QUEUE = 'crosscheck-ingest';
/** One job at a time regroups every stored article into stories. */
export const REGROUP_QUEUE = 'crosscheck-regroup';
/** Ingest jobs that failed on every attempt, with their last error. */
export const DEAD_LETTER_QUEUE = 'crosscheck-dead-letter';

export interface QueueLocation {
  /** postgres://… (credentials in the URL or the PG* environment variables); `?schema=` picks crosscheck's schema. */
  readonly databaseUrl: string;
  /** crosscheck's tables; default: the URL's `?schema=`, else `public`. */
  readonly schema?: string;
  /** pg-boss's tables; default `crosscheck_queue`, or `<schema>_queue` when the schema is not `public`. */
  readonly queueSchema?: string;
}

export interface QueueTuning {
  /** A job still active after this long is taken to be lost (its worker died) and is retried. Above the slowest article's stages. */
  readonly expireInSeconds?: number;
  /** Attempts after the first before a job goes to the dead-letter list. */
  readonly retryLimit?: number;
  /** First retry delay; pg-boss doubles it (with jitter) at each retry. */
  readonly retryDelaySeconds?: number;
  /** How often one of the workers fails expired jobs and archives finished ones. */
  readonly maintenanceIntervalSeconds?: number;
}

export const DEFAULT_TUNING: Required<QueueTuning> = {
  // Document stages take well under a second per article; five minutes leaves
  // room for a huge page on a loaded machine without keeping a dead worker's job long.
  expireInSeconds: 300,
  retryLimit: 3,
  retryDelaySeconds: 2,
  maintenanceIntervalSeconds: 30,
};

/** The job payload, checked at the boundary: anything else enqueued by hand is a failed job, not a crashed worker. */
export const inputItemSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  raw: z.looseObject({ clean: z.boolean() }),
  encoding: z.string().optional(),
  feed: z.string().optional(),
});

export interface ResolvedQueue {
  readonly connectionString: string;
  readonly schema: string;
  readonly queueSchema: string;
  /** The URL as given, with its password masked, for messages. */
  readonly shown: string;
}

export function resolveQueue(location: QueueLocation): ResolvedQueue {
  if (!/^postgres(ql)?:\/\//i.test(location.databaseUrl.trim())) {
    throw new CrosscheckError('USAGE', `the job queue needs PostgreSQL: expected a postgres:// URL, got "${redactPassword(location.databaseUrl)}"; set CROSSCHECK_DATABASE_URL=postgres://…`);
  }
  const { connectionString, schema } = parsePostgresLocation(location.databaseUrl.trim(), location.schema);
  const queueSchema = location.queueSchema ?? (schema === 'public' ? 'crosscheck_queue' : `${schema}_queue`);
  // Checked like crosscheck's schema: pg-boss writes it into its SQL text.
  parsePostgresLocation(connectionString, queueSchema);
  return { connectionString, schema, queueSchema, shown: redactPassword(location.databaseUrl) };
}

/**
 * Starts pg-boss on the queue's schema (creating it, under pg-boss's own
 * advisory lock, on first use) and declares crosscheck's queues. Declaring is
 * idempotent, so every enqueuer and worker does it.
 */
export async function startBoss(queue: ResolvedQueue, tuning: QueueTuning, options: { supervise: boolean; onError?: (error: Error) => void }): Promise<PgBoss> {
  const t = { ...DEFAULT_TUNING, ...tuning };
  const boss = new PgBoss({
    connectionString: queue.connectionString,
    schema: queue.queueSchema,
    max: 3,
    supervise: options.supervise,
    schedule: false,
    maintenanceIntervalSeconds: t.maintenanceIntervalSeconds,
    application_name: `crosscheck:${queue.schema}`,
  });
  // pg-boss reports lost connections as 'error' events; unheard, they would end the process.
  boss.on('error', (error) => options.onError?.(error));
  try {
    await boss.start();
    await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, policy: 'standard', retentionMinutes: 60 * 24 * 30 });
    await boss.createQueue(INGEST_QUEUE, {
      name: INGEST_QUEUE,
      policy: 'standard',
      retryLimit: t.retryLimit,
      retryDelay: t.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: t.expireInSeconds,
      deadLetter: DEAD_LETTER_QUEUE,
    });
    // Stately: at most one regroup waiting and one running. An article saved
    // while a regroup runs queues exactly one more, which will include it.
    await boss.createQueue(REGROUP_QUEUE, {
      name: REGROUP_QUEUE,
      policy: 'stately',
      retryLimit: t.retryLimit,
      retryDelay: t.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: t.expireInSeconds,
    });
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw new CrosscheckError('STORE_FAILED', `could not start the job queue at ${queue.shown} (schema ${queue.queueSchema}): ${error instanceof Error ? error.message : String(error)}; is PostgreSQL running and the URL right?`, { cause: error });
  }
  return boss;
}

/**
 * The job id of an article's ingest job: a UUID (v5 layout) derived from the
 * article id, so that enqueuing the same article again hits pg-boss's primary
 * key and adds nothing.
 */
export function jobIdFor(articleId: string): string {
  const hash = createHash('sha1').update(`crosscheck-ingest:${articleId}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface EnqueueOptions extends QueueLocation {
  /** Files, folders, URLs and feeds, as `crosscheck ingest` takes them. */
  readonly specs: readonly string[];
  readonly read?: ReadInputsOptions;
  readonly tuning?: QueueTuning;
  /** Each input that could not be read (it is not enqueued). */
  readonly onFailure?: (failure: InputFailure) => void;
  readonly onWarning?: (source: string, message: string) => void;
  /** After each item: what became of it. */
  readonly onItem?: (item: InputItem, outcome: 'queued' | 'stored' | 'queued-before') => void;
}

export interface EnqueueResult {
  /** New jobs. */
  readonly queued: number;
  /** Articles already in the store: no job needed. */
  readonly stored: number;
  /** Articles with a job already (waiting, running or done and not yet archived). */
  readonly queuedBefore: number;
  readonly failures: readonly InputFailure[];
}

/**
 * `crosscheck ingest --queue`: reads and decodes the inputs here (so workers
 * never need this machine's files) and enqueues one job per article not yet
 * stored. Re-submitting a batch adds nothing: stored articles are skipped and
 * a queued one keeps its single job.
 */
export async function enqueueInputs(options: EnqueueOptions): Promise<EnqueueResult> {
  const queue = resolveQueue(options);
  // Opening the store applies its migrations before any worker needs the tables.
  const store = await openPostgresStore(queue.connectionString, { schema: queue.schema, maxConnections: 1 });
  let boss: PgBoss | undefined;
  try {
    boss = await startBoss(queue, options.tuning ?? {}, { supervise: false });
    const failures: InputFailure[] = [];
    let queued = 0;
    let stored = 0;
    let queuedBefore = 0;
    const read = { ...options.read, ...(options.onWarning ? { onWarning: options.onWarning } : {}) };
    for await (const result of readInputs(options.specs, read)) {
      if (!result.ok) {
        failures.push(result.failure);
        options.onFailure?.(result.failure);
        continue;
      }
      const { item } = result;
      if (await store.hasArticle(item.id)) {
        stored++;
        options.onItem?.(item, 'stored');
        continue;
      }
      const id = await boss.send(INGEST_QUEUE, item as unknown as object, { id: jobIdFor(item.id), singletonKey: item.id });
      if (id === null) queuedBefore++;
      else queued++;
      options.onItem?.(item, id === null ? 'queued-before' : 'queued');
    }
    return { queued, stored, queuedBefore, failures };
  } finally {
    await boss?.stop({ graceful: false, wait: true }).catch(() => undefined);
    await store.close();
  }
}

export interface DeadLetter {
  readonly article: string;
  readonly source: string;
  /** The last attempt's error message. */
  readonly error: string;
  readonly failedAt: string;
}

/** A page of dead letters; `total` counts them all. */
export interface DeadLetterPage {
  readonly total: number;
  readonly items: readonly DeadLetter[];
}

/**
 * The ingest jobs that failed on every attempt, newest first, one per article
 * (the latest when an article failed in several submissions). Kept 30 days.
 */
export async function listDeadLetters(location: QueueLocation, options: { limit?: number } = {}): Promise<DeadLetter[]> {
  return [...(await pageDeadLetters(location, { limit: options.limit ?? 1000, offset: 0 })).items];
}

/** One page of `listDeadLetters`, for the API. */
export async function pageDeadLetters(location: QueueLocation, page: { limit: number; offset: number }): Promise<DeadLetterPage> {
  const queue = resolveQueue(location);
  const client = new pg.Client({ connectionString: queue.connectionString });
  try {
    await client.connect();
    const exists = await client.query<{ found: boolean }>('select to_regclass($1) is not null as found', [`${queue.queueSchema}.job`]);
    if (!exists.rows[0]?.found) return { total: 0, items: [] };
    // pg-boss moves old jobs from `job` to `archive`; a dead letter may be in either.
    // The list is small (failures over 30 days), so it is paged here rather than in SQL.
    const schema = pg.escapeIdentifier(queue.queueSchema);
    const result = await client.query<{ article: string | null; source: string | null; output: unknown; created_on: Date }>(
      `select distinct on (data->>'id') data->>'id' as article, data->>'source' as source, output, created_on
       from (select data, output, created_on from ${schema}.job where name = $1
             union all select data, output, created_on from ${schema}.archive where name = $1) letters
       order by data->>'id', created_on desc`,
      [DEAD_LETTER_QUEUE],
    );
    const letters = result.rows
      .map((row) => ({ article: row.article ?? '(no id)', source: row.source ?? '(no source)', error: errorText(row.output), failedAt: row.created_on.toISOString() }))
      .sort((a, b) => b.failedAt.localeCompare(a.failedAt) || a.article.localeCompare(b.article));
    return { total: letters.length, items: letters.slice(page.offset, page.offset + page.limit) };
  } catch (error) {
    // STORE_FAILED: the API answers 503 with this message instead of a bare 500.
    throw new CrosscheckError('STORE_FAILED', `could not read the dead letters at ${queue.shown} (schema ${queue.queueSchema}): ${error instanceof Error ? error.message : String(error)}; is PostgreSQL running?`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

function errorText(output: unknown): string {
  if (output && typeof output === 'object') {
    const o = output as { message?: unknown; value?: unknown };
    if (typeof o.message === 'string') return o.message;
    if (o.value && typeof o.value === 'object' && typeof (o.value as { message?: unknown }).message === 'string') return (o.value as { message: string }).message;
    return JSON.stringify(output);
  }
  return output === null || output === undefined ? 'unknown error' : String(output);
}

export interface QueueStatus {
  /** Ingest jobs waiting (including those waiting for a retry) and running. */
  readonly waiting: number;
  readonly running: number;
  /** A regroup is waiting or running. */
  readonly regrouping: boolean;
  readonly deadLetters: number;
}

/** How much work is left: `waiting + running === 0 && !regrouping` means every stored article is in the stories. */
export async function queueStatus(location: QueueLocation): Promise<QueueStatus> {
  const queue = resolveQueue(location);
  const client = new pg.Client({ connectionString: queue.connectionString });
  await client.connect();
  try {
    return await readQueueStatus((text, values) => client.query(text, values), queue.queueSchema);
  } finally {
    await client.end();
  }
}

type Execute = (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;

/** The status query over any connection (a worker passes pg-boss's own pool). */
export async function readQueueStatus(execute: Execute, queueSchema: string): Promise<QueueStatus> {
  const exists = (await execute('select to_regclass($1) is not null as found', [`${queueSchema}.job`])).rows as { found: boolean }[];
  if (!exists[0]?.found) return { waiting: 0, running: 0, regrouping: false, deadLetters: 0 };
  const rows = (
    await execute(
      `select name, state::text as state, count(*) as n from ${pg.escapeIdentifier(queueSchema)}.job
       where name = any($1) and state in ('created', 'retry', 'active') group by name, state`,
      [[INGEST_QUEUE, REGROUP_QUEUE, DEAD_LETTER_QUEUE]],
    )
  ).rows as { name: string; state: string; n: string }[];
  const count = (name: string, states: readonly string[]) => rows.filter((r) => r.name === name && states.includes(r.state)).reduce((sum, r) => sum + Number(r.n), 0);
  return {
    waiting: count(INGEST_QUEUE, ['created', 'retry']),
    running: count(INGEST_QUEUE, ['active']),
    regrouping: count(REGROUP_QUEUE, ['created', 'retry', 'active']) > 0,
    deadLetters: count(DEAD_LETTER_QUEUE, ['created']),
  };
}

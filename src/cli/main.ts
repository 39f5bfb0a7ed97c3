import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { CrosscheckError, isCrosscheckError } from '../model/errors.js';
import { formatMessage } from '../model/message.js';
import type { Doc } from '../model/doc.js';
import type { InputFailure, InputItem } from '../input/input-item.js';
import { readInputs, type ReadInputsOptions } from '../input/read-inputs.js';
import { buildPipeline } from '../pipeline/build-pipeline.js';
import { defaultPipeline } from '../pipeline/default-pipeline.js';
import { analyze, contextFor, runDocStages, runStoryStages } from '../pipeline/run-pipeline.js';
import { toReport } from '../report/to-report.js';
import { tagConll } from '../stages/tag-conll.js';
import { isPostgresLocation, openStore, resolveStoreLocation } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { serve } from '../web/serve.js';
import { formatSummary } from './format-summary.js';
import { createProgress, type Progress } from './progress.js';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected a real calendar date');
const port = z.coerce.number().int().min(0).max(65535);
const count = z.coerce.number().int().min(1).max(10_000);

function parse<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CrosscheckError('USAGE', `${flag}: ${result.error.issues[0]?.message ?? 'invalid value'}, got "${String(value)}"`);
  }
  return result.data;
}

const EXIT_HELP = `
Exit codes:
  0  everything was processed
  1  some inputs or articles failed (one line each on stderr); the rest were processed
  2  invalid command line
  3  the run could not go on (store or pipeline error)
  4  the story or article asked for does not exist`;

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  let exitCode = 0;
  const program = new Command('crosscheck')
    .description('Turn many news reports about a developing story into one cited, cross-checked record.')
    .version(packageVersion())
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .addHelpText('after', EXIT_HELP);

  const dbOption = () => new Option('--db <path>', 'SQLite file of the store (or set CROSSCHECK_DATABASE_URL)').default(undefined, 'data/crosscheck.db');
  const inputOptions = (cmd: Command) =>
    cmd
      .option('--no-clean', 'keep file text as given, character for character (offsets line up with the input)')
      .option('--published <YYYY-MM-DD>', 'reference date for inputs that carry no publication date')
      .option('--allow-private', 'allow URLs that resolve to private, loopback or link-local addresses')
      .option('--timeout <seconds>', 'per-URL fetch timeout', '15');

  inputOptions(
    program
      .command('analyze')
      .description('analyse files, folders and URLs and print the report (nothing is stored)')
      .argument('<paths...>', 'files (.html, .htm, .html.gz, .txt, .jsonl), folders, URLs or feeds')
      .option('--json', 'print the JSON report (schema/report.schema.json) instead of a summary')
      .option('--pretty', 'indent the JSON report'),
  ).action(async (paths: string[], opts) => {
    const inputs = readOptions(opts);
    const pipeline = buildPipeline(defaultPipeline());
    const progress = createProgress(io.stderr as NodeJS.WriteStream);
    const failures: InputFailure[] = [];
    let analysed = 0;
    const corpus = await analyze(
      items(paths, inputs, failures, progress),
      {
        referenceDate: inputs.referenceDate,
        onDoc: (doc, index) => {
          analysed = index + 1;
          progress.update(analysed, doc.source);
          reportMessages(doc, progress);
        },
        onStoryStages: () => progress.update(analysed, 'grouping stories…'),
      },
      pipeline,
    );
    progress.done();
    if (opts.json) io.stdout.write(`${JSON.stringify(toReport(corpus, pipeline.versions, failures), null, opts.pretty ? 2 : undefined)}\n`);
    else io.stdout.write(`${formatSummary(corpus, failures)}\n`);
    if (failures.length || corpus.docs.some((d) => d.failed)) exitCode = 1;
  });

  inputOptions(
    program
      .command('ingest')
      .description('analyse inputs and add them to the store; re-running skips what is stored')
      .argument('<paths...>', 'files, folders, URLs or feeds')
      .addOption(dbOption())
      .option('--queue', 'enqueue the inputs for `crosscheck worker` processes instead of analysing them here (PostgreSQL stores)'),
  ).action(async (paths: string[], opts) => {
    const inputs = readOptions(opts);
    if (opts.queue) {
      const location = postgresLocation(opts.db, io, '--queue');
      const { enqueueInputs } = await import('../queue/ingest-queue.js');
      const r = await enqueueInputs({
        databaseUrl: location,
        specs: paths,
        read: inputs,
        onFailure: (f) => io.stderr.write(`${f.source}: error ${f.code}: ${f.message}\n`),
        onWarning: (source, message) => io.stderr.write(`${source}: warning: ${message}\n`),
      });
      io.stderr.write(`${r.queued} queued, ${r.stored} already stored, ${r.queuedBefore} already queued, ${r.failures.length} failed\n`);
      if (r.failures.length) exitCode = 1;
      return;
    }
    await withStore(opts.db, io, async (store, location) => {
      const result = await ingestInto(store, location, paths, inputs, io);
      if (result.failed) exitCode = 1;
    });
  });

  inputOptions(
    program
      .command('watch')
      .description('follow RSS/Atom feeds: ingest new items now and again every --interval seconds, until Ctrl+C')
      .argument('<feeds...>', 'feed URLs or files')
      .addOption(dbOption())
      .option('--interval <seconds>', 'seconds between polls', '300')
      .addOption(new Option('--rounds <n>', 'stop after n polls (for scripts and tests)').hideHelp()),
  ).action(async (feeds: string[], opts) => {
    const inputs = readOptions(opts);
    const interval = parse(z.coerce.number().min(1).max(86_400), opts.interval, '--interval');
    const rounds = opts.rounds === undefined ? Infinity : parse(count, opts.rounds, '--rounds');
    await withStore(opts.db, io, (store, location) =>
      untilStopped(async (stopped) => {
        for (let round = 1; round <= rounds && !stopped.aborted; round++) {
          const result = await ingestInto(store, location, feeds, inputs, io);
          if (result.failed) exitCode = 1;
          if (round < rounds) await sleep(interval * 1000, stopped);
        }
      }),
    );
  });

  program
    .command('worker')
    .description('take ingest jobs from the PostgreSQL job queue until Ctrl+C; start as many as you like, anywhere')
    .addOption(dbOption())
    .option('--concurrency <n>', 'jobs this process works on at once', '1')
    .option('--exit-when-idle', 'stop once the queue is empty (one-shot batches)')
    .action(async (opts) => {
      const location = postgresLocation(opts.db, io, 'worker');
      const concurrency = parse(z.coerce.number().int().min(1).max(64), opts.concurrency, '--concurrency');
      const { runWorker } = await import('../queue/run-worker.js');
      const progress = createProgress(io.stderr as NodeJS.WriteStream);
      let done = 0;
      await untilStopped(async (stopped) => {
        const summary = await runWorker({
          databaseUrl: location,
          concurrency,
          signal: stopped,
          exitWhenIdle: opts.exitWhenIdle === true,
          onEvent: (event) => {
            if (event.type === 'article') progress.update(++done, event.source);
            else if (event.type === 'job-failed') progress.note(`${event.article ?? event.job}: error: ${event.error}${event.final ? ' (dead-lettered)' : ` (attempt ${event.attempt}, will retry)`}`);
            else if (event.type === 'connection-error') progress.note(`worker: warning: database connection lost (${event.message}); reconnecting`);
            else if (event.type === 'regrouped') progress.note(`regrouped ${event.articles} articles into ${event.stories} stories`);
          },
        });
        progress.done();
        io.stderr.write(`worker stopped: ${summary.inserted} added, ${summary.existing} already stored, ${summary.failedArticles} failed, ${summary.regroups} regroups\n`);
        if (summary.failedArticles || summary.jobFailures) exitCode = 1;
      });
    });

  program
    .command('dead-letters')
    .description('list inputs that failed every attempt in the job queue, with their error')
    .addOption(dbOption())
    .option('--json', 'print them as JSON')
    .option('--limit <n>', 'how many', '100')
    .action(async (opts) => {
      const location = postgresLocation(opts.db, io, 'dead-letters');
      const limit = parse(count, opts.limit, '--limit');
      const { listDeadLetters } = await import('../queue/ingest-queue.js');
      const letters = await listDeadLetters({ databaseUrl: location }, { limit });
      if (opts.json) io.stdout.write(`${JSON.stringify({ deadLetters: letters })}\n`);
      else if (!letters.length) io.stdout.write('no dead letters\n');
      else for (const l of letters) io.stdout.write(`${l.article}  ${l.source}  ${l.error}\n`);
    });

  program
    .command('stories')
    .description('list the stories in the store')
    .addOption(dbOption())
    .option('--json', 'print {"stories": [...]} shaped like the report\'s stories')
    .option('--limit <n>', 'how many stories', '100')
    .action(async (opts) => {
      const limit = parse(count, opts.limit, '--limit');
      await withStore(opts.db, io, async (store) => {
        const page = await store.listStories({ limit, offset: 0 });
        if (opts.json) {
          const stories = [];
          for (const summary of page.items) stories.push(await store.getStory(summary.id));
          io.stdout.write(`${JSON.stringify({ stories: stories.filter(Boolean) })}\n`);
          return;
        }
        if (!page.items.length) io.stdout.write('no stories yet: run `crosscheck ingest PATHS...` first\n');
        for (const s of page.items) {
          const dates = [s.firstPublished, s.lastPublished].filter(Boolean).join(' – ');
          io.stdout.write(`${s.id}  ${s.title}\n    ${s.articleCount} article(s)${dates ? `, ${dates}` : ''}${s.outlets.length ? `, ${s.outlets.join(', ')}` : ''}, ${s.discrepancyCount} discrepanc${s.discrepancyCount === 1 ? 'y' : 'ies'}\n`);
        }
        if (page.total > page.items.length) io.stdout.write(`… ${page.total - page.items.length} more (use --limit)\n`);
      });
    });

  program
    .command('story')
    .description('show one story from the store')
    .argument('<id>', 'story id, as listed by `crosscheck stories`')
    .addOption(dbOption())
    .option('--json', 'print the story as JSON')
    .action(async (id: string, opts) => {
      await withStore(opts.db, io, async (store) => {
        const story = await store.getStory(id);
        if (!story) throw new CrosscheckError('NOT_FOUND', `no story "${id}" in the store; list them with \`crosscheck stories\``);
        if (opts.json) {
          io.stdout.write(`${JSON.stringify(story, null, 2)}\n`);
          return;
        }
        const docs = (await Promise.all(story.articles.map((a) => store.getArticle(a)))).filter((d): d is Doc => d !== null);
        io.stdout.write(`${formatSummary({ docs, entities: [], stories: [story] }, []).split('\n').slice(2).join('\n')}\n`);
      });
    });

  program
    .command('serve')
    .description('serve the web UI and JSON API for the store')
    .addOption(dbOption())
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts) => {
      const listenPort = parse(port, opts.port, '--port');
      const location = resolveStoreLocation({ db: opts.db, env: io.env });
      const store = await openStore(location);
      // Only PostgreSQL has the job queue; loaded on demand, as the SQLite default never needs pg-boss.
      const deadLetters = /^postgres(ql)?:\/\//i.test(location.trim())
        ? async (page: { limit: number; offset: number }) => (await import('../queue/ingest-queue.js')).pageDeadLetters({ databaseUrl: location }, page)
        : undefined;
      const server = await serve(store, { port: listenPort, host: opts.host, deadLetters }).catch(async (error: NodeJS.ErrnoException) => {
        await store.close();
        if (error.code === 'EADDRINUSE') throw new CrosscheckError('USAGE', `port ${listenPort} on ${opts.host} is already in use; stop what is using it or pass --port N`);
        if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new CrosscheckError('USAGE', `--host: cannot listen on "${opts.host}"; pass an address of this machine, e.g. 127.0.0.1`);
        throw error;
      });
      io.stderr.write(`crosscheck is serving ${location}\nOpen ${server.url} (Ctrl+C to stop)\n`);
      await untilStopped((stopped) => new Promise<void>((resolve) => stopped.addEventListener('abort', () => resolve(), { once: true })));
      await server.close();
      await store.close();
    });

  program
    .command('tag')
    .description('tag CoNLL-2003 columns read from stdin: each line is written back with the predicted BIO tag appended')
    .requiredOption('--format <format>', 'input format (only "conll")')
    .action(async (opts) => {
      if (opts.format !== 'conll') throw new CrosscheckError('USAGE', `--format: expected "conll", got "${String(opts.format)}"`);
      io.stdout.write(tagConll(await readAll(io.stdin)));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isCrosscheckError(error)) {
      io.stderr.write(`crosscheck: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`crosscheck: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 3;
  }
}

interface InputFlags {
  clean?: boolean;
  published?: string;
  allowPrivate?: boolean;
  timeout?: string;
}

function readOptions(opts: InputFlags): ReadInputsOptions {
  const referenceDate = opts.published === undefined ? undefined : parse(isoDate, opts.published, '--published');
  const timeoutSeconds = parse(z.coerce.number().positive().max(600), opts.timeout ?? '15', '--timeout');
  return {
    clean: opts.clean !== false,
    allowPrivate: opts.allowPrivate === true,
    timeoutMs: timeoutSeconds * 1000,
    ...(referenceDate ? { referenceDate } : {}),
  };
}

/** The readable inputs; failures are collected and reported, one line each, as they come. */
async function* items(paths: readonly string[], options: ReadInputsOptions, failures: InputFailure[], progress: Progress): AsyncGenerator<InputItem> {
  for await (const result of readInputs(paths, { ...options, onWarning: (source, message) => progress.note(`${source}: warning: ${message}`) })) {
    if (result.ok) yield result.item;
    else {
      failures.push(result.failure);
      progress.note(`${result.failure.source}: error ${result.failure.code}: ${result.failure.message}`);
    }
  }
}

function reportMessages(doc: Doc, progress: Progress): void {
  for (const m of doc.messages) if (m.severity !== 'info') progress.note(formatMessage(doc.source, m));
}

interface IngestResult {
  added: number;
  existing: number;
  failed: number;
}

/**
 * Adds new inputs to the store, one committed article at a time, then
 * regroups every stored article into stories in one transaction.
 */
async function ingestInto(store: Store, location: string, paths: readonly string[], inputs: ReadInputsOptions, io: CliIO): Promise<IngestResult> {
  const pipeline = buildPipeline(defaultPipeline());
  const ctx = contextFor({ referenceDate: inputs.referenceDate });
  const progress = createProgress(io.stderr as NodeJS.WriteStream);
  const failures: InputFailure[] = [];
  const result: IngestResult = { added: 0, existing: 0, failed: 0 };
  let seen = 0;
  for await (const item of items(paths, inputs, failures, progress)) {
    progress.update(++seen, item.source);
    if (await store.hasArticle(item.id)) {
      result.existing++;
      continue;
    }
    const doc = await runDocStages(pipeline, item, ctx);
    reportMessages(doc, progress);
    if (doc.failed) result.failed++;
    // Each article is committed on its own: a crash loses nothing already stored.
    if ((await store.saveArticle(doc)) === 'inserted') result.added++;
    else result.existing++;
  }
  result.failed += failures.length;
  progress.update(seen, 'grouping stories…');
  const corpus = await store.regroupStories((docs) => runStoryStages(pipeline, docs, ctx));
  progress.done();
  io.stderr.write(
    `${location}: ${result.added} added, ${result.existing} already stored, ${result.failed} failed; ` +
      `${corpus.docs.length} articles in ${corpus.stories.length} stories\n`,
  );
  return result;
}

/** Runs `work` with a signal that aborts on Ctrl+C (SIGINT) or SIGTERM; the handlers are removed afterwards. */
async function untilStopped<T>(work: (stopped: AbortSignal) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(stop.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** The job queue lives in PostgreSQL: say so plainly when the store is SQLite. */
function postgresLocation(db: string | undefined, io: CliIO, what: string): string {
  const location = resolveStoreLocation({ db, env: io.env });
  if (!isPostgresLocation(location)) {
    throw new CrosscheckError('USAGE', `${what} needs a PostgreSQL store, got "${location}"; pass --db postgres://… or set CROSSCHECK_DATABASE_URL`);
  }
  return location;
}

async function withStore(db: string | undefined, io: CliIO, work: (store: Store, location: string) => Promise<void>): Promise<void> {
  const location = resolveStoreLocation({ db, env: io.env });
  const store = await openStore(location);
  try {
    await work(store, location);
  } finally {
    await store.close();
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function packageVersion(): string {
  // Works from src/ (tsx) and dist/ alike: both sit one level below the package root.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function defaultIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

// A worker as its own process, for the fault tests and bench/scale: runs
// `runWorker` until the queue is idle (or SIGTERM) and prints each event as
// one JSON line on stdout, then its peak memory. Settings come from the
// environment only, as a real deployment's would.
import { runWorker, type WorkerEvent } from './run-worker.js';
import type { QueueTuning } from './ingest-queue.js';

const env = process.env;
const databaseUrl = env.CROSSCHECK_DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('worker-process: set CROSSCHECK_DATABASE_URL=postgres://…\n');
  process.exit(2);
}
const tuning = JSON.parse(env.CROSSCHECK_QUEUE_TUNING ?? '{}') as QueueTuning;
const stop = new AbortController();
process.once('SIGTERM', () => stop.abort());
const print = (event: WorkerEvent | { type: 'memory'; maxRssMB: number }) => process.stdout.write(`${JSON.stringify(event)}\n`);

await runWorker({
  databaseUrl,
  ...(env.CROSSCHECK_SCHEMA ? { schema: env.CROSSCHECK_SCHEMA } : {}),
  concurrency: Number(env.CROSSCHECK_WORKER_CONCURRENCY ?? 1),
  signal: stop.signal,
  tuning,
  pollIntervalMs: Number(env.CROSSCHECK_POLL_MS ?? 200),
  regroupDelaySeconds: Number(env.CROSSCHECK_REGROUP_DELAY ?? 1),
  exitWhenIdle: env.CROSSCHECK_EXIT_WHEN_IDLE !== 'false',
  onEvent: print,
});
// resourceUsage reports kilobytes on Linux.
print({ type: 'memory', maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) });

// Ingest throughput of crosscheck at scale: the same seeded synthetic corpus
// ingested by 1, 2 and 4 worker processes on PostgreSQL (through the job
// queue), and by one `crosscheck ingest` process on SQLite. Prints a markdown
// table. Usage:
//   node --import tsx bench/scale/run-scale.ts [--articles 300] [--stories 30] [--workers 1,2,4] [--seed 1]
// PostgreSQL: $CROSSCHECK_BENCH_DATABASE_URL, else the local test server. Each
// run uses its own schema, dropped afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { enqueueInputs } from '../../src/queue/ingest-queue.js';
import { openPostgresStore } from '../../src/storage/postgres-store.js';
import { generateCorpus, toJsonl } from './generate-corpus.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '300' },
    stories: { type: 'string', default: '30' },
    workers: { type: 'string', default: '1,2,4' },
    seed: { type: 'string', default: '1' },
  },
});
const articles = Number(values.articles);
const stories = Number(values.stories);
const workerCounts = values.workers.split(',').map(Number);
const url = process.env.CROSSCHECK_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WORKER = fileURLToPath(new URL('../../src/queue/worker-process.ts', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-scale-'));
const input = join(dir, 'corpus.jsonl');
const corpus = generateCorpus({ articles, stories, seed: Number(values.seed) });
writeFileSync(input, toJsonl(corpus));
const words = corpus.reduce((n, a) => n + a.text.split(/\s+/).length, 0);

interface Run {
  readonly name: string;
  /** First article saved → last article saved, every worker already up: the steady ingest rate. */
  readonly ingestSeconds: number;
  /** Workers started → last worker exited: start-up and the final regroup included. */
  readonly wallSeconds: number;
  readonly maxRssMB: number[];
  readonly stored: number;
  readonly stories: number;
}

async function postgresRun(workers: number): Promise<Run> {
  const schema = `cc_bench_${randomBytes(4).toString('hex')}`;
  try {
    const queued = await enqueueInputs({ databaseUrl: url, schema, specs: [input] });
    if (queued.queued !== articles) throw new Error(`expected ${articles} jobs, got ${JSON.stringify(queued)}`);
    const started = performance.now();
    const saves: number[] = [];
    const rss: number[] = [];
    await Promise.all(
      Array.from({ length: workers }, () =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
            env: { ...process.env, CROSSCHECK_DATABASE_URL: url, CROSSCHECK_SCHEMA: schema, CROSSCHECK_REGROUP_DELAY: '2' },
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let buffer = '';
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
            buffer += chunk;
            for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
              const event = JSON.parse(buffer.slice(0, nl)) as { type: string; maxRssMB?: number };
              buffer = buffer.slice(nl + 1);
              if (event.type === 'article') saves.push(performance.now());
              if (event.type === 'memory') rss.push(event.maxRssMB!);
            }
          });
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
        }),
      ),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const store = await openPostgresStore(url, { schema });
    const stats = await store.stats();
    await store.close();
    return { name: `PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}`, ingestSeconds: (saves.at(-1)! - saves[0]!) / 1000, wallSeconds, maxRssMB: rss, stored: stats.articles, stories: stats.stories };
  } finally {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const s of [schema, `${schema}_queue`]) await client.query(`drop schema if exists ${pg.escapeIdentifier(s)} cascade`);
    await client.end();
  }
}

function sqliteRun(): Run {
  const db = join(dir, 'bench.db');
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./sqlite-once.ts', import.meta.url)), input, db], { encoding: 'utf8' });
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as { seconds: number; maxRssMB: number };
  const count = (table: string) => Number(execFileSync(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db)},{readonly:true});console.log(d.prepare('select count(*) n from ${table}').get().n)`], { encoding: 'utf8' }).trim());
  return { name: 'SQLite, 1 process (`crosscheck ingest`)', ingestSeconds: result.seconds, wallSeconds: result.seconds, maxRssMB: [result.maxRssMB], stored: count('articles'), stories: count('stories') };
}

try {
  const runs: Run[] = [sqliteRun()];
  for (const workers of workerCounts) runs.push(await postgresRun(workers));
  const base = runs.find((r) => r.name.startsWith('PostgreSQL, 1 '));
  console.log(`corpus: ${articles} articles (${Math.round(words / articles)} words on average) across ${stories} stories, seed ${values.seed}; ${cpus().length} CPU cores (${cpus()[0]?.model ?? 'unknown'})\n`);
  console.log('| run | articles stored | stories | ingest articles/s | speed-up | wall s (start-up, final regroup) | peak RSS per process MB |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of runs) {
    const rate = r.stored / r.ingestSeconds;
    const speedup = base && r.name.startsWith('PostgreSQL') ? (rate / (base.stored / base.ingestSeconds)).toFixed(2) : '–';
    console.log(`| ${r.name} | ${r.stored} | ${r.stories} | ${rate.toFixed(1)} | ${speedup} | ${r.wallSeconds.toFixed(1)} | ${r.maxRssMB.join(', ')} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

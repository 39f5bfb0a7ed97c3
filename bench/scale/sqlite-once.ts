// One `crosscheck ingest` into a new SQLite file, in this process, for
// comparison with the PostgreSQL workers: prints {seconds, maxRssMB} as JSON.
import { main } from '../../src/cli/main.js';
import { PassThrough } from 'node:stream';

const [input, db] = process.argv.slice(2);
if (!input || !db) throw new Error('usage: sqlite-once.ts INPUT.jsonl DB_FILE');
const sink = new PassThrough().resume();
const started = performance.now();
const code = await main(['ingest', input, '--db', db], { stdout: sink, stderr: sink, stdin: process.stdin, env: {} });
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ code, seconds, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);

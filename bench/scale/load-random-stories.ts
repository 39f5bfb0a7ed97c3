// The load generator of latency-100k.ts, in its own process so it does not
// share the server's event loop: autocannon against GET /api/stories/:id,
// each request for a story id drawn at random (seeded) from the file given,
// so the database's cache sees a spread of stories rather than one hot row.
// Prints autocannon's result as one JSON line.
// Usage: node --import tsx bench/scale/load-random-stories.ts BASE_URL IDS_FILE SECONDS [CONNECTIONS] [SEED]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Result {
  readonly latency: { p50: number; p90: number; p97_5: number; p99: number };
  readonly requests: { average: number; total: number };
  readonly errors: number;
  readonly non2xx: number;
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; requests: { setupRequest: (request: { path: string }) => { path: string } }[] },
  done: (error: Error | null, result: Result) => void,
) => unknown;

const [base, idsFile, seconds, connections = '10', seed = '7'] = process.argv.slice(2);
if (!base || !idsFile || !seconds) throw new Error('usage: load-random-stories.ts BASE_URL IDS_FILE SECONDS [CONNECTIONS] [SEED]');
const ids = readFileSync(idsFile, 'utf8').split('\n').filter(Boolean);
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** mulberry32: small, seeded, enough to spread requests over the stories. */
let state = Number(seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const result = await new Promise<Result>((resolve, reject) =>
  autocannon(
    {
      url: base,
      connections: Number(connections),
      duration: Number(seconds),
      requests: [{ setupRequest: (request) => ({ ...request, path: `/api/stories/${encodeURIComponent(ids[Math.floor(random() * ids.length)]!)}` }) }],
    },
    (error, r) => (error ? reject(error) : resolve(r)),
  ),
);
process.stdout.write(`${JSON.stringify(result)}\n`);

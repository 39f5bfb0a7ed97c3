// Article-extraction benchmark: our extractArticle against plain Readability,
// run in the same process on the 181 pages of the scrapinghub benchmark, then
// scored by the shared scorer next to the reference tools' published outputs.
// Run from the repo root: node --import tsx bench/extraction.ts [--per-page N (default 10)] [--passes N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/stages/clean/extract-article.js';

const shared = '../shared';
const dataset = join(shared, 'datasets/article-extraction');
if (!existsSync(dataset)) {
  console.log('skipped: ../shared not found');
  process.exit(0);
}

const gold = JSON.parse(readFileSync(join(dataset, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
const files = readdirSync(join(dataset, 'html')).filter((f) => f.endsWith('.html.gz')).sort();
const pages = files.map((f) => ({ id: f.replace(/\.html\.gz$/, ''), html: gunzipSync(readFileSync(join(dataset, 'html', f))).toString('utf8') }));

const args = process.argv.slice(2);
const passesAt = args.indexOf('--passes');
const passes = passesAt >= 0 ? Math.max(1, Number(args[passesAt + 1]) || 1) : 3;
const passedOn = passesAt >= 0 ? [...args.slice(0, passesAt), ...args.slice(passesAt + 2)] : args;
// The ten worst pages are part of the report (issue: "the ten worst pages with their F1").
const scorerArgs = passedOn.includes('--per-page') ? passedOn : [...passedOn, '--per-page', '10'];

type Extractor = (page: (typeof pages)[number]) => string;
interface Timing {
  out: Record<string, { articleBody: string }>;
  seconds: number;
}

let peakRss = process.memoryUsage().rss;
function runPass(run: Extractor, timing: Timing): void {
  const started = performance.now();
  for (const page of pages) {
    timing.out[page.id] = { articleBody: run(page) };
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  timing.seconds += (performance.now() - started) / 1000;
}

const extractors: Record<'crosscheck' | 'readability', Extractor> = {
  crosscheck: (page) => extractArticle(page.html, { url: gold[page.id]?.url, now: new Date('2100-01-01') }).text,
  readability: (page) => {
    const { document } = parseHTML(page.html) as unknown as { document: Document };
    try {
      return new Readability(document).parse()?.textContent ?? '';
    } catch {
      return '';
    }
  },
};
const ours: Timing = { out: {}, seconds: 0 };
const readability: Timing = { out: {}, seconds: 0 };
// Passes alternate which extractor goes first, so that JIT warm-up and the
// load of a shared machine fall on both alike.
for (let pass = 0; pass < passes; pass++) {
  const order: [Extractor, Timing][] = [
    [extractors.crosscheck, ours],
    [extractors.readability, readability],
  ];
  if (pass % 2 === 1) order.reverse();
  for (const [run, timing] of order) runPass(run, timing);
}
const pagesPerSecond = (timing: Timing) => (pages.length * passes) / timing.seconds;

mkdirSync('bench/out', { recursive: true });
const oursPath = 'bench/out/extraction-crosscheck.json';
const readabilityPath = 'bench/out/extraction-readability.json';
writeFileSync(oursPath, JSON.stringify(ours.out));
writeFileSync(readabilityPath, JSON.stringify(readability.out));

const references = readdirSync(join(dataset, 'reference-outputs'))
  .filter((f) => /^(?:trafilatura|readability_js)\.json$/.test(f))
  .map((f) => join(dataset, 'reference-outputs', f));
const score = spawnSync(process.execPath, [join(shared, 'bench/score-extraction.mjs'), '--gold', dataset, oursPath, readabilityPath, ...references, ...scorerArgs], {
  encoding: 'utf8',
});
process.stdout.write(score.stdout);
process.stderr.write(score.stderr);
const speed = { crosscheck: pagesPerSecond(ours), readability: pagesPerSecond(readability) };
console.log(
  `pages/s: crosscheck ${speed.crosscheck.toFixed(1)}, readability ${speed.readability.toFixed(1)}, ratio ${(speed.crosscheck / speed.readability).toFixed(2)} (${pages.length} pages, ${passes} interleaved passes)`,
);
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);

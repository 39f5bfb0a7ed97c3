// Article-extraction benchmark: our extractArticle against plain Readability,
// run in the same process on the 181 pages of the scrapinghub benchmark, then
// scored by the shared scorer next to the reference tools' published outputs.
// Run from the repo root: node --import tsx bench/extraction.ts [--per-page N]
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

let peakRss = process.memoryUsage().rss;
function timed(run: (page: (typeof pages)[number]) => string): { out: Record<string, { articleBody: string }>; pagesPerSecond: number } {
  const out: Record<string, { articleBody: string }> = {};
  const started = performance.now();
  for (const page of pages) {
    out[page.id] = { articleBody: run(page) };
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  return { out, pagesPerSecond: pages.length / ((performance.now() - started) / 1000) };
}

const ours = timed((page) => extractArticle(page.html, { url: gold[page.id]?.url, now: new Date('2100-01-01') }).text);
const readability = timed((page) => {
  const { document } = parseHTML(page.html) as unknown as { document: Document };
  try {
    return new Readability(document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
});

mkdirSync('bench/out', { recursive: true });
const oursPath = 'bench/out/extraction-crosscheck.json';
const readabilityPath = 'bench/out/extraction-readability.json';
writeFileSync(oursPath, JSON.stringify(ours.out));
writeFileSync(readabilityPath, JSON.stringify(readability.out));

const references = readdirSync(join(dataset, 'reference-outputs'))
  .filter((f) => /^(?:trafilatura|readability_js)\.json$/.test(f))
  .map((f) => join(dataset, 'reference-outputs', f));
const score = spawnSync(process.execPath, [join(shared, 'bench/score-extraction.mjs'), '--gold', dataset, oursPath, readabilityPath, ...references, ...process.argv.slice(2)], {
  encoding: 'utf8',
});
process.stdout.write(score.stdout);
process.stderr.write(score.stderr);
console.log(`pages/s: crosscheck ${ours.pagesPerSecond.toFixed(1)}, readability ${readability.pagesPerSecond.toFixed(1)} (${pages.length} pages)`);
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);

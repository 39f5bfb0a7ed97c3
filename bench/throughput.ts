// Articles/second and peak memory of the whole pipeline (`analyze`) on the
// bundled sample corpus and on the 181 pages of the article-extraction
// benchmark, with @mozilla/readability alone on the same pages as reference.
// Each measurement runs in a fresh child process so peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const pages = '../shared/datasets/article-extraction/html';
const run = (script: string, ...args: string[]) =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').at(-1)!) as {
    articles: number;
    seconds: number;
    maxRssMB: number;
  };
const row = (name: string, r: { articles: number; seconds: number; maxRssMB: number }) =>
  console.log(`| ${name} | ${r.articles} | ${r.seconds.toFixed(2)} | ${(r.articles / r.seconds).toFixed(1)} | ${r.maxRssMB} |`);

console.log('| run | articles | seconds | articles/s | peak RSS MB |');
console.log('|---|---|---|---|---|');
row('crosscheck analyze, sample corpus', run('bench/analyze-once.ts', 'sample'));
if (!existsSync(pages)) {
  console.log('skipped: ../shared not found (article-extraction pages)');
} else {
  row('crosscheck analyze, 181 extraction pages', run('bench/analyze-once.ts', pages));
  row('@mozilla/readability alone (linkedom), 181 pages', run('bench/readability-once.ts', pages));
}

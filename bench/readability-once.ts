// @mozilla/readability alone on linkedom over the same pages, in its own
// process: the reference for bench/throughput.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

const dir = process.argv[2]!;
const files = readdirSync(dir).filter((f) => /\.html?(\.gz)?$/.test(f)).sort();
const started = performance.now();
let extracted = 0;
for (const f of files) {
  const bytes = readFileSync(join(dir, f));
  const html = (f.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  if (article?.textContent) extracted++;
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ articles: files.length, extracted, seconds, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));

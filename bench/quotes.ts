// Quotes and speakers on PolNeAR (dev by default; train with --split train: both are tuning
// splits), scored by the shared score-quotes.mjs on the report of `crosscheck analyze --json`
// over to-jsonl's PolNeAR input: the whole pipeline, speakers resolved to entities as the
// product resolves them.
// Run from the repo root: node --import tsx bench/quotes.ts [--split dev|train] [--errors N]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeBenchmark, requireShared, score, shared, type BenchReport } from './analyze-benchmark.js';

requireShared();
const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, errors: { type: 'string' } } });
const split = values.split === 'train' ? 'train' : 'dev';
const gold = join(shared, 'datasets/polnear', split);
const name = `quotes-polnear-${split}`;
const { file, report, seconds } = analyzeBenchmark('polnear', gold, name);
console.log(`crosscheck analyze --json: ${report.articles.length} articles in ${seconds.toFixed(1)} s (bench/out/${name}.json)`);
const status = score('score-quotes.mjs', ['--gold', gold, file, ...(values.errors ? ['--errors', values.errors] : [])]);
console.log(indirectPrecision(report));
process.exit(status);

interface ReportQuote {
  readonly start: number;
  readonly end: number;
  readonly direct: boolean;
}

// The shared scorer measures indirect speech by recall only (gold Content spans found). This is the
// other side, as a proxy: the share of our `direct: false` quotes whose tokens lie mostly (Jaccard
// >= 0.5) or at all inside one gold Content span of the same article (first .ann per article, as
// the scorer reads). A content the annotators left unmarked counts against us, so it is a floor.
function indirectPrecision(report: BenchReport): string {
  const annDir = join(gold, 'attributions');
  const files = readdirSync(annDir).sort();
  let predicted = 0;
  let matched = 0;
  let touching = 0;
  for (const article of report.articles) {
    const ann = files.find((f) => f.startsWith(`${article.id}_`) && f.endsWith('.ann'));
    if (!ann) continue;
    const contents = contentSpans(readFileSync(join(annDir, ann), 'utf8')).map((s) => tokenSet(article.text, s));
    for (const q of article.quotes as readonly ReportQuote[]) {
      if (q.direct) continue;
      predicted++;
      const mine = tokenSet(article.text, q);
      const best = Math.max(0, ...contents.map((c) => jaccard(mine, c)));
      if (best >= 0.5) matched++;
      if (best > 0) touching++;
    }
  }
  const share = (n: number): string => (predicted ? n / predicted : 0).toFixed(3);
  return `indirect speech precision (proxy): ${matched}/${predicted} = ${share(matched)} with token Jaccard >= 0.5 to one gold Content span; ${share(touching)} overlap one`;
}

function contentSpans(ann: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const line of ann.split('\n')) {
    const m = /^T\d+\tContent2?\s+([\d ;]+)\t/.exec(line);
    if (!m) continue;
    const pieces = m[1]!.split(';').map((p) => p.trim().split(/\s+/).map(Number));
    spans.push({ start: Math.min(...pieces.map((p) => p[0]!)), end: Math.max(...pieces.map((p) => p[1]!)) });
  }
  return spans;
}

/** Token start offsets of the runs of letters and digits a span touches. */
function tokenSet(text: string, span: { start: number; end: number }): Set<number> {
  const tokens = new Set<number>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    const start = m.index;
    if (start < span.end && start + m[0].length > span.start) tokens.add(start);
  }
  return tokens;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let both = 0;
  for (const t of a) if (b.has(t)) both++;
  const union = a.size + b.size - both;
  return union ? both / union : 0;
}

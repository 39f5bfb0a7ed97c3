// Scores extractQuotes on PolNeAR (dev by default; train with --split train: both are tuning splits).
// Run from the repo root: node --import tsx bench/quotes.ts [--split dev|train] [--errors N]
// Prints the scorer's output twice: for the product setting (he/she tied to the person named through
// speakerSpan, speakerText as written, which is how PolNeAR, without coreference, annotates sources)
// and with no pronoun resolution at all. The scorer reads speakerText; the two differ only where a
// resolved name changes which quote inherits a speaker.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { newDoc, type Doc } from '../src/model/index.js';
import { splitSentences } from '../src/stages/split-sentences.js';
import { findMentions } from '../src/stages/find-mentions.js';
import { extractQuotes, type ExtractQuotesOptions } from '../src/stages/extract-quotes.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
if (!existsSync(shared)) {
  console.log('skipped: ../shared not found');
  process.exit(0);
}
const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, errors: { type: 'string' } } });
const split = values.split === 'train' ? 'train' : 'dev';
const gold = join(shared, 'datasets/polnear', split);
const converted = spawnSync(process.execPath, [join(shared, 'bench/to-jsonl.mjs'), 'polnear', gold], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (converted.status !== 0) throw new Error(`to-jsonl.mjs failed: ${converted.stderr}`);

interface Line {
  id: string;
  text: string;
  published?: string;
}

const ctx = { now: new Date() };
const sentences = splitSentences();
const mentions = findMentions();
const prepared: Doc[] = [];
for (const line of converted.stdout.split('\n')) {
  if (!line.trim()) continue;
  const item = JSON.parse(line) as Line;
  const doc: Doc = { ...newDoc(item.id, item.id, { text: item.text, clean: false, ...(item.published ? { published: item.published } : {}) }), text: item.text };
  prepared.push(await mentions.run(await sentences.run(doc, ctx), ctx));
}

const variants: { label: string; file: string; options: ExtractQuotesOptions }[] = [
  { label: 'product setting: he/she resolved through speakerSpan, speakerText as written', file: `quotes-polnear-${split}.json`, options: {} },
  { label: 'no pronoun resolution', file: `quotes-polnear-${split}-as-written.json`, options: { pronouns: 'as-written' } },
];
let status = 0;
for (const variant of variants) {
  const stage = extractQuotes(variant.options);
  const articles = [];
  for (const doc of prepared) {
    const done = await stage.run(doc, ctx);
    articles.push({ id: done.id, source: done.source, text: done.text, quotes: done.quotes });
  }
  const out = join(root, 'bench/out', variant.file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ articles, entities: [] }));
  const args = [join(shared, 'bench/score-quotes.mjs'), '--gold', gold, out, ...(values.errors ? ['--errors', values.errors] : [])];
  const scored = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  console.log(`\n# ${variant.label} (bench/out/${variant.file})`);
  process.stdout.write(scored.stdout);
  process.stderr.write(scored.stderr);
  status ||= scored.status ?? 1;
  if (variant.options.pronouns === undefined) console.log(indirectPrecision(articles));
}
process.exit(status);

// The shared scorer measures indirect speech by recall only (gold Content spans found). This is the
// other side, as a proxy: the share of our `direct: false` quotes whose tokens lie mostly (Jaccard
// >= 0.5) or at all inside one gold Content span of the same article (first .ann per article, as
// the scorer reads). A content the annotators left unmarked counts against us, so it is a floor.
function indirectPrecision(articles: { id: string; text: string; quotes: readonly { start: number; end: number; direct: boolean }[] }[]): string {
  const annDir = join(gold, 'attributions');
  const files = readdirSync(annDir).sort();
  let predicted = 0;
  let matched = 0;
  let touching = 0;
  for (const article of articles) {
    const ann = files.find((f) => f.startsWith(`${article.id}_`) && f.endsWith('.ann'));
    if (!ann) continue;
    const contents = contentSpans(readFileSync(join(annDir, ann), 'utf8')).map((s) => tokenSet(article.text, s));
    for (const q of article.quotes) {
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

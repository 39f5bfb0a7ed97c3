// Scores extractQuotes on PolNeAR (dev by default; train with --split train: both are tuning splits).
// Run from the repo root: node --import tsx bench/quotes.ts [--split dev|train] [--errors N]
// Prints the scorer's output twice: for the product setting (he/she tied to the person named through
// speakerSpan, speakerText as written, which is how PolNeAR, without coreference, annotates sources)
// and with no pronoun resolution at all. The scorer reads speakerText; the two differ only where a
// resolved name changes which quote inherits a speaker.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
}
process.exit(status);

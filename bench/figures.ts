// Scores extractFigures on the invented labelled sentences in eval/figures/*.jsonl,
// per split (tune / heldout) and per field. Fields are scored on matched figures:
// P = right / figures predicted with the field set, R = right / gold figures with it set.
// Run from the repo root: node --import tsx bench/figures.ts [--errors] [--split tune|heldout]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newDoc, type Doc, type Figure } from '../src/model/index.js';
import { splitSentences } from '../src/stages/split-sentences.js';
import { findMentions } from '../src/stages/find-mentions.js';
import { extractFigures } from '../src/stages/extract-figures.js';

interface Interval {
  low: number | null;
  high: number | null;
}

interface GoldFigure {
  text: string;
  value: number;
  qualifier: string | null;
  interval: Interval;
  unit: string | null;
  about: string | null;
  source: string | null;
  asOf: string | null;
  hedge: string | null;
}

interface GoldSentence {
  split: string;
  text: string;
  figures: GoldFigure[];
}

type Field = 'value' | 'qualifier' | 'interval' | 'unit' | 'about' | 'source' | 'asOf' | 'hedge';
type Value = string | number | Interval | null;
const FIELDS: readonly Field[] = ['value', 'qualifier', 'interval', 'unit', 'about', 'source', 'asOf', 'hedge'];
const LABEL: Readonly<Record<Field, string>> = {
  value: 'value', qualifier: 'qualifier', interval: 'interval', unit: 'unit', about: 'about', source: 'attribution', asOf: 'as-of date', hedge: 'hedge',
};

interface Tally {
  tp: number;
  predicted: number;
  gold: number;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'eval/figures');
const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const onlySplit = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined;
const ctx = { now: new Date() };
const stages = [splitSentences(), findMentions(), extractFigures()];

function predictedField(f: Figure, field: Field): Value {
  if (field === 'source') return f.sourceText ?? null;
  if (field === 'interval') return f.interval ?? { low: f.value, high: f.high ?? f.value };
  if (field === 'asOf') return f.asOf ?? null;
  if (field === 'hedge') return f.hedge ?? null;
  return f[field];
}

// Fractions are labelled to three decimals (two-thirds = 0.667).
function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-3 * Math.max(1, Math.abs(b));
}

function same(a: Value, b: Value): boolean {
  if (a === null || b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return sameNumber(a, b);
  if (typeof a === 'object' && typeof b === 'object') return sameNumber(a.low, b.low) && sameNumber(a.high, b.high);
  return String(a).toLowerCase() === String(b).toLowerCase();
}

const tallies = new Map<string, { figures: Tally; fields: Record<Field, Tally> }>();
function tallyOf(split: string) {
  let t = tallies.get(split);
  if (!t) {
    const zero = (): Tally => ({ tp: 0, predicted: 0, gold: 0 });
    t = { figures: zero(), fields: Object.fromEntries(FIELDS.map((f) => [f, zero()])) as Record<Field, Tally> };
    tallies.set(split, t);
  }
  return t;
}

for (const file of readdirSync(folder).filter((f) => f.endsWith('.jsonl')).sort()) {
  for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { split, text, figures: gold } = JSON.parse(line) as GoldSentence;
    if (onlySplit && split !== onlySplit) continue;
    let doc: Doc = { ...newDoc('s', 's', { text, clean: false }), text };
    for (const stage of stages) doc = await stage.run(doc, ctx);
    const predicted = doc.figures;
    const tally = tallyOf(split);
    tally.figures.predicted += predicted.length;
    tally.figures.gold += gold.length;
    for (const field of FIELDS) {
      tally.fields[field].predicted += predicted.filter((f) => predictedField(f, field) !== null).length;
      tally.fields[field].gold += gold.filter((g) => g[field] !== null).length;
    }
    const used = new Set<Figure>();
    for (const g of gold) {
      const start = text.indexOf(g.text);
      const match = predicted.find((p) => !used.has(p) && p.start < start + g.text.length && start < p.end);
      if (!match) {
        if (showErrors) console.log(`${split} missed     ${JSON.stringify(g.text)} in ${JSON.stringify(text)}`);
        continue;
      }
      used.add(match);
      tally.figures.tp++;
      for (const field of FIELDS) {
        const got = predictedField(match, field);
        if (same(got, g[field])) tally.fields[field].tp++;
        else if (showErrors && (g[field] !== null || got !== null))
          console.log(`${split} ${field.padEnd(10)} gold ${JSON.stringify(g[field])} got ${JSON.stringify(got)} in ${JSON.stringify(text)}`);
      }
    }
    if (showErrors) for (const p of predicted.filter((x) => !used.has(x))) console.log(`${split} false      ${JSON.stringify(p.text)} in ${JSON.stringify(text)}`);
  }
}

const pct = (a: number, b: number) => (b === 0 ? '  n/a' : ((100 * a) / b).toFixed(1).padStart(5));
const row = (name: string, t: Tally) => console.log(`  ${name.padEnd(11)} P ${pct(t.tp, t.predicted)}  R ${pct(t.tp, t.gold)}  (tp ${t.tp}, predicted ${t.predicted}, gold ${t.gold})`);
for (const [split, tally] of [...tallies].sort(([a], [b]) => (a === 'tune' ? -1 : b === 'tune' ? 1 : a.localeCompare(b)))) {
  console.log(`${split}:`);
  row('figures', tally.figures);
  for (const field of FIELDS) row(LABEL[field], tally.fields[field]);
}

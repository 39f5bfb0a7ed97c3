// Scores extractFigures on the invented labelled sentences in eval/figures/*.jsonl.
// Run from the repo root: node --import tsx bench/figures.ts [--errors]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newDoc, type Doc, type Figure } from '../src/model/index.js';
import { splitSentences } from '../src/stages/split-sentences.js';
import { findMentions } from '../src/stages/find-mentions.js';
import { extractFigures } from '../src/stages/extract-figures.js';

interface GoldFigure {
  text: string;
  value: number;
  qualifier: string | null;
  unit: string | null;
  about: string | null;
  source: string | null;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'eval/figures');
const showErrors = process.argv.includes('--errors');
const ctx = { now: new Date() };
const stages = [splitSentences(), findMentions(), extractFigures()];

type Field = 'value' | 'qualifier' | 'unit' | 'about' | 'source';
const fields: Field[] = ['value', 'qualifier', 'unit', 'about', 'source'];
const counts = Object.fromEntries(fields.map((f) => [f, { tp: 0, predicted: 0, gold: 0 }])) as Record<Field, { tp: number; predicted: number; gold: number }>;
let spanTp = 0;
let predictedFigures = 0;
let goldFigures = 0;

function predictedField(f: Figure, field: Field): string | number | null {
  if (field === 'source') return f.sourceText ?? null;
  return f[field];
}

function same(field: Field, a: string | number | null, b: string | number | null): boolean {
  if (a === null || b === null) return false;
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.toLowerCase() === b.toLowerCase();
}

for (const file of readdirSync(folder).filter((f) => f.endsWith('.jsonl')).sort()) {
  for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { text, figures: gold } = JSON.parse(line) as { text: string; figures: GoldFigure[] };
    let doc: Doc = { ...newDoc('s', 's', { text, clean: false }), text };
    for (const stage of stages) doc = await stage.run(doc, ctx);
    const predicted = doc.figures;
    predictedFigures += predicted.length;
    goldFigures += gold.length;
    for (const field of fields) {
      counts[field].predicted += predicted.filter((f) => predictedField(f, field) !== null).length;
      counts[field].gold += gold.filter((g) => g[field] !== null).length;
    }
    const used = new Set<Figure>();
    for (const g of gold) {
      const start = text.indexOf(g.text);
      const match = predicted.find((p) => !used.has(p) && p.start < start + g.text.length && start < p.end);
      if (!match) {
        if (showErrors) console.log(`missed  ${JSON.stringify(g.text)} in ${JSON.stringify(text)}`);
        continue;
      }
      used.add(match);
      spanTp++;
      for (const field of fields) {
        const ok = same(field, predictedField(match, field), g[field]);
        if (ok) counts[field].tp++;
        else if (showErrors && (g[field] !== null || predictedField(match, field) !== null))
          console.log(`${field.padEnd(9)} gold ${JSON.stringify(g[field])} got ${JSON.stringify(predictedField(match, field))} in ${JSON.stringify(text)}`);
      }
    }
    if (showErrors) for (const p of predicted.filter((x) => !used.has(x))) console.log(`false   ${JSON.stringify(p.text)} in ${JSON.stringify(text)}`);
  }
}

const pct = (a: number, b: number) => (b === 0 ? '  n/a' : ((100 * a) / b).toFixed(1).padStart(5));
const row = (name: string, tp: number, predicted: number, gold: number) =>
  console.log(`${name.padEnd(11)} P ${pct(tp, predicted)}  R ${pct(tp, gold)}  (tp ${tp}, predicted ${predicted}, gold ${gold})`);
row('figures', spanTp, predictedFigures, goldFigures);
for (const field of fields) row(field === 'source' ? 'attribution' : field, counts[field].tp, counts[field].predicted, counts[field].gold);

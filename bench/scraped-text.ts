// Scraped plain-text benchmark: line-level precision and recall of junk for
// the plain-text cleaner (cleanScrapedText) on the invented, labelled
// documents of eval/scraped-text/documents.jsonl, reported separately for
// the tune split and the held-out split (every third document).
// Run from the repo root: node --import tsx bench/scraped-text.ts [--errors N]
import { readFileSync } from 'node:fs';
import { cleanScrapedText } from '../src/stages/clean/clean-scraped-text.js';
import { documentText, type ScrapedDocument } from '../eval/scraped-text/build-documents.js';

const documents = readFileSync(new URL('../eval/scraped-text/documents.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as ScrapedDocument);
const errorsAt = process.argv.indexOf('--errors');
const showErrors = errorsAt >= 0 ? Number(process.argv[errorsAt + 1]) || 20 : 0;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  docs: number;
  lines: number;
}
const counts: Record<string, Counts> = {};
const missedByKind: Record<string, [number, number]> = {};
const errors: string[] = [];
const tuneIds = new Set(documents.filter((d) => d.split === 'tune').map((d) => d.id));

for (const doc of documents) {
  const result = cleanScrapedText(documentText(doc), { now: new Date('2024-06-30') });
  // The cleaner reports removed lines in input order, so one pass pairs
  // them with the input lines; a headline it takes as the title is not in
  // the text either.
  let next = 0;
  const c = (counts[doc.split] ??= { tp: 0, fp: 0, fn: 0, docs: 0, lines: 0 });
  c.docs++;
  for (const [i, line] of doc.paragraphs.flat().entries()) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    let kept = true;
    if (result.removed[next]?.text === text) {
      kept = false;
      next++;
    } else if (i === 0 && result.title === text) kept = false;
    // A headline is neither body nor junk: the cleaner moves it to `title`.
    if (line.label === 'title') continue;
    c.lines++;
    const junk = line.label === 'junk';
    if (junk) {
      const k = (missedByKind[line.kind ?? '?'] ??= [0, 0]);
      k[1]++;
      if (kept) k[0]++;
    }
    if (junk && !kept) c.tp++;
    else if (!junk && !kept) {
      c.fp++;
      errors.push(`${doc.id} removed body: ${JSON.stringify(line.text)}`);
    } else if (junk && kept) {
      c.fn++;
      errors.push(`${doc.id} kept ${line.kind}: ${JSON.stringify(line.text)}`);
    }
  }
}

const f = (n: number) => n.toFixed(3);
console.log('split      docs  lines  junk-P  junk-R  junk-F1  (tp fp fn)');
for (const split of ['tune', 'held-out']) {
  const c = counts[split];
  if (!c) continue;
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  console.log(`${split.padEnd(9)} ${String(c.docs).padStart(5)} ${String(c.lines).padStart(6)}  ${f(p)}   ${f(r)}   ${f((2 * p * r) / (p + r || 1))}   (${c.tp} ${c.fp} ${c.fn})`);
}
console.log(`junk recall by kind (all splits): ${Object.entries(missedByKind).map(([kind, [kept, all]]) => `${kind} ${f(1 - kept / all)}`).join(', ')}`);
// Only the tune split's errors are listed: the held-out split is for measuring, not for reading.
if (showErrors > 0) for (const e of errors.filter((e) => tuneIds.has(e.split(" ")[0]!)).slice(0, showErrors)) console.log(e);

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignedShare, sentenceWords } from './align-sentences.js';

const spans = (text: string) => {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^.!?]+[.!?]/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
};
const wordsOf = (text: string, quoted: { start: number; end: number }[] = []) => sentenceWords(text, spans(text), quoted, 4);

const source =
  'The ferry operator suspended every crossing to Lisk Island after the storm damaged the northern pier. ' +
  'Engineers from the regional harbour board inspected the pilings on Tuesday morning. ' +
  'Repairs could take three weeks, according to a notice posted at the terminal.';

test('a spun copy with words swapped and sentences reordered aligns sentence for sentence', () => {
  const spun =
    'Engineers from the regional port board examined the pilings on Tuesday morning. ' +
    'The ferry company halted every crossing to Lisk Island after the storm wrecked the northern pier. ' +
    'Fixes could take three weeks, according to a notice posted at the terminal.';
  assert.equal(alignedShare(wordsOf(spun), wordsOf(source), 0.6), 1);
});

test('an independent report of the same event aligns few of its sentences', () => {
  const report =
    'Travellers to Lisk Island face weeks without a boat. ' +
    'A storm on Monday night tore planks off the northern pier, and the operator has cancelled its timetable. ' +
    'Inspectors visited the site on Tuesday.';
  assert.ok(alignedShare(wordsOf(report), wordsOf(source), 0.6) < 0.3);
});

test('words inside a direct quote are left out, so a shared quote does not align two reports', () => {
  const quote = '"We will not reopen the pier until every piling has been checked by divers," the harbour master said.';
  const start = quote.indexOf('"');
  const end = quote.lastIndexOf('"') + 1;
  const left = wordsOf(quote, [{ start, end }]);
  assert.deepEqual(left, []);
  const kept = wordsOf(quote);
  assert.equal(kept.length, 1);
});

test('sentences of fewer than the minimum content words are not compared', () => {
  assert.deepEqual(wordsOf('No one was hurt. It rained.'), []);
  assert.equal(alignedShare([], wordsOf(source), 0.6), 0);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreesWithMost, type Cell, type QuantityRow } from './story-page.js';
import { sourceLabel } from '../model/doc.js';

const row = (byOutlet: Record<string, number[]>): QuantityRow => ({
  about: 'people rescued',
  cells: new Map(Object.entries(byOutlet).map(([outlet, values]) => [outlet, values.map((value): Cell => ({ value, text: String(value), href: '#', qualifier: null }))])),
});

test('only the value that departs from what most outlets reported is marked as differing', () => {
  const r = row({ A: [118], B: [120], C: [118], D: [118] });
  assert.equal(agreesWithMost(r, 118), true);
  assert.equal(agreesWithMost(r, 120), false);
});

test('with no majority (a tie or all different) every value counts as differing', () => {
  assert.equal(agreesWithMost(row({ A: [1200], B: [1500] }), 1200), false);
  assert.equal(agreesWithMost(row({ A: [3], B: [3], C: [2], D: [2] }), 3), false);
  assert.equal(agreesWithMost(row({ A: [40], B: [41], C: [43] }), 41), false);
});

test('an article without an outlet is named by its file or host, never its hash id', () => {
  assert.equal(sourceLabel('sample/talks/global-dispatch-2024-05-23.txt'), 'global-dispatch-2024-05-23.txt');
  assert.equal(sourceLabel('https://news.example/2024/05/23/talks'), 'news.example');
  assert.equal(sourceLabel('C:\\pages\\report.html'), 'report.html');
  assert.equal(sourceLabel('a-bd856e08373df07b'), 'a-bd856e08373df07b');
});

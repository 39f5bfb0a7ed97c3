import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreesWithMost, type Cell, type QuantityRow } from './story-page.js';
import { sourceLabel } from '../model/doc.js';
import { timelineSvg } from './timeline-svg.js';

const row = (byOutlet: Record<string, number[]>): QuantityRow => ({
  about: 'people rescued',
  cells: new Map(
    Object.entries(byOutlet).map(([outlet, values]) => [
      outlet,
      values.map((value): Cell => ({ value, text: String(value), href: '#', qualifier: null })),
    ]),
  ),
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

test('a timeline over a year labels only some of its monthly ticks, so the labels do not run together', () => {
  const events = ['2023-05-02', '2023-09-14', '2024-02-01', '2024-04-28'].map((date) => ({
    date,
    text: `Event on ${date}`,
    articles: ['a1'],
  }));
  const svg = String(timelineSvg(events, (i) => `#t-${i}`));
  const ticks = svg.match(/class="tick"/g)?.length ?? 0;
  const labels = [...svg.matchAll(/class="tick-label" x="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.ok(ticks >= 12, `monthly ticks: ${ticks}`);
  assert.ok(labels.length >= 5 && labels.length < ticks, `labels: ${labels.length} of ${ticks}`);
  for (let i = 1; i < labels.length; i++)
    assert.ok(labels[i]! - labels[i - 1]! >= 60, `labels ${labels[i - 1]} and ${labels[i]} too close`);
});

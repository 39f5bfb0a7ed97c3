import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../model/doc.js';
import type { Corpus, Discrepancy } from '../model/story.js';
import { findDiscrepancies } from './find-discrepancies.js';
import { classifyValues } from './story/align-figures.js';
import { fixtureDoc } from './story/fixture-doc.js';

const ctx = { now: new Date('2031-06-01T00:00:00Z') };

function inOneStory(docs: Doc[]): Corpus {
  const story = { id: 's-1', title: 'Quake', articles: docs.map((d) => d.id), timeline: [], quotes: [], discrepancies: [] };
  return { docs, entities: [], stories: [story] };
}

async function discrepancies(docs: Doc[]): Promise<readonly Discrepancy[]> {
  return (await findDiscrepancies().run(inOneStory(docs), ctx)).stories[0]!.discrepancies;
}

const killed = (id: string, text: string, figure: string, value: number, qualifier: string | null = null): Doc =>
  fixtureDoc(id, text, { figures: [{ text: figure, value, qualifier, about: 'people killed' }] });

test('flags a conflict and links each value to its article and span', async () => {
  const a = killed('a', 'The quake in Dorvan killed 38 people, officials said.', '38 people', 38);
  const b = killed('b', 'At Dorvan, 52 people died in the quake.', '52 people', 52);
  const [d, ...rest] = await discrepancies([a, b]);
  assert.equal(rest.length, 0);
  assert.equal(d!.kind, 'conflict');
  assert.equal(d!.about, 'people killed');
  assert.deepEqual(
    d!.values.map((v) => [v.article, v.value]),
    [
      ['a', 38],
      ['b', 52],
    ],
  );
  const fromB = d!.values[1]!;
  assert.equal(b.text.slice(fromB.start, fromB.end), '52 people');
});

test('calls "more than 240" and 253 compatible', async () => {
  const a = fixtureDoc('a', 'More than 240 hostages are held.', {
    figures: [{ text: 'More than 240 hostages', value: 240, qualifier: 'more than', about: 'hostages' }],
  });
  const b = fixtureDoc('b', 'The army counts 253 hostages.', {
    figures: [{ text: '253 hostages', value: 253, about: 'hostages held' }],
  });
  const [d] = await discrepancies([a, b]);
  assert.equal(d?.kind, 'compatible');
  assert.match(d!.note!, /compatible/);
});

test('calls "about 1,200" and 1,139 rounding', async () => {
  const a = killed('a', 'About 1,200 people were killed.', 'About 1,200 people', 1200, 'about');
  const b = killed('b', 'The toll stands at 1,139 people.', '1,139 people', 1139);
  const [d] = await discrepancies([a, b]);
  assert.equal(d?.kind, 'rounding');
});

test('never flags agreeing figures', async () => {
  const a = killed('a', 'The quake killed 38 people.', '38 people', 38);
  const b = killed('b', 'Officials put the toll at 38 people.', '38 people', 38);
  const c = killed('c', 'In all, 38 people were killed.', '38 people', 38);
  assert.deepEqual(await discrepancies([a, b, c]), []);
});

test('does not align figures that count different things or use different units', async () => {
  const a = fixtureDoc('a', 'The quake killed 38 people and injured 400 people, and cost $2 million.', {
    figures: [
      { text: '38 people', value: 38, about: 'people killed' },
      { text: '$2 million', value: 2_000_000, unit: 'USD', about: 'damage' },
    ],
  });
  const b = fixtureDoc('b', 'About 400 people were injured; damage is put at 2 million euros.', {
    figures: [
      { text: '400 people', value: 400, about: 'people injured' },
      { text: '2 million euros', value: 2_500_000, unit: 'EUR', about: 'damage' },
    ],
  });
  assert.deepEqual(await discrepancies([a, b]), []);
});

test('does not flag two values given within one article only', async () => {
  const a = fixtureDoc('a', 'Early reports said 30 people died; later 38 people were confirmed dead.', {
    figures: [
      { text: '30 people', value: 30, about: 'people dead' },
      { text: '38 people', value: 38, about: 'people dead' },
    ],
  });
  assert.deepEqual(await discrepancies([a]), []);
});

test('classifies bounds, rounding and conflicts', () => {
  const f = (value: number, qualifier: string | null = null) => ({
    start: 0,
    end: 1,
    text: '',
    value,
    qualifier,
    unit: null,
    about: 'x',
    source: null,
  });
  assert.equal(classifyValues([f(240, 'more than'), f(253)]), 'compatible');
  assert.equal(classifyValues([f(240, 'more than'), f(240)]), 'conflict');
  assert.equal(classifyValues([f(300, 'up to'), f(253), f(200, 'at least')]), 'compatible');
  assert.equal(classifyValues([f(1100), f(1139)]), 'rounding');
  assert.equal(classifyValues([f(240), f(253)]), 'conflict');
  assert.equal(classifyValues([f(1000, 'about'), f(1400)]), 'conflict');
});

test('leaves out an article that gives several values for one quantity, and values far apart', async () => {
  const boats = (id: string, text: string, figures: [string, number][]): Doc =>
    fixtureDoc(id, text, { figures: figures.map(([t, value]) => ({ text: t, value, about: 'boats' })) });
  const a = boats('a', 'Pirates seized 23 boats this year.', [['23 boats', 23]]);
  const b = boats('b', 'Pirates seized 23 boats; two boats escaped.', [
    ['23 boats', 23],
    ['two boats', 2],
  ]);
  const c = boats('c', 'Some 400 boats sail the strait each week.', [['400 boats', 400]]);
  assert.deepEqual(await discrepancies([a, b, c]), []);
});

test('does not flag the same value with and without a qualifier', async () => {
  const a = killed('a', 'About 300 people were killed.', 'About 300 people', 300, 'about');
  const b = killed('b', 'The toll is 300 people.', '300 people', 300);
  assert.deepEqual(await discrepancies([a, b]), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc } from '../model/doc.js';
import type { Corpus, Discrepancy } from '../model/story.js';
import { findDiscrepancies } from './find-discrepancies.js';
import { classifyValues } from './story/align-figures.js';
import { fixtureDoc } from './story/fixture-doc-test-support.js';
import { extractFigures } from './extract-figures.js';
import { tokenize } from './split-sentences.js';

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
  assert.equal(classifyValues([f(30, 'at least'), f(30)]), 'compatible');
  assert.equal(classifyValues([f(30, 'up to'), f(30)]), 'compatible');
  assert.equal(classifyValues([f(30, 'at least'), f(24)]), 'conflict');
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

/** An article run through the figure extractor, so alignment sees real heads and predicates. */
async function reportOf(id: string, text: string, published: string): Promise<Doc> {
  const { sentences, tokens } = tokenize(text);
  const doc = { ...newDoc(id, id, { text, clean: false, published }), text, sentences, tokens, mentions: [] };
  return extractFigures().run(doc, ctx);
}

const values = (d: Discrepancy | undefined) => (d ? d.values.map((v) => v.value).sort((a, b) => a - b) : []);

test('aligns counts by what happened to them: dead with dead, rescued with rescued', async () => {
  const a = await reportOf('a', 'At least 31 people died in the fire at the Orlen mine. Rescuers saved 64 miners.', '2031-05-01');
  const b = await reportOf('b', 'Twenty-nine people were killed in the Orlen mine fire, and 60 were rescued.', '2031-05-01');
  const found = await discrepancies([a, b]);
  const dead = found.find((d) => values(d).includes(29));
  const rescued = found.find((d) => values(d).includes(60));
  assert.deepEqual(values(dead), [29, 31]);
  assert.match(dead!.about, /died|killed/);
  assert.deepEqual(values(rescued), [60, 64]);
  for (const d of found) for (const v of d.values) assert.equal((v.article === 'a' ? a : b).text.slice(v.start, v.end), v.text);
});

test('negative: "people" with different outcomes, or with none, are different quantities', async () => {
  const a = await reportOf('a', 'Forty people died in the Kessel flood, and 400 people attended the vigil.', '2031-05-01');
  const b = await reportOf('b', 'About 350 people were evacuated from Kessel; the hall seats 500 people.', '2031-05-01');
  assert.deepEqual(await discrepancies([a, b]), []);
});

test('negative: time spans align only when they span the same thing', async () => {
  const a = await reportOf('a', 'The governor declared three days of mourning.', '2031-05-01');
  const b = await reportOf('b', 'The search went on for two days.', '2031-05-01');
  assert.deepEqual(await discrepancies([a, b]), []);
});

test('a toll that rose in a later report is an as-of difference, not a conflict', async () => {
  const a = await reportOf('a', 'Thirty people were killed when the Varn bridge collapsed.', '2031-05-01');
  const b = await reportOf('b', 'At least 30 people died in the Varn bridge collapse.', '2031-05-02');
  const c = await reportOf('c', 'The death toll from the Varn bridge collapse rose to 36 on Friday.', '2031-05-04');
  const [d, ...rest] = await discrepancies([a, b, c]);
  assert.equal(rest.length, 0);
  assert.deepEqual(values(d), [30, 30, 36]);
  assert.notEqual(d!.kind, 'conflict');
  assert.match(d!.note!, /as of: 36/);
});

test('negative: a higher count from an earlier report is still a conflict', async () => {
  const a = await reportOf('a', 'The death toll rose to 36 on Monday.', '2031-05-01');
  const b = await reportOf('b', 'Thirty people were killed when the Varn bridge collapsed.', '2031-05-03');
  const [d] = await discrepancies([a, b]);
  assert.equal(d?.kind, 'conflict');
  assert.doesNotMatch(d!.note!, /as of/);
});

test('keeps apart figures one article gives for one noun in two wordings (issue #7)', async () => {
  const a = fixtureDoc('a', 'The ferry carried 412 passengers. Eight passengers died.', {
    figures: [
      { text: '412 passengers', value: 412, about: 'passengers', head: 'passengers', predicate: 'carried' },
      { text: 'Eight passengers', value: 8, about: 'passengers', head: 'passengers', predicate: 'died' },
    ],
  });
  const b = fixtureDoc('b', 'The ferry was carrying 430 passengers. Eight passengers died.', {
    figures: [
      { text: '430 passengers', value: 430, about: 'passengers', head: 'passengers', predicate: 'carrying' },
      { text: 'Eight passengers', value: 8, about: 'passengers', head: 'passengers', predicate: 'died' },
    ],
  });
  const found = await discrepancies([a, b]);
  assert.deepEqual(
    found.map((d) => d.values.map((v) => v.value)),
    [[412, 430]],
  );
});

test('explains values that each come from their own named source as different sources', async () => {
  const a = fixtureDoc('a', 'The union said 4,500 workers joined the strike.', {
    figures: [{ text: '4,500 workers', value: 4500, about: 'workers', head: 'workers', predicate: 'joined' }],
  });
  const b = fixtureDoc('b', 'The port authority said 2,800 workers joined the strike.', {
    figures: [{ text: '2,800 workers', value: 2800, about: 'workers', head: 'workers', predicate: 'joined' }],
  });
  const [d] = await discrepancies([a, b]);
  assert.equal(d?.kind, 'conflict');
  assert.equal(d?.cause, 'different-sources');
});

test('gives no cause to a conflict with no named sources and no later report', async () => {
  const a = killed('a', 'The bus crash killed 16 people.', '16 people', 16);
  const b = killed('b', 'The bus crash killed 19 people.', '19 people', 19);
  const [d] = await discrepancies([a, b]);
  assert.equal(d?.kind, 'conflict');
  assert.equal(d?.cause, undefined);
});

test('calls a conflict between reports of different days, each day agreeing, an as-of difference', async () => {
  const dated = (doc: Doc, published: string): Doc => ({ ...doc, published });
  const a = dated(killed('a', 'The landslide killed 29 people.', '29 people', 29), '2031-03-15');
  const b = dated(killed('b', 'In all 29 people were killed.', '29 people', 29), '2031-03-15');
  const c = dated(killed('c', 'Now 47 people were killed, the army said.', '47 people', 47), '2031-03-17');
  const [d] = await discrepancies([a, b, c]);
  assert.equal(d?.cause, 'as-of');
});

test('a value carried by a copy is marked as such and does not count as an independent source', async () => {
  const { withSources } = await import('./find-discrepancies.js');
  const discrepancy = {
    about: 'people rescued',
    values: [
      { value: 212, text: '212', article: 'wire' },
      { value: 200, text: 'more than 200', article: 'paper' },
      { value: 200, text: 'over 200', article: 'farm' },
    ],
  };
  const marked = withSources(discrepancy, [{ article: 'farm', of: 'paper', similarity: 0.6 }]);
  assert.equal(marked.independentSources, 2);
  assert.equal(marked.values.find((v) => v.article === 'farm')?.copyOf, 'paper');
  assert.equal(marked.values.find((v) => v.article === 'paper')?.copyOf, undefined);
  assert.equal(withSources(discrepancy).independentSources, 3);
});

test('aligns amounts with no counted noun by their unit and what their sentences share', async () => {
  const a = await reportOf('a', 'The Pellow town council approved $14 million for harbour repairs on Monday.', '2031-05-01');
  const b = await reportOf('b', 'Pellow council members voted to spend $17 million on the harbour.', '2031-05-01');
  const [d, ...rest] = await discrepancies([a, b]);
  assert.equal(rest.length, 0);
  assert.deepEqual(values(d), [14_000_000, 17_000_000]);
});

test('negative: amounts of one unit whose sentences share nothing are not aligned', async () => {
  const a = await reportOf('a', 'The Pellow town council approved $14 million for harbour repairs.', '2031-05-01');
  const b = await reportOf('b', 'A local bakery raised $11 million from investors.', '2031-05-01');
  assert.deepEqual(await discrepancies([a, b]), []);
});

test('reads "hectares in a province" as hectares of what the sentence names, not of the province', async () => {
  const a = await reportOf('a', 'Beetles have killed trees on 9,000 hectares in Oston province, foresters said.', '2031-05-01');
  const b = await reportOf('b', 'The beetles killed trees on 12,500 hectares of Oston forest.', '2031-05-01');
  const [d] = await discrepancies([a, b]);
  assert.deepEqual(values(d), [9000, 12_500]);
});

test('aligns "foreigners" with "foreign nationals"', async () => {
  const a = await reportOf('a', 'Ships took 640 foreign nationals out of Varra on Sunday.', '2031-05-01');
  const b = await reportOf('b', 'Some 700 foreigners were evacuated from Varra by sea.', '2031-05-01');
  const [d] = await discrepancies([a, b]);
  assert.deepEqual(values(d), [640, 700]);
});

test('aligns crowd sizes by the words around the number: "took part", "the crowd at"', async () => {
  const a = await reportOf('a', 'Organisers said 40,000 people took part in the Dunlow march.', '2031-05-01');
  const b = await reportOf('b', 'Police estimated the crowd at 15,000 people.', '2031-05-01');
  const [d] = await discrepancies([a, b]);
  assert.deepEqual(values(d), [15_000, 40_000]);
  assert.equal(d?.cause, 'different-sources');
});

test('keeps a much lower count from a later report as an as-of difference', async () => {
  const a = await reportOf('a', 'The storm left 120,000 homes without power in Ardley.', '2031-05-01');
  const b = await reportOf('b', 'Power was cut to about 115,000 homes in Ardley.', '2031-05-01');
  const c = await reportOf('c', 'Power is back in most of Ardley, but 9,000 homes are still without electricity, the utility said.', '2031-05-03');
  const [d] = await discrepancies([a, b, c]);
  assert.deepEqual(values(d), [9000, 115_000, 120_000]);
  assert.equal(d?.cause, 'as-of');
});

test('negative: a far-off value from the same day as the others is still left out', async () => {
  const a = await reportOf('a', 'The storm left 120,000 homes without power in Ardley.', '2031-05-01');
  const b = await reportOf('b', 'Power was cut to about 115,000 homes in Ardley.', '2031-05-01');
  const c = await reportOf('c', 'Power is back in most of Ardley, but 9,000 homes are still without electricity, the utility said.', '2031-05-01');
  const found = await discrepancies([a, b, c]);
  assert.ok(found.every((d) => !values(d).includes(9000)));
});

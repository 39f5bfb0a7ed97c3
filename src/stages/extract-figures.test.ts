import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc, type Figure, type Mention } from '../model/index.js';
import { tokenize } from './split-sentences.js';
import { extractFigures } from './extract-figures.js';

function docOf(text: string, mentions: Mention[] = []): Doc {
  const { sentences, tokens } = tokenize(text);
  return { ...newDoc('a', 'a', { text, clean: false }), text, sentences, tokens, mentions };
}

async function figuresOf(text: string, mentions: Mention[] = []): Promise<readonly Figure[]> {
  return (await extractFigures().run(docOf(text, mentions), { now: new Date() })).figures;
}

async function one(text: string): Promise<Figure> {
  const figures = await figuresOf(text);
  assert.equal(figures.length, 1, `expected one figure in ${JSON.stringify(text)}, got ${JSON.stringify(figures.map((f) => f.text))}`);
  return figures[0]!;
}

test('a qualified count with what it counts and who says so', async () => {
  const f = await one('More than 28,000 people were killed in the flooding, the health ministry said.');
  assert.equal(f.text, 'More than 28,000');
  assert.equal(f.value, 28_000);
  assert.equal(f.qualifier, 'more than');
  assert.equal(f.about, 'people killed in the flooding');
  assert.equal(f.sourceText, 'the health ministry');
  assert.equal(f.source, null);
});

test('numbers in words, compounds and dozens', async () => {
  assert.equal((await one('Twenty-five crew members were rescued.')).value, 25);
  assert.equal((await one('A dozen boats capsized.')).value, 12);
  assert.equal((await one('They found three survivors.')).value, 3);
});

test('vague plurals give a lower bound and keep their words as qualifier', async () => {
  const f = await one('Hundreds of residents lined the road.');
  assert.deepEqual([f.text, f.value, f.qualifier, f.about], ['Hundreds', 200, 'hundreds of', 'residents']);
  assert.equal((await one('Dozens of families left.')).value, 24);
  assert.equal((await one('Thousands of pilgrims arrived.')).value, 2000);
});

test('multipliers and money', async () => {
  const million = await one('About 1.4 million people fled.');
  assert.deepEqual([million.value, million.qualifier, million.text], [1_400_000, 'about', 'About 1.4 million']);
  const money = await one('The fund pledged $3.5bn in aid.');
  assert.deepEqual([money.value, money.unit, money.about], [3_500_000_000, 'USD', 'aid']);
  assert.equal((await one('The city spent 2 billion euros.')).unit, 'EUR');
  assert.equal((await one('About £40m was spent.')).unit, 'GBP');
});

test('each qualifier is recognised', async () => {
  for (const q of ['over', 'at least', 'around', 'some', 'nearly', 'almost', 'up to', 'fewer than', 'roughly', 'an estimated']) {
    const f = await one(`Officials counted ${q} 400 tents.`);
    assert.equal(f.qualifier, q);
    assert.equal(f.value, 400);
  }
});

test('ranges set value and high', async () => {
  const between = await one('Between 200 and 300 protesters gathered.');
  assert.deepEqual([between.text, between.value, between.high], ['Between 200 and 300', 200, 300]);
  const dashed = await one('Some 200-300 workers walked out.');
  assert.deepEqual([dashed.value, dashed.high], [200, 300]);
});

test('a ratio counts the first noun per the second', async () => {
  const f = await one('The deal swaps three prisoners for each hostage.');
  assert.deepEqual([f.value, f.about], [3, 'prisoners for each hostage']);
});

test('percentages have unit % and count only what follows "of"', async () => {
  const f = await one('Almost 60% of voters backed the plan.');
  assert.deepEqual([f.value, f.unit, f.qualifier, f.about], [60, '%', 'almost', 'voters']);
  const rise = await one('Pensions will rise by 4.5 percent next year.');
  assert.deepEqual([rise.value, rise.unit, rise.about], [4.5, '%', null]);
});

test('a reduced relative clause stays in "about"', async () => {
  assert.equal((await one('The brigade freed 240 hostages taken on Oct. 7.')).about, 'hostages taken on Oct. 7');
});

test('attribution: according to, a named speaker, officials said', async () => {
  assert.equal((await one('About 900 dogs live there, according to the Penmor Shelter Trust.')).sourceText, 'the Penmor Shelter Trust');
  assert.equal((await one('Officials said 300 were wounded.')).sourceText, 'Officials');
  const text = 'Some 5,000 volunteers joined, said Mira Castell.';
  const at = text.indexOf('Mira Castell');
  const [f] = await figuresOf(text, [{ start: at, end: at + 12, text: 'Mira Castell', type: 'PERSON', entity: null }]);
  assert.equal(f?.sourceText, 'Mira Castell');
  assert.deepEqual(f?.sourceSpan, { start: at, end: at + 12 });
});

test('spans point at their text', async () => {
  const text = 'Nearly 300 homes burned and 45 miners were trapped, police said.';
  for (const f of await figuresOf(text)) assert.equal(text.slice(f.start, f.end), f.text);
});

test('a number with no noun is named by what happened to it', async () => {
  const evacuated = await one('Officials said more than 90 were evacuated from the Lenby valley.');
  assert.deepEqual([evacuated.about, evacuated.head, evacuated.predicate], ['evacuated', null, 'evacuated']);
  assert.equal((await one('Around 15 are feared dead after the landslide.')).about, 'dead');
  assert.equal((await one('Nearly 70 are known to have drowned.')).about, 'drowned');
});

test('negative: no outcome for money, for what may happen, or without a linking verb', async () => {
  assert.equal((await one('About €12m has been spent on the Tarrin bridge.')).about, null);
  assert.equal((await one('Every one of the 60 must go home.')).about, null);
  assert.equal((await one('The vote was close: 52 against.')).about, null);
});

test('a running count names the number it rose to', async () => {
  const f = await one('The official death toll climbed to 57 on Sunday.');
  assert.deepEqual([f.about, f.head, f.predicate], ['death toll', 'toll', 'climbed to']);
  assert.equal((await one('The tally of damaged homes reached 130.')).about, 'homes');
});

test('negative: a rise by an amount is not the level reached', async () => {
  assert.equal((await one('The lake rose 2 metres overnight.')).about, null);
  assert.equal((await one('Prices rose by 8 in a week.')).about, null);
});

test('what happened to counted people: outcome after the noun, or the verb the figure is object of', async () => {
  const missing = await one('Nineteen miners remain missing.');
  assert.deepEqual([missing.about, missing.head, missing.predicate], ['miners', 'miners', 'missing']);
  assert.equal((await one('Sixteen people are still missing.')).predicate, 'missing');
  assert.equal((await one('The navy rescued 33 sailors.')).predicate, 'rescued');
  assert.equal((await one('At least 12 villagers lost their lives.')).predicate, 'lost their lives');
  assert.equal((await one('Some 80 pilgrims and guides were on board.')).predicate, 'on board');
  assert.equal((await one('The agency says 80 pilgrims are stranded.')).predicate, 'stranded');
});

test('negative: no predicate from a verb of saying, a modal or a following clause', async () => {
  assert.equal((await one('Officials told 40 reporters.')).predicate, null);
  assert.equal((await one('Nine rangers could arrive by noon.')).predicate, null);
  assert.equal((await one('The ferry carried 140 passengers.')).predicate, 'carried');
  assert.equal((await one('Twelve tents, officials said.')).predicate, null);
});

test('a hyphenated measure is the unit of the noun after it', async () => {
  const truce = await one('Both sides accepted a 14-day ceasefire.');
  assert.deepEqual([truce.text, truce.value, truce.unit, truce.about], ['14-day', 14, 'day', 'ceasefire']);
  const hull = await one('The 48-metre trawler sank.');
  assert.deepEqual([hull.unit, hull.about], ['metre', 'trawler']);
  assert.equal((await one('The rain lasted three days.')).about, 'days');
});

const negatives: [string, string][] = [
  ['a point in time counted back', 'The dam at Orvik burst three days ago.'],
  ['a point in time counted forward', 'Two weeks later the bridge reopened.'],
  ['an age with a hyphen', 'A 19-year-old student was hurt.'],
  ['a year', 'In 2024, the Marlow dam was rebuilt.'],
  ['a year after "in"', 'The film was set in 1998 in Vessary.'],
  ['a date', 'The talks resumed on Feb. 13 in Orsund.'],
  ['a day before a month', 'He was born on 4 March in Lusk.'],
  ['clock times', 'The meeting began at 3 p.m. and ended at 14:00.'],
  ['an age used as a name', 'The 33-year-old was arrested in Dunmore.'],
  ['a street number', 'The shop at 12 Harbour Road was looted.'],
  ['an ordinal', 'Kessock reached the third round and the 21st lap.'],
  ['a phone number', 'Call the hotline on 555-0134 or +44 20 7946 0958.'],
  ['a model number', 'The Boeing 737 landed safely at Tarrow.'],
  ['a page number', 'The rule is set out on page 12 of the report.'],
  ['a section number', 'Section 4 of the Harbour Act was repealed.'],
  ['a flight number', 'Flight 302 was diverted to Calvia.'],
  ['"one of the"', 'One of the divers was Lena Osk.'],
  ['"one" as a pronoun', 'No one knows. It was the one that got away.'],
  ['a score', 'The team beat Halden 3-1 in the final.'],
];
for (const [what, text] of negatives) {
  test(`negative: ${what} is not a figure`, async () => {
    assert.deepEqual((await figuresOf(text)).map((f) => f.text), []);
  });
}

test('does not mutate the input doc', async () => {
  const doc = docOf('About 40 people came.');
  const frozen = JSON.stringify(doc);
  await extractFigures().run(doc, { now: new Date() });
  assert.equal(JSON.stringify(doc), frozen);
});

// Issue #6: intervals, hedges and as-of dates.
test('a qualifier is kept as the interval it means', async () => {
  const [more] = await figuresOf('More than 300 homes were flooded in Pellby.');
  assert.deepEqual(more?.interval, { low: 300, high: null });
  const [upTo] = await figuresOf('Up to 40 lorries were stuck at the Kell crossing.');
  assert.deepEqual(upTo?.interval, { low: null, high: 40 });
  const [about] = await figuresOf('About 300 volunteers joined the search.');
  assert.deepEqual(about?.interval, { low: 270, high: 330 });
  const [hundreds] = await figuresOf('Hundreds of fans waited outside the Arlo stadium.');
  assert.deepEqual(hundreds?.interval, { low: 200, high: 999 });
});

test('an exact figure or a range is its own interval', async () => {
  const [exact] = await figuresOf('The Vesk ferry carried 212 passengers.');
  assert.deepEqual(exact?.interval, { low: 212, high: 212 });
  const [range] = await figuresOf('Between 30 and 40 boats joined the regatta.');
  assert.deepEqual(range?.interval, { low: 30, high: 40 });
});

test('a hedge in the sentence marks its figures', async () => {
  const [f] = await figuresOf('Unconfirmed reports put the number of missing at 60.');
  assert.equal(f?.hedge, 'unconfirmed');
  const [g] = await figuresOf('Rebels reportedly seized 12 trucks near Orvel.');
  assert.equal(g?.hedge, 'reportedly');
});

test('a figure with no hedge has none', async () => {
  const [f] = await figuresOf('Rescuers found 17 survivors in the Tarrow mine.');
  assert.equal(f?.hedge, null);
  assert.equal(f?.asOf, null);
});

test('a running count keeps the date it holds for', async () => {
  const [f] = await figuresOf('As of Tuesday, 412 cases had been confirmed in Ardent.');
  assert.equal(f?.asOf, 'Tuesday');
  const [g] = await figuresOf('The toll stood at 2,300 on June 9.');
  assert.equal(g?.value, 2300);
  assert.equal(g?.asOf, 'June 9');
});

test('a clock time after "at" is still no figure', async () => {
  assert.deepEqual(await figuresOf('The Orla council meets at 7 on Tuesday.'), []);
});

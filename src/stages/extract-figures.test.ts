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
  // Issue #6: words of fractions and multipliers that are not proportions.
  ['an ordinal "second"', 'A second ferry sank near Brask.'],
  ['"for a second time"', 'The Orrin bridge closed for a second time.'],
  ['an ordinal "third" without "of"', 'A third witness spoke to the Lowmere inquiry.'],
  ['a clock time with "half past"', 'The train left Tarrow at half past nine.'],
  ['a clock time with "a quarter to"', 'The Harle ferry docked at a quarter to six.'],
  ['a half of a match', 'Mira Voss scored in the second half of the game.'],
  ['a half-built house', 'Work on the half-built Dunmore library stopped.'],
  ['"doubled as"', 'The Pell school doubled as a shelter.'],
  ['a double murder', 'Police in Corran are investigating a double murder.'],
  ['"half an hour"', 'The Brask road was closed for half an hour.'],
  ['"a quarter of an hour"', 'The alarm sounded for a quarter of an hour.'],
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

// Issue #6: fractions, multipliers and ratios.
test('a fraction is the share, unit fraction, taken of the phrase after "of"', async () => {
  const quarter = await one('A quarter of the crew on the Tessel trawler fell ill.');
  assert.deepEqual([quarter.text, quarter.value, quarter.unit, quarter.about], ['A quarter', 0.25, 'fraction', 'the crew on the Tessel trawler']);
  const thirds = await one('Two-thirds of voters in Calvia backed the plan.');
  assert.deepEqual([thirds.text, thirds.unit, thirds.about], ['Two-thirds', 'fraction', 'voters in Calvia']);
  assert.ok(Math.abs(thirds.value - 2 / 3) < 1e-9);
  assert.deepEqual((await one('Three quarters of them stayed.')).about, 'them');
  assert.deepEqual([(await one('Half the staff at the Orsund depot walked out.')).about], ['the staff at the Orsund depot']);
});

test('half of a counted whole gives two figures: the share and the count', async () => {
  const figures = await figuresOf('Half of the 300 passengers were rescued.');
  assert.deepEqual(
    figures.map((f) => [f.text, f.value, f.unit, f.about]),
    [
      ['Half', 0.5, 'fraction', 'the 300 passengers'],
      ['300', 300, null, 'passengers'],
    ],
  );
});

test('"one in four" and "nine out of 10" are fractions, not two counts', async () => {
  const inFour = await one('One in four homes in Marlow has no heating.');
  assert.deepEqual([inFour.text, inFour.value, inFour.unit, inFour.about], ['One in four', 0.25, 'fraction', 'homes in Marlow']);
  const outOf = await one('Nine out of 10 shops in Lusk stayed shut.');
  assert.deepEqual([outOf.text, outOf.value, outOf.about], ['Nine out of 10', 0.9, 'shops in Lusk']);
});

test('a qualified fraction keeps its interval', async () => {
  const f = await one('Almost half of the wells in Orvik are dry.');
  assert.deepEqual([f.text, f.qualifier, f.interval], ['Almost half', 'almost', { low: 0.45, high: 0.55 }]);
});

test('multipliers are factors with unit times', async () => {
  const many = await one('The Lusk plant makes three times as many engines as before.');
  assert.deepEqual([many.text, many.value, many.unit, many.about], ['three times', 3, 'times', 'engines']);
  const twice = await one('The council spent twice the amount it had budgeted.');
  assert.deepEqual([twice.text, twice.value, twice.about], ['twice', 2, 'the amount']);
  const fold = await one('Rents in Halden rose tenfold in a decade.');
  assert.deepEqual([fold.text, fold.value, fold.unit, fold.about], ['tenfold', 10, 'times', 'Rents in Halden']);
  const rise = await one('Police reported a threefold rise in burglaries in Vessary.');
  assert.deepEqual([rise.value, rise.about], [3, 'burglaries in Vessary']);
  const over = await one('Fees are more than four times the national average.');
  assert.deepEqual([over.qualifier, over.interval, over.about], ['more than', { low: 4, high: null }, 'the national average']);
});

test('a multiplying verb is a factor of its subject or object, and the level it reached counts the same thing', async () => {
  const figures = await figuresOf('Arrests doubled to 40 in the Tarrow district.');
  assert.deepEqual(
    figures.map((f) => [f.text, f.value, f.unit, f.about, f.predicate]),
    [
      ['doubled', 2, 'times', 'Arrests', 'doubled'],
      ['40', 40, null, 'Arrests', 'doubled to'],
    ],
  );
  const object = await one('The Orla mill tripled its workforce.');
  assert.deepEqual([object.value, object.about], [3, 'its workforce']);
  assert.deepEqual([(await one('Water bills halved after the dam opened.')).value], [0.5]);
});

test('a ratio "A:B" or "A to B" is A / B with unit ratio', async () => {
  const colon = await one('The Lusk clinic runs at a nurse-to-patient ratio of 1:8.');
  assert.deepEqual([colon.text, colon.value, colon.unit, colon.about], ['1:8', 0.125, 'ratio', 'nurse-to-patient ratio']);
  const words = await one('The deal swaps prisoners for hostages at a ratio of three to one.');
  assert.deepEqual([words.text, words.value, words.unit, words.about], ['three to one', 3, 'ratio', null]);
});

test('a change by a share, a doubling "of", and a level followed by when it was reached', async () => {
  const by = await one('Fares in Orvik rose by a third.');
  assert.deepEqual([by.text, by.unit, by.about], ['a third', 'fraction', 'Fares in Orvik']);
  assert.ok(Math.abs(by.value - 1 / 3) < 1e-9);
  assert.deepEqual([(await one('One-third of the Lusk budget went to roads.')).about], ['the Lusk budget']);
  assert.deepEqual([(await one('A doubling of fees angered Tarrow students.')).about], ['fees']);
  const level = await figuresOf('Arrests more than doubled to 90 last year.');
  assert.deepEqual(
    level.map((f) => [f.text, f.qualifier, f.about]),
    [
      ['more than doubled', 'more than', 'Arrests'],
      ['90', null, 'Arrests'],
    ],
  );
});

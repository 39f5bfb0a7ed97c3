import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc } from '../model/index.js';
import { splitSentences } from './split-sentences.js';
import { resolveDates } from './resolve-dates.js';

const now = new Date(Date.UTC(2031, 5, 30));

async function datesOf(text: string, published: string | null = '2031-03-14', referenceDate?: string, title?: string): Promise<Doc> {
  const raw = { text, clean: false, ...(published ? { published } : {}), ...(title ? { title } : {}) };
  const ctx = { now, ...(referenceDate ? { referenceDate } : {}) };
  const doc = await splitSentences().run({ ...newDoc('a', 'a', raw), text }, ctx);
  return resolveDates().run(doc, ctx);
}

async function values(text: string, published?: string): Promise<[string, string][]> {
  const doc = await datesOf(text, published);
  return doc.dates.map((d) => [d.text, d.value]);
}

// 2031-03-14 is a Friday.
test('a weekday in a past-tense sentence is the latest such day before publication', async () => {
  assert.deepEqual(await values('The Marlow council voted on Tuesday to close the pier.'), [['Tuesday', '2031-03-11']]);
});

test('a weekday after "will" is the next such day', async () => {
  assert.deepEqual(await values('The Marlow council will vote on Tuesday.'), [['Tuesday', '2031-03-18']]);
});

test('each weekday takes the tense of its own clause', async () => {
  const got = await values('Mayor Idris Tamm said on Monday that the ferry would resume on Wednesday.');
  assert.deepEqual(got, [['Monday', '2031-03-10'], ['Wednesday', '2031-03-19']]);
});

test('absolute dates, months and bare years', async () => {
  const got = await values('The dam opened on Feb. 3, 2029, was inspected in March and first proposed in 2019.');
  assert.deepEqual(got, [['Feb. 3, 2029', '2029-02-03'], ['March', '2031-03'], ['2019', '2019']]);
});

test('relative weeks, months and years', async () => {
  const got = await values('Prices rose last week, fell last month and doubled last year.');
  assert.deepEqual(got, [['last week', '2031-W10'], ['last month', '2031-02'], ['last year', '2030']]);
});

test('durations become ISO 8601 periods', async () => {
  const got = await values('The strike lasted three days, the talks two weeks, and a 16-hour shift followed.');
  assert.deepEqual(got, [['three days', 'P3D'], ['two weeks', 'P2W'], ['16-hour', 'PT16H']]);
});

test('"now", "recently" and "the future" are reference points', async () => {
  const got = await values('The port is now closed; it recently flooded and may reopen in the future.');
  assert.deepEqual(got, [['now', 'PRESENT_REF'], ['recently', 'PAST_REF'], ['in the future', 'FUTURE_REF']]);
});

test('"ago" counts back from publication', async () => {
  assert.deepEqual(await values('The mill closed three days ago.'), [['three days ago', '2031-03-11']]);
});

test('a mention text is always the text of its span', async () => {
  const doc = await datesOf('On Tuesday, Feb. 3, the vote failed; next year it returns.');
  for (const d of doc.dates) assert.equal(doc.text.slice(d.start, d.end), d.text);
});

test('negative cases: prices, ages, fractions, company names and plain numbers are not dates', async () => {
  const got = await values('Shares of Sun rose 7/8 to $2.50 a share; the 44-year-old trader bought 2000 more.');
  assert.deepEqual(got, []);
});

test('"former" is not a date by default', async () => {
  assert.deepEqual(await values('The former harbour master spoke.'), []);
});

test('infers the publication date from a dateline, with an info message', async () => {
  const doc = await datesOf('PORTHAVEN, March 3 — The ferry sank on Tuesday.', null);
  assert.equal(doc.published, '2031-03-03');
  assert.equal(doc.publishedFrom, 'inferred');
  assert.equal(doc.messages[0]?.rule, 'dates/published-inferred');
  assert.deepEqual(doc.dates.find((d) => d.text === 'Tuesday')?.value, '2031-02-25');
});

test('infers the publication date from a weekday written with a date', async () => {
  const doc = await datesOf('The inquiry opened on Wednesday, April 9, 2031, in Lowmere.', null);
  assert.equal(doc.published, '2031-04-09');
});

test('never infers a publication date later than now', async () => {
  const doc = await datesOf('The inquiry opens on Tuesday, Dec. 9, 2031.', null);
  assert.equal(doc.published, null);
  assert.equal(doc.messages[0]?.rule, 'dates/no-reference');
});

test('the run reference date resolves words but does not become the publication date', async () => {
  const doc = await datesOf('The pier closed yesterday.', null, '2031-05-02');
  assert.equal(doc.published, null);
  assert.deepEqual(doc.dates.map((d) => d.value), ['2031-05-01']);
});

test('does not mutate the input doc', async () => {
  const text = 'The pier closed on Tuesday.';
  const doc = await splitSentences().run({ ...newDoc('a', 'a', { text, clean: false, published: '2031-03-14' }), text }, { now });
  const frozen = JSON.stringify(doc);
  await resolveDates().run(doc, { now });
  assert.equal(JSON.stringify(doc), frozen);
});

// Issue #6: TimeML conventions measured on TBAQ.
test('a year ago in a sentence about quarterly results is the same quarter a year before', async () => {
  const got = await values('Third-quarter profit at Lennick Mills rose 12% from a year ago.', '2031-11-02');
  assert.deepEqual(got.find(([text]) => text === 'a year ago'), ['a year ago', '2030-Q3']);
  assert.deepEqual(await values('Profit fell from the year-earlier quarter.', '2031-11-02'), [['the year-earlier quarter', '2030-Q3']]);
});

test('a year ago with no quarter in the sentence stays a year', async () => {
  assert.deepEqual(await values('The Lennick mill closed a year ago.', '2031-11-02'), [['a year ago', '2030']]);
});

test('a weekday with a part of day is the day', async () => {
  assert.deepEqual(await values('The Tarrow bridge was closed on Thursday night.'), [['Thursday night', '2031-03-13']]);
});

test('within a span is a duration, not a date', async () => {
  assert.deepEqual(await values('The council must decide within two weeks.'), [['two weeks', 'P2W']]);
});

test('a range of dates is two time expressions', async () => {
  const got = await values('The fund bought shares from Feb. 3 to March 2.');
  assert.deepEqual(got, [['Feb. 3', '2031-02-03'], ['March 2', '2031-03-02']]);
});

test('last Friday said on a Friday is a week earlier', async () => {
  assert.deepEqual(await values('The Orla board met last Friday.'), [['last Friday', '2031-03-07']]);
});

// Issue #6: photo-agency credits and a year in the title.
test('infers the publication date from a photo agency credit, ISO or day-first', async () => {
  const iso = await datesOf('The Tollen lock reopened on Tuesday.\n\nNWP 2031-03-12', null);
  assert.equal(iso.published, '2031-03-12');
  assert.match(iso.messages[0]?.text ?? '', /agency-credit/);
  assert.deepEqual(iso.dates.find((d) => d.text === 'Tuesday')?.value, '2031-03-11');
  const dotted = await datesOf('(Photo: NORTHWIRE/Jan Dvorak, 12.03.2031) Workers cleared the Harle quay.', null);
  assert.equal(dotted.published, '2031-03-12');
  const named = await datesOf('Rain fell on the Harle quay.\nPhoto: Harle Pictures/Ana Morrow 2031-03-10', null);
  assert.equal(named.published, '2031-03-10');
});

test('negative: a numeric date in running text is no agency credit', async () => {
  assert.equal((await datesOf('The EU 2031-03-12 deadline for the Orsk port passed.', null)).published, null);
});

test('of several agency credits the latest day wins: an archive picture is older than the article', async () => {
  const text =
    'The Orsk dam was finished in 2029 (Photo: KELLPRESS/Ana Morrow, 02.11.2029). It burst on Monday (Photo: NORTHWIRE/Jan Dvorak, 12.03.2031).';
  assert.equal((await datesOf(text, null)).published, '2031-03-12');
});

test('negative: an agency credit dated after now, or on no real day, gives no publication date', async () => {
  assert.equal((await datesOf('The Orsk ferry was delayed. (Photo: NORTHWIRE/Jan Dvorak, 12.09.2031)', null)).published, null);
  assert.equal((await datesOf('The Orsk ferry was delayed. NWP 2031-02-31', null)).published, null);
});

test('a dateline still beats an agency credit', async () => {
  const doc = await datesOf('PORTHAVEN, March 3 — The ferry sank.\n(Photo: NORTHWIRE/Jan Dvorak, 12.03.2031)', null);
  assert.equal(doc.published, '2031-03-03');
});

test('a year in the title places a dateline written without one', async () => {
  const doc = await datesOf('PORTHAVEN, March 3 — The ferry sank on Tuesday.', null, undefined, 'Porthaven ferry inquiry 2029');
  assert.equal(doc.published, '2029-03-03');
});

test('a year in the title alone sets no publication date but resolves words within that year', async () => {
  const doc = await datesOf(
    'The Marlow pier closed in March and the council met last month.',
    null,
    undefined,
    'The Marlow floods of 2029',
  );
  assert.equal(doc.published, null);
  assert.equal(doc.messages[0]?.rule, 'dates/reference-from-title-year');
  assert.deepEqual(
    doc.dates.map((d) => [d.text, d.value]),
    [
      ['March', '2029-03'],
      ['last month', '2029-11'],
    ],
  );
});

test('negative: a future year in the title is a plan, not when the article was written', async () => {
  const doc = await datesOf('The Marlow pier closed last month.', null, undefined, 'Marlow 2040: the harbour plan');
  assert.equal(doc.messages[0]?.rule, 'dates/no-reference');
});

test('a year in the title is the year a weekday and date without one are checked against', async () => {
  const doc = await datesOf('The inquiry opened on Wednesday, April 11, in Lowmere.', null, undefined, 'Lowmere inquiry 2029');
  assert.equal(doc.published, '2029-04-11');
});

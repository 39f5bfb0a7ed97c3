import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Quote } from '../model/doc.js';
import { extractQuotes } from './extract-quotes.js';
import { tokenize } from './split-sentences.js';

/** Direct and partial quotes only: these cases are about quotation marks. */
async function quotesOf(text: string): Promise<readonly Quote[]> {
  const doc = { ...newDoc('n1', 'n1.txt', { text, clean: false }), text, ...tokenize(text) };
  return (await extractQuotes().run(doc, { now: new Date('2024-05-01T00:00:00Z') })).quotes.filter((q) => q.direct);
}

test('apostrophes are not quotation marks', async () => {
  const text = "Gaza's mayor said the '90s were calmer. Don't expect the voters' mood to change, residents' groups warn.";
  assert.deepEqual(await quotesOf(text), []);
});

test('curly apostrophes are not quotation marks either', async () => {
  assert.deepEqual(await quotesOf('The port’s manager said the ‘80s boom is over and the dockers’ union agreed.'), []);
});

test("inch and foot marks are not quotes: 5'11\" and a 12\" pipe", async () => {
  const text = 'The suspect is 5\'11" and was seen carrying a 12" pipe near the depot on Tuesday.';
  assert.deepEqual(await quotesOf(text), []);
});

test('the title of a work in quotes with no cue has no speaker', async () => {
  const quotes = await quotesOf('Her documentary “The Salt Roads of Keld” premieres in March at the Orla festival.');
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]?.partial, true);
  assert.equal(quotes[0]?.speakerText, null);
});

test('an unmatched opening mark yields no quote', async () => {
  assert.deepEqual(await quotesOf('The sign read “Closed until further notice\n\nThe ferry did not run.'), []);
  assert.deepEqual(await quotesOf('He said "we are done and left.'), []);
});

test('a stray closing mark yields no quote', async () => {
  assert.deepEqual(await quotesOf('The vote passed.” Nobody objected.'), []);
});

test('a quote paragraph after an unattributed quote does not invent a speaker', async () => {
  const quotes = await quotesOf('“Everything is on schedule.”\n\n“The bridge opens in May.”');
  assert.equal(quotes.length, 2);
  assert.deepEqual(quotes.map((q) => q.speakerText), [null, null]);
});

test('a pronoun with nobody named before it stays a pronoun', async () => {
  const [quote] = await quotesOf('“We will appeal,” she said.');
  assert.equal(quote?.speakerText, 'she');
  assert.equal(quote?.speakerPronoun, undefined);
});

test('a time phrase before the name is not part of the speaker', async () => {
  const [quote] = await quotesOf('Last week Okafor said: “The pumps are broken.”');
  assert.equal(quote?.speakerText, 'Okafor');
});

test('a banner or slogan with no cue is a quote with no speaker, and no indirect speech is made of it', async () => {
  const text = 'Protesters gathered at the harbour gate.\n\nA banner hung across the fence: “Boats before budgets, lives before ledgers”.';
  const quotes = await quotesOf(text);
  assert.deepEqual(
    quotes.map((q) => [q.text, q.speakerText, q.direct]),
    [['Boats before budgets, lives before ledgers', null, true]],
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../model/doc.js';
import type { Corpus } from '../model/story.js';
import { commonSubsequence, mergeQuotes } from './merge-quotes.js';
import { fixtureDoc } from './story/fixture-doc-test-support.js';

const ctx = { now: new Date('2031-06-01T00:00:00Z') };

function inOneStory(docs: Doc[]): Corpus {
  const story = { id: 's-1', title: 'Bridge', articles: docs.map((d) => d.id), timeline: [], quotes: [], discrepancies: [] };
  return { docs, entities: [], stories: [story] };
}

const withSpeaker = (doc: Doc, speaker: string | null): Doc => ({ ...doc, quotes: doc.quotes.map((q) => ({ ...q, speaker })) });

test('merges one quote carried by three outlets with small wording differences', async () => {
  const a = fixtureDoc('a', '"The bridge will reopen before winter," said Ilse Varga.', {
    quotes: [{ text: '"The bridge will reopen before winter,"' }],
  });
  const b = fixtureDoc('b', 'Varga said: "The bridge will reopen before the winter."', {
    quotes: [{ text: '"The bridge will reopen before the winter."' }],
  });
  const c = fixtureDoc('c', '"The bridge will reopen before winter," Varga told reporters.', {
    quotes: [{ text: '"The bridge will reopen before winter,"' }],
  });
  const corpus = await mergeQuotes().run(inOneStory([withSpeaker(a, 'e-ilse-varga'), b, withSpeaker(c, 'e-ilse-varga')]), ctx);
  const quotes = corpus.stories[0]!.quotes;
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.text, 'The bridge will reopen before winter');
  assert.equal(quotes[0]!.speaker, 'e-ilse-varga');
  assert.deepEqual(quotes[0]!.articles, ['a', 'b', 'c']);
  assert.deepEqual(
    quotes[0]!.variants!.map((v) => v.articles),
    [['a', 'c'], ['b']],
  );
  const fromB = quotes[0]!.evidence!.find((e) => e.article === 'b')!;
  assert.equal(b.text.slice(fromB.start, fromB.end), '"The bridge will reopen before the winter."');
});

test('merges a partial quote into the full sentence it was cut from', async () => {
  const a = fixtureDoc('a', '"We found cracks in every pillar and the steel was rusted through," said Varga.', {
    quotes: [{ text: '"We found cracks in every pillar and the steel was rusted through,"' }],
  });
  const b = fixtureDoc('b', 'Varga said inspectors "found cracks in every pillar".', {
    quotes: [{ text: '"found cracks in every pillar"' }],
  });
  const corpus = await mergeQuotes().run(inOneStory([a, b]), ctx);
  assert.equal(corpus.stories[0]!.quotes.length, 1);
});

test('keeps different statements apart, and the same words from different speakers apart', async () => {
  const a = fixtureDoc('a', '"The bridge is safe," said Varga. "We need more money," said Pell.', {
    quotes: [{ text: '"The bridge is safe,"' }, { text: '"We need more money,"' }],
  });
  const b = fixtureDoc('b', '"The bridge is safe," said Pell.', { quotes: [{ text: '"The bridge is safe,"' }] });
  const corpus = await mergeQuotes().run(
    inOneStory([
      {
        ...a,
        quotes: [
          { ...a.quotes[0]!, speaker: 'e-varga' },
          { ...a.quotes[1]!, speaker: 'e-pell' },
        ],
      },
      withSpeaker(b, 'e-pell'),
    ]),
    ctx,
  );
  assert.equal(corpus.stories[0]!.quotes.length, 3);
});

test('a short quote is not merged by being part of a longer one', async () => {
  const a = fixtureDoc('a', 'She called it "unsafe".', { quotes: [{ text: '"unsafe"' }] });
  const b = fixtureDoc('b', '"It is unsafe for lorries but fine for cars," she said.', {
    quotes: [{ text: '"It is unsafe for lorries but fine for cars,"' }],
  });
  const corpus = await mergeQuotes().run(inOneStory([a, b]), ctx);
  assert.equal(corpus.stories[0]!.quotes.length, 2);
});

test('merges a wording with a changed tense and a clause added at the end', async () => {
  const a = fixtureDoc('a', '"The inspectors have come here to count the cracks, not to blame anyone," said Dansk.', {
    quotes: [{ text: '"The inspectors have come here to count the cracks, not to blame anyone,"' }],
  });
  const b = fixtureDoc('b', '"The inspectors came here to count the cracks, not to blame anyone, and they counted," Dansk said.', {
    quotes: [{ text: '"The inspectors came here to count the cracks, not to blame anyone, and they counted,"' }],
  });
  const corpus = await mergeQuotes().run(inOneStory([withSpeaker(a, 'e-dansk'), withSpeaker(b, 'e-dansk')]), ctx);
  assert.equal(corpus.stories[0]!.quotes.length, 1);
  assert.deepEqual(corpus.stories[0]!.quotes[0]!.articles, ['a', 'b']);
});

test('does not merge two statements that share many words in another order', async () => {
  const a = fixtureDoc('a', '"The toll bridge will close before the new road opens," said Dansk.', {
    quotes: [{ text: '"The toll bridge will close before the new road opens,"' }],
  });
  const b = fixtureDoc('b', '"The new road opens before the toll bridge will close," said Dansk.', {
    quotes: [{ text: '"The new road opens before the toll bridge will close,"' }],
  });
  const corpus = await mergeQuotes({ sameQuote: 1.01 }).run(inOneStory([a, b]), ctx);
  assert.equal(corpus.stories[0]!.quotes.length, 2);
});

test('does not merge a quote into a much longer one that holds its words scattered', async () => {
  const a = fixtureDoc('a', '"We will repair the road," said Dansk.', { quotes: [{ text: '"We will repair the road,"' }] });
  const b = fixtureDoc(
    'b',
    '"We said last year that we will find the money first and then repair the old ferry road," said Dansk.',
    { quotes: [{ text: '"We said last year that we will find the money first and then repair the old ferry road,"' }] },
  );
  const corpus = await mergeQuotes().run(inOneStory([a, b]), ctx);
  assert.equal(corpus.stories[0]!.quotes.length, 2);
});

test('counts the most words two wordings share in the same order', () => {
  assert.equal(commonSubsequence(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'b']), 3);
  assert.equal(commonSubsequence([], ['a']), 0);
});

test('counts a quote carried by an outlet and its copy as one independent source', async () => {
  const line = '"The ferry pier will be rebuilt in stone," said Maren Tolk.';
  const wire = fixtureDoc('wire', line, { quotes: [{ text: '"The ferry pier will be rebuilt in stone,"' }] });
  const farm = fixtureDoc('farm', `BREAKING: ${line}`, { quotes: [{ text: '"The ferry pier will be rebuilt in stone,"' }] });
  const paper = fixtureDoc('paper', 'Tolk said: "The ferry pier will be rebuilt in stone."', {
    quotes: [{ text: '"The ferry pier will be rebuilt in stone."' }],
  });
  const corpus = inOneStory([wire, farm, paper]);
  const withCopy = { ...corpus, stories: [{ ...corpus.stories[0]!, copies: [{ article: 'farm', of: 'wire', similarity: 0.9 }] }] };
  const quote = (await mergeQuotes().run(withCopy, ctx)).stories[0]!.quotes[0]!;
  assert.deepEqual(quote.articles, ['wire', 'farm', 'paper']);
  assert.equal(quote.independentSources, 2);
});

test('puts a quote confirmed by two outlets before one repeated by a copy', async () => {
  const wire = fixtureDoc('wire', '"Tolls stay until June," said Tolk.', { quotes: [{ text: '"Tolls stay until June,"' }] });
  const farm = fixtureDoc('farm', 'Copied: "Tolls stay until June," said Tolk.', { quotes: [{ text: '"Tolls stay until June,"' }] });
  const one = fixtureDoc('one', '"The pier opens in May," said Tolk.', { quotes: [{ text: '"The pier opens in May,"' }] });
  const two = fixtureDoc('two', 'Tolk said "the pier opens in May".', { quotes: [{ text: '"the pier opens in May"' }] });
  const corpus = inOneStory([wire, farm, one, two]);
  const withCopy = { ...corpus, stories: [{ ...corpus.stories[0]!, copies: [{ article: 'farm', of: 'wire', similarity: 0.9 }] }] };
  const quotes = (await mergeQuotes().run(withCopy, ctx)).stories[0]!.quotes;
  assert.deepEqual(
    quotes.map((q) => [q.text, q.independentSources]),
    [
      ['The pier opens in May', 2],
      ['Tolls stay until June', 1],
    ],
  );
});

test('a quote from an unnamed source keeps the source as the outlets wrote it, and its kind (#6)', async () => {
  const unnamed = (doc: Doc, speakerText: string): Doc => ({
    ...doc,
    quotes: doc.quotes.map((q) => ({ ...q, speaker: null, speakerText, sourceKind: 'anonymous' as const })),
  });
  const a = fixtureDoc('a', '"The convoy will not cross before dawn," a senior border official said.', {
    quotes: [{ text: '"The convoy will not cross before dawn,"' }],
  });
  const b = fixtureDoc('b', '"The convoy will not cross before dawn," said a senior border official.', {
    quotes: [{ text: '"The convoy will not cross before dawn,"' }],
  });
  const c = fixtureDoc('c', '"The convoy will not cross before dawn," an official told the Harle Courier.', {
    quotes: [{ text: '"The convoy will not cross before dawn,"' }],
  });
  const corpus = await mergeQuotes().run(
    inOneStory([unnamed(a, 'a senior border official'), unnamed(b, 'a senior border official'), unnamed(c, 'an official')]),
    ctx,
  );
  const [quote] = corpus.stories[0]!.quotes;
  assert.equal(quote!.speaker, null);
  assert.equal(quote!.speakerText, 'a senior border official');
  assert.equal(quote!.sourceKind, 'anonymous');

  const named = await mergeQuotes().run(inOneStory([withSpeaker(a, 'e-ilse-varga')]), ctx);
  assert.equal(named.stories[0]!.quotes[0]!.speakerText, undefined, 'a named speaker needs no words of its own');
});

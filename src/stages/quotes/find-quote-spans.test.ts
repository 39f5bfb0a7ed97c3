import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuoteSpans } from './find-quote-spans.js';

const quoted = (text: string): string[] => findQuoteSpans(text).quotes.map((q) => text.slice(q.start, q.end));

test('a curly quote covers the quoted words, without the marks or the attribution comma', () => {
  const text = '“We will rebuild the bridge by spring,” said Mayor Ines Dorval.';
  assert.deepEqual(quoted(text), ['We will rebuild the bridge by spring']);
  const [quote] = findQuoteSpans(text).quotes;
  assert.deepEqual(quote?.open, { start: 0, end: 1 });
  assert.equal(text[quote!.close.start], '”');
});

test('straight double quotes pair up by where they stand', () => {
  const text = 'Tomas Brekke said: "The pumps failed twice." Then he left. "Nobody warned us," a farmer said.';
  assert.deepEqual(quoted(text), ['The pumps failed twice.', 'Nobody warned us']);
});

test("the NYT's doubled apostrophes are quotation marks", () => {
  const text = "''It was a long night,'' said Priya Haldane, the harbor master.";
  assert.deepEqual(quoted(text), ['It was a long night']);
});

test('single quotes nested inside a double quote do not end it', () => {
  const text = '“She told me, ‘Hold the line,’ and then the radio went quiet,” Okafor said.';
  assert.deepEqual(quoted(text), ['She told me, ‘Hold the line,’ and then the radio went quiet']);
  const nyt = "''He kept saying 'not yet,''' Ms. Varga said.";
  assert.deepEqual(quoted(nyt), ["He kept saying 'not yet,'"]);
});

test('a quote left open at the end of a paragraph continues into the next paragraph that opens with a mark', () => {
  const text = '“The water rose fast. We moved the children first.\n\n“By midnight the school was an island,” the principal said.';
  const { quotes } = findQuoteSpans(text);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]?.paragraphs, 2);
  assert.equal(text.slice(quotes[0]!.start, quotes[0]!.end), 'The water rose fast. We moved the children first.\n\n“By midnight the school was an island');
});

test('a typed-backwards mark still opens or closes by where it stands', () => {
  const text = '”Nobody came to help.“\n\nThe council met later.';
  assert.deepEqual(quoted(text), ['Nobody came to help.']);
});

test('a headline in single quotes is a quote', () => {
  const text = "Ferry Captain: 'We Did Everything Right.'\n\nThe ferry docked late.";
  assert.deepEqual(quoted(text), ['We Did Everything Right.']);
});

test('a straight quote nested in curly marks, and curly marks closed by a straight one', () => {
  assert.deepEqual(quoted('“They called it "the long week" at the plant,” Dara said.'), ['They called it "the long week" at the plant']);
  assert.deepEqual(quoted('“The talks are over," Dara said.'), ['The talks are over']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAttribution, isPronoun } from './find-attribution.js';
import { findQuoteSpans } from './find-quote-spans.js';

/** The speaker and cue for the first quote of a one-paragraph text. */
function attribute(text: string, loose = false): { speaker: string; cue: string; rule: string } | null {
  const quote = findQuoteSpans(text).quotes[0]!;
  const stop = text.lastIndexOf('. ', quote.open.start);
  const window = {
    before: { start: stop < 0 ? 0 : stop + 2, end: quote.open.start },
    after: { start: quote.close.end, end: text.length },
  };
  const found = findAttribution(text, window, { loose });
  if (!found) return null;
  return { speaker: text.slice(found.speaker.start, found.speaker.end), cue: text.slice(found.cue.start, found.cue.end), rule: found.rule };
}

test('cue then speaker after the quote: "…," said Ms. Okafor.', () => {
  assert.deepEqual(attribute('“The ward is full,” said Ms. Okafor.'), { speaker: 'Ms. Okafor', cue: 'said', rule: 'cue-then-speaker' });
});

test('speaker then cue after the quote: "…," Okafor said.', () => {
  assert.deepEqual(attribute('“The ward is full,” Okafor said.'), { speaker: 'Okafor', cue: 'said', rule: 'speaker-then-cue' });
});

test('a noun phrase as speaker: "…," the minister told reporters.', () => {
  assert.deepEqual(attribute('“We expect rain,” the health minister told reporters on Friday.'), {
    speaker: 'the health minister',
    cue: 'told',
    rule: 'speaker-then-cue',
  });
  assert.equal(attribute('“Nothing was signed,” a senior official said.')?.speaker, 'a senior official');
});

test('a pronoun as speaker is found as written', () => {
  assert.equal(attribute('“Not today,” he said.')?.speaker, 'he');
  assert.ok(isPronoun('she'));
  assert.ok(!isPronoun('Shea'));
});

test('speaker and cue before the quote: Okafor said: "…"', () => {
  assert.deepEqual(attribute('In a statement, Okafor said: “The ward is full.”'), { speaker: 'Okafor', cue: 'said', rule: 'speaker-cue-before' });
  assert.equal(attribute('Liang told the council, “We need two more boats.”')?.speaker, 'Liang');
});

test('according to, before or after the quote', () => {
  assert.deepEqual(attribute('“Repairs will take a month,” according to the port authority.'), {
    speaker: 'the port authority',
    cue: 'according to',
    rule: 'according-to',
  });
  assert.equal(attribute('According to Hanne Solberg, “the vote was rushed.”')?.speaker, 'Hanne Solberg');
});

test('a role written before the name is part of the speaker', () => {
  assert.equal(attribute('“We are ready,” harbor authority spokesman Emil Draxler said Monday.')?.speaker, 'harbor authority spokesman Emil Draxler');
  assert.equal(attribute('“It was a mistake,” said the Rev. Tobias Amsel.')?.speaker, 'the Rev. Tobias Amsel');
});

test('an appositive between the speaker and the cue is skipped', () => {
  assert.equal(attribute('“The data is clear,” Ruth Aldana, a hydrologist at the institute, said.')?.speaker, 'Ruth Aldana');
});

test('a dash after the quote names its author', () => {
  assert.deepEqual(attribute('“I will vote for the first time.” ― Marisol Quent'), { speaker: 'Marisol Quent', cue: '―', rule: 'dash' });
});

test('loose mode finds a cue earlier in the sentence, strict mode does not', () => {
  const text = 'Okafor said the plan was “reckless and badly timed.”';
  assert.equal(attribute(text, true)?.speaker, 'Okafor');
  assert.equal(attribute(text, false), null);
});

test('no cue, no attribution', () => {
  assert.equal(attribute('The film “Harbor of Glass” opens on Friday.'), null);
  assert.equal(attribute('“The long winter,” a novel, sold well.'), null);
});

test('a name with a lower-case particle is one name', () => {
  assert.equal(attribute('“The list is final,” Samir al-Haddad, the union’s negotiator, told reporters.')?.speaker, 'Samir al-Haddad');
});

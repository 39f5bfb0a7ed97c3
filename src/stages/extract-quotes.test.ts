import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc, type Mention, type Quote } from '../model/doc.js';
import { extractQuotes, type ExtractQuotesOptions } from './extract-quotes.js';
import { tokenize } from './split-sentences.js';

const ctx = { now: new Date('2024-05-01T00:00:00Z') };

function docOf(text: string, mentions: Mention[] = []): Doc {
  return { ...newDoc('a1', 'a1.txt', { text, clean: false }), text, ...tokenize(text), mentions };
}

async function quotesOf(text: string, options: ExtractQuotesOptions = {}, mentions: Mention[] = []): Promise<readonly Quote[]> {
  return (await extractQuotes(options).run(docOf(text, mentions), ctx)).quotes;
}

function person(text: string, name: string, from = 0): Mention {
  const start = text.indexOf(name, from);
  return { start, end: start + name.length, text: name, type: 'PERSON', entity: null };
}

test('declares its layers like every document stage', () => {
  const stage = extractQuotes();
  assert.equal(stage.kind, 'doc');
  assert.deepEqual(stage.requires, ['sentences', 'tokens', 'mentions']);
  assert.deepEqual(stage.provides, ['quotes']);
});

test('a direct quote carries its text, speaker as written, span and cue', async () => {
  const text =
    'The river crested overnight.\n\n“We moved everyone to the gym before dawn,” said Ms. Okafor, the shelter coordinator.';
  const [quote] = await quotesOf(text);
  assert.ok(quote);
  assert.equal(quote.text, 'We moved everyone to the gym before dawn');
  assert.equal(quote.text, text.slice(quote.start, quote.end));
  assert.equal(quote.speakerText, 'Ms. Okafor');
  assert.equal(text.slice(quote.speakerSpan!.start, quote.speakerSpan!.end), 'Ms. Okafor');
  assert.equal(quote.cue, 'said');
  assert.equal(quote.direct, true);
  assert.equal(quote.partial, false);
  assert.equal(quote.speaker, null);
});

test('attributes a pronoun speaker to the last person named before it', async () => {
  const text = 'Mr. Halvorsen, the ferry operator, spent the night at the dock.\n\n“We lost two boats,” he said.';
  const [quote] = await quotesOf(text);
  assert.equal(text.slice(quote!.speakerSpan!.start, quote!.speakerSpan!.end), 'Mr. Halvorsen');
  assert.equal(text.slice(quote!.speakerPronoun!.start, quote!.speakerPronoun!.end), 'he');
});

test('a pronoun goes to the subject of the sentence before, not to the last name in it', async () => {
  const text =
    '“The pier is closed,” Harbor Master Ivo Brandt said.\n\nMayor Lena Ostrova toured the ward at Saint Aldric Hospital. “Every family will be housed,” she said.';
  const quotes = await quotesOf(text);
  assert.equal(text.slice(quotes[1]!.speakerSpan!.start, quotes[1]!.speakerSpan!.end), 'Mayor Lena Ostrova');
});

test('speakerText keeps the pronoun as written while speakerSpan points at the person it resolves to', async () => {
  const text = 'Mr. Halvorsen spent the night at the dock.\n\n“We lost two boats,” he said.';
  const [quote] = await quotesOf(text);
  assert.equal(quote?.speakerText, 'he');
  assert.equal(text.slice(quote!.speakerSpan!.start, quote!.speakerSpan!.end), 'Mr. Halvorsen');
});

test('does not resolve the pronoun when asked to keep it as written', async () => {
  const text = 'Mr. Halvorsen spent the night at the dock.\n\n“We lost two boats,” he said.';
  const [quote] = await quotesOf(text, { pronouns: 'as-written' });
  assert.equal(quote?.speakerText, 'he');
  assert.equal(quote?.speakerPronoun, undefined);
  assert.equal(text.slice(quote!.speakerSpan!.start, quote!.speakerSpan!.end), 'he');
});

test('pronoun resolution uses the mention layer and skips people of the other gender', async () => {
  const text = 'Ms. Ferrante met Mr. Lind on Monday. “The budget is gone,” she said.';
  const mentions = [
    { ...person(text, 'Ferrante'), title: 'Ms.' },
    { ...person(text, 'Lind'), title: 'Mr.' },
  ];
  const [quote] = await quotesOf(text, {}, mentions);
  assert.equal(quote?.speakerText, 'she');
  assert.equal(text.slice(quote!.speakerSpan!.start, quote!.speakerSpan!.end), 'Ferrante');
});

test('a quote split by its attribution gives two quotes with one speaker', async () => {
  const text = '“The pumps held,” Dagny Roos said. “The levee did not.”';
  const quotes = await quotesOf(text);
  assert.deepEqual(
    quotes.map((q) => [q.text, q.speakerText]),
    [
      ['The pumps held', 'Dagny Roos'],
      ['The levee did not.', 'Dagny Roos'],
    ],
  );
});

test('a quote paragraph with no cue continues the speaker of the previous paragraph', async () => {
  const text =
    '“We were not told,” said Councillor Bram Ott.\n\n“Nobody from the utility called us, not once.”\n\nThe utility declined to comment.';
  const quotes = await quotesOf(text);
  assert.equal(quotes.length, 2);
  assert.equal(quotes[1]?.speakerText, 'Councillor Bram Ott');
});

test('a quote running over paragraphs is one quote attributed from its first paragraph', async () => {
  const text = 'Leila Marchetti said:\n\n“The first wave hit at six.\n\n“The second one took the pier.”';
  const quotes = await quotesOf(text);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]?.speakerText, 'Leila Marchetti');
  assert.ok(quotes[0]?.text.includes('The second one took the pier.'));
});

test('a partial quote inside the reporter’s sentence is marked partial and keeps a cue speaker', async () => {
  const text = 'Okafor said the relocation plan was “a betrayal of every family on the coast.”';
  const [quote] = await quotesOf(text, { indirect: false });
  assert.equal(quote?.partial, true);
  assert.equal(quote?.speakerText, 'Okafor');
});

test('scare quotes of one or two words are partial and get no speaker', async () => {
  const text = 'The senator called the plan “reckless” on Tuesday, Okafor said.';
  const [quote] = (await quotesOf(text)).filter((q) => q.direct);
  assert.equal(quote?.text, 'reckless');
  assert.equal(quote?.partial, true);
  assert.equal(quote?.speakerText, null);
});

test('a short quote standing as its own sentence with a cue is a statement', async () => {
  const [quote] = await quotesOf('“Never,” she said, and hung up.', { pronouns: 'as-written' });
  assert.equal(quote?.partial, false);
  assert.equal(quote?.speakerText, 'she');
});

test('NYT doubled apostrophes with an attribution before the quote', async () => {
  const [quote] = await quotesOf("Mr. Castell added, ''The ferry will run again in June.''");
  assert.equal(quote?.text, 'The ferry will run again in June.');
  assert.equal(quote?.speakerText, 'Mr. Castell');
});

test('does not mutate the input doc and records unmatched marks as messages', async () => {
  const doc = docOf('Residents said the “temporary fix lasted years.\n\nThe council met.');
  const frozen = JSON.stringify(doc);
  const out = await extractQuotes({ indirect: false }).run(doc, ctx);
  assert.equal(JSON.stringify(doc), frozen);
  assert.deepEqual(out.quotes, []);
  assert.equal(out.messages.length, 1);
  assert.equal(out.messages[0]?.rule, 'quotes/unmatched-mark');
  assert.equal(out.messages[0]?.stage, 'extract-quotes');
});

test('indirect speech is reported as direct: false with its speaker, and can be turned off', async () => {
  const text =
    '“We lost two boats,” said Mr. Halvorsen.\n\nHarbor director Ana Vitkova said the first findings would be published within six weeks.';
  const quotes = await quotesOf(text);
  const reported = quotes.find((q) => !q.direct);
  assert.equal(reported?.text, 'the first findings would be published within six weeks');
  assert.equal(reported?.speakerText, 'Harbor director Ana Vitkova');
  assert.deepEqual(
    (await quotesOf(text, { indirect: false })).map((q) => q.direct),
    [true],
  );
});

test('a partial quote inside reported speech gives the whole clause as indirect speech, the quoted words as partial', async () => {
  const text = 'Okafor said the relocation plan was “a betrayal of every family on the coast.”';
  const quotes = await quotesOf(text);
  assert.deepEqual(
    quotes.map((q) => [q.text, q.direct, q.speakerText]),
    [
      ['the relocation plan was “a betrayal of every family on the coast.”', false, 'Okafor'],
      ['a betrayal of every family on the coast.', true, 'Okafor'],
    ],
  );
});

test('indirect speech never overlaps a direct quote of the same sentence', async () => {
  const text = '“The levee held,” Mayor Ines Darrow said, adding that the pumps would run all night.';
  const quotes = await quotesOf(text);
  assert.deepEqual(
    quotes.map((q) => [q.text, q.direct]),
    [
      ['The levee held', true],
      ['that the pumps would run all night', false],
    ],
  );
});

test('every quote says what kind of source it has: named, pronoun, nominal or anonymous (issue #6)', async () => {
  const text =
    '“The pumps failed at midnight,” said Ms. Okafor.\n\n“We lost two boats,” she said.\n\n“Repairs start Monday,” the ministry said.\n\n“Nobody warned us,” a senior harbour official said.';
  const quotes = await quotesOf(text);
  assert.deepEqual(
    quotes.map((q) => [q.speakerText, q.sourceKind]),
    [
      ['Ms. Okafor', 'named'],
      ['she', 'pronoun'],
      ['the ministry', 'nominal'],
      ['a senior harbour official', 'anonymous'],
    ],
  );
});

test('an anonymous source keeps its description and its cue verb (issue #6)', async () => {
  const text = '“The deal is close,” two people familiar with the talks told reporters.';
  const [quote] = await quotesOf(text);
  assert.equal(quote?.sourceKind, 'anonymous');
  assert.match(quote?.speakerText ?? '', /^two people familiar with/);
  assert.equal(quote?.cue, 'told');
});

test('indirect speech is typed too: bare plurals are anonymous (issue #6)', async () => {
  const quotes = await quotesOf('Harbour officials said the pier would stay closed until June.');
  assert.equal(quotes[0]?.direct, false);
  assert.equal(quotes[0]?.sourceKind, 'anonymous');
});

test('a banner after a speaker’s quote does not inherit the speaker and is unattributed (issue #6)', async () => {
  const text = '“We need more time,” Okafor said. A banner over the gate read: “Boats before budgets, lives before ledgers.”';
  const quotes = await quotesOf(text);
  assert.deepEqual(
    quotes.map((q) => [q.speakerText, q.sourceKind]),
    [
      ['Okafor', 'named'],
      [null, 'unattributed'],
    ],
  );
});

test('signs, chants and recorded messages get no speaker, even with a cue after them (issue #6)', async () => {
  for (const text of [
    '“Hands off our harbour now,” read one placard.',
    '“Your call is important to us,” a recorded message said.',
    '“We need more time,” Okafor said. “No more cuts for the port,” the crowd chanted.',
    'Protesters held signs reading “Hands off our harbour now.”',
  ]) {
    const last = (await quotesOf(text)).filter((q) => q.direct).at(-1);
    assert.equal(last?.speakerText, null, text);
    assert.equal(last?.speakerSpan, undefined, text);
    assert.equal(last?.sourceKind, 'unattributed', text);
  }
});

test('scare quotes stay partial and unattributed (issue #6)', async () => {
  const quotes = await quotesOf('The council called the plan “reckless” and moved on.');
  const scare = quotes.find((q) => q.direct);
  assert.equal(scare?.partial, true);
  assert.equal(scare?.sourceKind, 'unattributed');
});

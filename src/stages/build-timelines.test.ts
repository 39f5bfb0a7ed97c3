import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../model/doc.js';
import type { Corpus } from '../model/story.js';
import { buildTimelines } from './build-timelines.js';
import { fixtureDoc } from './story/fixture-doc-test-support.js';

const ctx = { now: new Date('2031-06-01T00:00:00Z') };

function inOneStory(docs: Doc[]): Corpus {
  const story = { id: 's-1', title: 'Flood', articles: docs.map((d) => d.id), timeline: [], quotes: [], discrepancies: [] };
  return { docs, entities: [], stories: [story] };
}

test('dates events by their sentences, sorted, and merges one event told by two articles', async () => {
  const a = fixtureDoc('a', 'The river Olm burst its banks on 3 March. Rescue boats arrived on 5 March.', {
    dates: [
      { text: '3 March', value: '2030-03-03' },
      { text: '5 March', value: '2030-03-05' },
    ],
  });
  const b = fixtureDoc('b', 'Rescue boats from Kessel arrived on Wednesday. In 2029 the dam was repaired.', {
    dates: [
      { text: 'Wednesday', value: '2030-03-05' },
      { text: '2029', value: '2029' },
    ],
  });
  const corpus = await buildTimelines().run(inOneStory([a, b]), ctx);
  const timeline = corpus.stories[0]!.timeline;
  assert.deepEqual(
    timeline.map((e) => e.date),
    ['2030-03-03', '2030-03-05'],
  );
  assert.deepEqual(timeline[1]!.articles, ['a', 'b']);
  assert.equal(timeline[0]!.text, 'The river Olm burst its banks on 3 March.');
  const evidence = timeline[1]!.evidence!.find((e) => e.article === 'b')!;
  assert.equal(b.text.slice(evidence.start, evidence.end), 'Rescue boats from Kessel arrived on Wednesday.');
});

test('keeps two different events of the same date apart', async () => {
  const a = fixtureDoc('a', 'The river Olm burst its banks on 3 March.', { dates: [{ text: '3 March', value: '2030-03-03' }] });
  const b = fixtureDoc('b', 'Parliament passed the budget on Monday.', { dates: [{ text: 'Monday', value: '2030-03-03' }] });
  const corpus = await buildTimelines().run(inOneStory([a, b]), ctx);
  assert.equal(corpus.stories[0]!.timeline.length, 2);
});

test('adds the lead of an article on its publication date only when it dates nothing', async () => {
  const undated = fixtureDoc('u', 'Volunteers filled sandbags in Kessel. More rain is expected.', { published: '2030-03-04' });
  const dated = fixtureDoc('d', 'The river Olm burst its banks on 3 March.', {
    published: '2030-03-06',
    dates: [{ text: '3 March', value: '2030-03-03' }],
  });
  const corpus = await buildTimelines().run(inOneStory([undated, dated]), ctx);
  assert.deepEqual(
    corpus.stories[0]!.timeline.map((e) => [e.date, e.text]),
    [
      ['2030-03-03', 'The river Olm burst its banks on 3 March.'],
      ['2030-03-04', 'Volunteers filled sandbags in Kessel.'],
    ],
  );
});

test('ignores durations and vague references', async () => {
  const a = fixtureDoc('a', 'The clean-up will take three weeks, officials said recently.', {
    dates: [
      { text: 'three weeks', value: 'P3W' },
      { text: 'recently', value: 'PAST_REF' },
    ],
  });
  const corpus = await buildTimelines().run(inOneStory([a]), ctx);
  assert.deepEqual(corpus.stories[0]!.timeline, []);
});

test('dates a sentence with a dateline by its event, not by the day of the report', async () => {
  const text = 'PORT ELLIS, Carvia, May 21 (Coast Wire) - Ferry crews went on strike on Monday. Talks resume on Thursday.';
  const a = fixtureDoc('a', text, {
    published: '2030-05-21',
    dates: [
      { text: 'May 21', value: '2030-05-21' },
      { text: 'Monday', value: '2030-05-20' },
      { text: 'Thursday', value: '2030-05-23' },
    ],
  });
  const timeline = (await buildTimelines().run(inOneStory([a]), ctx)).stories[0]!.timeline;
  assert.deepEqual(
    timeline.map((e) => e.date),
    ['2030-05-20', '2030-05-23'],
  );
  assert.ok(timeline[0]!.text.startsWith('PORT ELLIS'));
});

test('keeps a dateline date when the sentence has no other date', async () => {
  const a = fixtureDoc('a', 'PORT ELLIS, May 21 — Ferry crews walked out at the harbour.', {
    dates: [{ text: 'May 21', value: '2030-05-21' }],
  });
  const timeline = (await buildTimelines().run(inOneStory([a]), ctx)).stories[0]!.timeline;
  assert.deepEqual(
    timeline.map((e) => e.date),
    ['2030-05-21'],
  );
});

test('does not take a date after a lower-case phrase and a dash for a dateline', async () => {
  const a = fixtureDoc('a', 'The crews walked out on May 21 - a Tuesday - and returned on 24 May.', {
    dates: [
      { text: 'May 21', value: '2030-05-21' },
      { text: '24 May', value: '2030-05-24' },
    ],
  });
  const timeline = (await buildTimelines().run(inOneStory([a]), ctx)).stories[0]!.timeline;
  assert.deepEqual(
    timeline.map((e) => e.date),
    ['2030-05-21'],
  );
});

test('tells a sentence on one date only: a day over a month, another day over the publication day', async () => {
  const a = fixtureDoc('a', 'On Wednesday the port reopened after closing in May 2030 and on Monday.', {
    published: '2030-06-05',
    dates: [
      { text: 'Wednesday', value: '2030-06-05' },
      { text: 'May 2030', value: '2030-05' },
      { text: 'Monday', value: '2030-06-03' },
    ],
  });
  const timeline = (await buildTimelines().run(inOneStory([a]), ctx)).stories[0]!.timeline;
  assert.deepEqual(
    timeline.map((e) => e.date),
    ['2030-06-03'],
  );
});

test("merges a copy's sentence into its original's entry even when the copy resolves another date", async () => {
  const wire = fixtureDoc('wire', 'Ferry crews in Port Ellis went on strike yesterday over unpaid overtime.', {
    published: '2030-05-21',
    dates: [{ text: 'yesterday', value: '2030-05-20' }],
  });
  const farm = fixtureDoc('farm', 'Ferry crews in Port Ellis went on strike yesterday over unpaid overtime, sources say.', {
    published: '2030-05-22',
    dates: [{ text: 'yesterday', value: '2030-05-21' }],
  });
  const paper = fixtureDoc('paper', 'Port Ellis ferry crews struck on Monday over unpaid overtime.', {
    published: '2030-05-21',
    dates: [{ text: 'Monday', value: '2030-05-20' }],
  });
  const corpus = inOneStory([farm, paper, wire]);
  const withCopy = { ...corpus, stories: [{ ...corpus.stories[0]!, copies: [{ article: 'farm', of: 'wire', similarity: 0.9 }] }] };
  const timeline = (await buildTimelines().run(withCopy, ctx)).stories[0]!.timeline;
  assert.equal(timeline.length, 1);
  assert.equal(timeline[0]!.date, '2030-05-20');
  assert.deepEqual([...timeline[0]!.articles].sort(), ['farm', 'paper', 'wire']);
  assert.equal(timeline[0]!.independentSources, 2);
});

test('does not merge a sentence of an unrelated article told on another date', async () => {
  const a = fixtureDoc('a', 'Ferry crews in Port Ellis went on strike over unpaid overtime.', {
    dates: [{ text: 'strike', value: '2030-05-20' }],
  });
  const b = fixtureDoc('b', 'Ferry crews in Port Ellis went on strike over unpaid overtime again.', {
    dates: [{ text: 'again', value: '2030-05-27' }],
  });
  const timeline = (await buildTimelines().run(inOneStory([a, b]), ctx)).stories[0]!.timeline;
  assert.equal(timeline.length, 2);
  assert.deepEqual(
    timeline.map((e) => e.independentSources),
    [1, 1],
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../model/doc.js';
import type { Corpus } from '../model/story.js';
import { buildTimelines } from './build-timelines.js';
import { fixtureDoc } from './story/fixture-doc.js';

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

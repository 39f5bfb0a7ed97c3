import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateReport } from './validate-report.js';

const text = 'Mayor Annika Rydell said the harbour would reopen on Friday.';
const article = {
  id: 'a1',
  source: 'a1.txt',
  title: 'Harbour to reopen',
  byline: [],
  outlet: 'The Norrby Courier',
  published: '2025-09-18',
  language: 'en',
  text,
  removed: [{ text: 'Share:', reason: 'share-widget' }],
  mentions: [{ start: 6, end: 19, text: 'Annika Rydell', type: 'PERSON', entity: 'e-rydell' }],
  quotes: [],
  figures: [],
  dates: [{ start: 53, end: 59, text: 'Friday', value: '2025-09-19' }],
};
const report = () => ({
  articles: [structuredClone(article)],
  entities: [{ id: 'e-rydell', name: 'Annika Rydell', type: 'PERSON', aliases: ['Rydell'], roles: ['mayor'], articles: ['a1'] }],
  stories: [{ id: 's1', title: 'Harbour to reopen', articles: ['a1'], timeline: [], quotes: [], discrepancies: [] }],
});

test('accepts a well-formed report', () => {
  assert.deepEqual(validateReport(report()), []);
});

test('rejects a span whose text is not text.slice(start, end)', () => {
  const r = report();
  r.articles[0]!.mentions[0]!.start = 7;
  assert.match(validateReport(r).join('\n'), /mentions\[0\]: text does not equal text.slice/);
});

test('rejects a reference to an entity that is not in entities', () => {
  const r = report();
  r.articles[0]!.mentions[0]!.entity = 'e-nobody';
  assert.match(validateReport(r).join('\n'), /entity "e-nobody" is not in entities/);
});

test('rejects a report missing a required field', () => {
  const r = report() as Record<string, unknown>;
  delete r.stories;
  assert.match(validateReport(r).join('\n'), /must have required property 'stories'/);
});

test('rejects an unknown mention type and a malformed published date', () => {
  const r = report();
  (r.articles[0]!.mentions[0] as { type: string }).type = 'PER';
  r.articles[0]!.published = '18.09.2025';
  const problems = validateReport(r).join('\n');
  assert.match(problems, /mentions\/0\/type/);
  assert.match(problems, /published/);
});

test('the report of the whole sample corpus is valid against the schema', async () => {
  const { readInputs } = await import('../input/read-inputs.js');
  const { analyze } = await import('../pipeline/run-pipeline.js');
  const { buildPipeline } = await import('../pipeline/build-pipeline.js');
  const { defaultPipeline } = await import('../pipeline/default-pipeline.js');
  const { toReport } = await import('./to-report.js');
  const items = [];
  for await (const r of readInputs(['sample'])) if (r.ok) items.push(r.item);
  const corpus = await analyze(items, { now: new Date('2024-06-01T00:00:00Z') });
  const report = JSON.parse(JSON.stringify(toReport(corpus, buildPipeline(defaultPipeline()).versions)));
  assert.ok(report.articles.length >= 18);
  assert.ok(report.stories.length >= 2);
  assert.deepEqual(validateReport(report), []);
});

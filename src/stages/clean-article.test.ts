import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc } from '../model/doc.js';
import { cleanArticle } from './clean-article.js';

const ctx = { now: new Date('2024-06-01') };

test('clean: false keeps the text character for character', async () => {
  const text = '  Share:\n\nPhoto: A/B\r\nThe tide rose.  ';
  const doc = await cleanArticle().run(newDoc('a', 'a.jsonl', { text, clean: false, title: 'Given' }), ctx);
  assert.equal(doc.text, text);
  assert.equal(doc.extractedBy, 'verbatim');
  assert.deepEqual(doc.removed, []);
  assert.equal(doc.title, 'Given');
});

test('metadata given with the input wins over what the page says', async () => {
  const html = '<html><head><title>Page title | Site</title><meta property="article:published_time" content="2024-01-01"></head><body><p>x</p></body></html>';
  const raw = { html, clean: true, title: 'Given title', published: '2024-02-02', outlet: 'Given Outlet', byline: ['Given Name'] };
  const doc = await cleanArticle().run(newDoc('a', 'a', raw), ctx);
  assert.equal(doc.title, 'Given title');
  assert.equal(doc.published, '2024-02-02');
  assert.equal(doc.publishedFrom, 'input');
  assert.equal(doc.outlet, 'Given Outlet');
  assert.deepEqual(doc.byline, ['Given Name']);
});

test('does not mutate the input doc and tags its messages with the stage name', async () => {
  const input = newDoc('a', 'a', { text: 'Too short.', clean: true });
  const doc = await cleanArticle().run(input, ctx);
  assert.equal(input.text, '');
  assert.ok(doc.messages.every((m) => m.stage === 'clean-article'));
  assert.ok(doc.messages.some((m) => m.rule === 'clean/short-body'));
});

test('an empty verbatim text is an error, not a crash', async () => {
  const doc = await cleanArticle().run(newDoc('a', 'a', { text: '', clean: false }), ctx);
  assert.ok(doc.messages.some((m) => m.rule === 'clean/no-text' && m.severity === 'error'));
});

test('a given publication date after the fetch date gets a clean/implausible-date warning', async () => {
  const doc = await cleanArticle().run(newDoc('a', 'a', { text: 'Crews cleared the road by noon.', clean: false, published: '2031-01-01' }), { now: new Date('2024-06-01') });
  assert.ok(doc.messages.some((m) => m.rule === 'clean/implausible-date' && m.stage === 'clean-article'));
});

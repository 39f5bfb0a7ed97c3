import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { newDoc } from '../../model/doc.js';
import { cleanArticle } from '../clean-article.js';

// Golden fixtures: fixtures/clean/<case>/{input.html|input.txt, expected.json}.
const root = new URL('../../../fixtures/clean/', import.meta.url);

interface Expected {
  input?: { url?: string; now?: string };
  strategy?: string;
  title?: string | null;
  byline?: string[];
  outlet?: string | null;
  published?: string | null;
  publishedFrom?: string;
  with: string[];
  without: string[];
  removedReasons?: string[];
  messages?: string[];
  notMessages?: string[];
}

for (const name of readdirSync(root).sort()) {
  const dir = new URL(`${name}/`, root);
  const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Expected;
  const htmlPath = new URL('input.html', dir);
  const raw = existsSync(htmlPath)
    ? { html: readFileSync(htmlPath, 'utf8'), clean: true, ...(expected.input?.url ? { url: expected.input.url } : {}) }
    : { text: readFileSync(new URL('input.txt', dir), 'utf8'), clean: true, ...(expected.input?.url ? { url: expected.input.url } : {}) };

  test(`fixture ${name}: cleans the page as its expected.json says`, async () => {
    const now = new Date(expected.input?.now ?? '2024-06-01');
    const doc = await cleanArticle().run(newDoc(name, name, raw), { now });
    for (const snippet of expected.with) assert.ok(doc.text.includes(snippet), `text should contain ${JSON.stringify(snippet)}\n---\n${doc.text}`);
    for (const snippet of expected.without) assert.ok(!doc.text.includes(snippet), `text should not contain ${JSON.stringify(snippet)}\n---\n${doc.text}`);
    if (expected.strategy !== undefined) assert.equal(doc.extractedBy, expected.strategy);
    if (expected.title !== undefined) assert.equal(doc.title, expected.title);
    if (expected.byline !== undefined) assert.deepEqual(doc.byline, expected.byline);
    if (expected.outlet !== undefined) assert.equal(doc.outlet, expected.outlet);
    if (expected.published !== undefined) assert.equal(doc.published, expected.published);
    if (expected.publishedFrom !== undefined) assert.equal(doc.publishedFrom, expected.publishedFrom);
    const reasons = new Set(doc.removed.map((r) => r.reason));
    for (const reason of expected.removedReasons ?? []) assert.ok(reasons.has(reason), `removed should hold a "${reason}" block; got ${[...reasons].join(', ')}`);
    const rules = doc.messages.map((m) => m.rule);
    for (const rule of expected.messages ?? []) assert.ok(rules.includes(rule), `messages should include ${rule}; got ${rules.join(', ')}`);
    for (const rule of expected.notMessages ?? []) assert.ok(!rules.includes(rule), `messages should not include ${rule}`);
    assert.equal(doc.text, doc.text.trim(), 'no leading or trailing whitespace');
    assert.ok(!/\n{3,}/.test(doc.text), 'paragraphs are separated by exactly one blank line');
  });
}

import assert from 'node:assert/strict';
import type { Doc } from '../../model/doc.js';

/**
 * A golden fixture's expected.json, for the general fixtures
 * (fixtures/clean/<case>/) and the site rules (sites/<domain>/) alike.
 * `with`/`without` are snippets the clean text must and must not hold
 * (trafilatura's evaldata); every other field is checked only when given.
 */
export interface CleanExpected {
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

/** Asserts a cleaned doc against its fixture's expected.json (all but `strategy`, whose default differs by caller). */
export function assertCleanedAsExpected(doc: Doc, expected: CleanExpected): void {
  for (const snippet of expected.with) assert.ok(doc.text.includes(snippet), `text should contain ${JSON.stringify(snippet)}\n---\n${doc.text}`);
  for (const snippet of expected.without) assert.ok(!doc.text.includes(snippet), `text should not contain ${JSON.stringify(snippet)}\n---\n${doc.text}`);
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
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { newDoc } from '../../model/doc.js';
import { cleanArticle } from '../clean-article.js';
import { assertCleanedAsExpected, type CleanExpected } from './clean-fixture-test-support.js';

// Golden fixtures: fixtures/clean/<case>/{input.html|input.txt, expected.json}.
const root = new URL('../../../fixtures/clean/', import.meta.url);

for (const name of readdirSync(root).sort()) {
  const dir = new URL(`${name}/`, root);
  const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as CleanExpected;
  const htmlPath = new URL('input.html', dir);
  const raw = existsSync(htmlPath)
    ? { html: readFileSync(htmlPath, 'utf8'), clean: true, ...(expected.input?.url ? { url: expected.input.url } : {}) }
    : { text: readFileSync(new URL('input.txt', dir), 'utf8'), clean: true, ...(expected.input?.url ? { url: expected.input.url } : {}) };

  test(`fixture ${name}: cleans the page as its expected.json says`, async () => {
    const now = new Date(expected.input?.now ?? '2024-06-01');
    const doc = await cleanArticle().run(newDoc(name, name, raw), { now });
    if (expected.strategy !== undefined) assert.equal(doc.extractedBy, expected.strategy);
    assertCleanedAsExpected(doc, expected);
  });
}

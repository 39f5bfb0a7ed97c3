import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../../../model/doc.js';
import { tokenize } from '../../split-sentences.js';
import { tagByRulesWithBasis } from '../tag-by-rules.js';
import { committedNerModel, committedNerModelVersion, tagByModel } from './tag-by-model.js';

function tag(text: string, tagger = tagByModel()): Mention[] {
  return tagger({ text, ...tokenize(text) });
}

test('finds people, places and organisations with spans into the text', () => {
  const text = 'Amara Osei, the chief executive of Bellhaven Shipping Corp, flew to London on Tuesday.';
  const found = tag(text).map((m) => [m.text, m.type]);
  assert.deepEqual(found, [
    ['Amara Osei', 'PERSON'],
    ['Bellhaven Shipping Corp', 'ORG'],
    ['London', 'LOC'],
  ]);
  for (const m of tag(text)) assert.equal(text.slice(m.start, m.end), m.text);
});

test('finds nothing in text without names', () => {
  assert.deepEqual(tag('the ferry sank in heavy seas and forty-three people were killed.'), []);
  assert.deepEqual(tag(''), []);
});

test('types a family name as the person named in full earlier in the document', () => {
  const found = tag('Talks resumed, said Khalil al-Mansouri.\nAl-Mansouri said the vote would wait.');
  assert.deepEqual(
    found.filter((m) => /mansouri/i.test(m.text)).map((m) => m.type),
    ['PERSON', 'PERSON'],
  );
});

test('takes titles from the rule tagger only when asked', () => {
  const text = 'Lt. Gen. Amara Osei said the bridge would reopen.';
  assert.equal(tag(text).find((m) => m.text === 'Amara Osei')?.title, undefined);
  assert.equal(tag(text, tagByModel({ rules: tagByRulesWithBasis() })).find((m) => m.text === 'Amara Osei')?.title, 'Lt. Gen.');
});

test('loads the committed model in under a second and names its version', () => {
  const began = performance.now();
  const model = committedNerModel();
  assert.ok(performance.now() - began < 1000);
  assert.equal(model.version, committedNerModelVersion());
});

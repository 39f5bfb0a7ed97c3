import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { NER_TAGS, allowed, decodeModel, decodeSentence, encodeModel, featureBucket, type NerModel } from './ner-model.js';

const T = NER_TAGS.length;

function tinyModel(): NerModel {
  const bits = 4;
  const pass = () => ({ features: new Float32Array((1 << bits) * T), transitions: new Float32Array((T + 1) * T) });
  const first = pass();
  first.features[3 * T + 2] = 5; // bucket 3 favours I-PER
  return { version: 'test-1', bits, first, second: pass() };
}

test('saves and loads a model to the same weights', () => {
  const model = tinyModel();
  const bytes = encodeModel(model);
  assert.deepEqual(encodeModel(model), bytes);
  const loaded = decodeModel(bytes);
  assert.equal(loaded.version, 'test-1');
  assert.deepEqual([...loaded.first.features], [...model.first.features]);
});

test('refuses a file that is not a model, saying what to do', () => {
  assert.throws(() => decodeModel(gzipSync(Buffer.from('{"format":"other","tags":[]}\n'))), /retrain it with npm run train:ner/);
});

test('never opens an entity with I- even when its features favour it', () => {
  assert.equal(allowed(-1, 2), false);
  assert.equal(allowed(1, 2), true);
  assert.equal(allowed(3, 2), false);
  const tags = decodeSentence(tinyModel().first, [Int32Array.of(3)]);
  assert.notEqual(NER_TAGS[tags[0]!], 'I-PER');
});

test('hashes a feature to the same bucket every time, within range', () => {
  assert.equal(featureBucket('w=Osei', 20), featureBucket('w=Osei', 20));
  assert.ok(featureBucket('w=Osei', 4) < 16);
});

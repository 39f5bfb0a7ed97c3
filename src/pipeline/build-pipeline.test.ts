import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline } from './build-pipeline.js';
import type { DocStage, StoryStage } from '../model/stage.js';

const stage = (name: string, requires: DocStage['requires'], provides: DocStage['provides']): DocStage => ({
  kind: 'doc',
  name,
  version: '1',
  requires,
  provides,
  run: (doc) => doc,
});

test('accepts stages whose required layers are provided earlier', () => {
  const pipeline = buildPipeline([stage('clean', ['raw'], ['text']), stage('split', ['text'], ['sentences'])]);
  assert.deepEqual(pipeline.versions, ['clean@1', 'split@1']);
});

test('names the stage, the missing layer and its provider when order is wrong', () => {
  assert.throws(
    () => buildPipeline([stage('split', ['text'], ['sentences']), stage('clean', ['raw'], ['text'])]),
    /stage "split" requires layer "text", which is missing; stage "clean" provides it/,
  );
});

test('says no stage provides a layer when none does', () => {
  assert.throws(() => buildPipeline([stage('quotes', ['mentions'], ['quotes'])]), /no stage in this pipeline provides it/);
});

test('rejects a document stage after a story stage', () => {
  const story: StoryStage = { kind: 'story', name: 'stories', version: '1', requires: ['docs'], provides: ['stories'], run: (c) => c };
  assert.throws(() => buildPipeline([story, stage('clean', ['raw'], ['text'])]), /comes after a story stage/);
});

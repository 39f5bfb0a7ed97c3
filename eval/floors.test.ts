import { test } from 'node:test';
import assert from 'node:assert/strict';
import { METRICS } from './metrics.js';
import { readFloors, runEval, sharedAvailable } from './run-eval.js';

// Quality floors only go up: a change that drops a score below its floor fails here.
const floors = readFloors();
const ci = process.env.CI === 'true';

test('every quality score stays at or above its floor in eval/floors.json', { skip: !sharedAvailable() && !ci && 'skipped: ../shared not found (public benchmark data)' }, () => {
  assert.ok(sharedAvailable(), 'CI=true but ../shared/datasets is missing: the quality gate cannot run');
  const scores = runEval();
  for (const metric of METRICS) {
    const floor = floors[metric.name];
    if (floor === undefined) continue;
    const score = scores[metric.name];
    assert.ok(score !== undefined, `${metric.name}: ${metric.script} printed no score`);
    assert.ok(score >= floor, `${metric.name} (${metric.label}) fell to ${score}, below its floor ${floor}`);
  }
});

test('every floor names a known metric', () => {
  const known = new Set(METRICS.map((m) => m.name));
  for (const name of Object.keys(floors)) assert.ok(known.has(name), `eval/floors.json: unknown metric "${name}"`);
});

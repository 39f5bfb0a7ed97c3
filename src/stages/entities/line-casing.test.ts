import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineCasing } from './line-casing.js';

test('tells headline casing from running text', () => {
  assert.equal(lineCasing(['FERRY', 'SINKS', 'OFF', 'VESNA']), 'upper');
  assert.equal(lineCasing(['Ferry', 'Operator', 'Blames', 'Weather', 'Reports']), 'title');
  assert.equal(lineCasing(['The', 'ferry', 'sank', 'off', 'Vesna', '.']), 'normal');
});

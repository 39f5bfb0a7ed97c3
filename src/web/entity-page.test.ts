import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rolesOverTime } from './entity-page.js';
import type { EntityMentions } from './entity-mentions.js';

const mention = (role: string | null, published: string | null) =>
  ({ role, published, article: 'a', index: 0, text: 'Rydell', outlet: null, sentence: 'Rydell spoke.' }) as unknown as EntityMentions['items'][number];

test('lists each role with the first and last report that used it, oldest first', () => {
  const roles = rolesOverTime([mention('Mayor', '2025-09-20'), mention('Deputy Mayor', '2024-01-05'), mention('mayor', '2025-09-18'), mention(null, '2023-01-01')]);
  assert.deepEqual(roles, [
    { role: 'Deputy Mayor', first: '2024-01-05', last: '2024-01-05', count: 1 },
    { role: 'Mayor', first: '2025-09-18', last: '2025-09-20', count: 2 },
  ]);
});

test('mentions without a role give no roles', () => {
  assert.deepEqual(rolesOverTime([mention(null, '2025-01-01')]), []);
});

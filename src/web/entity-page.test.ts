import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityPage, roleRows, rolesOverTime } from './entity-page.js';
import type { EntityMentions } from './entity-mentions.js';
import type { Entity } from '../model/story.js';

const mention = (role: string | null, published: string | null) =>
  ({
    role,
    published,
    article: 'a',
    index: 0,
    text: 'Rydell',
    outlet: null,
    sentence: 'Rydell spoke.',
  }) as unknown as EntityMentions['items'][number];

test('lists each role with the first and last report that used it, oldest first', () => {
  const roles = rolesOverTime([
    mention('Mayor', '2025-09-20'),
    mention('Deputy Mayor', '2024-01-05'),
    mention('mayor', '2025-09-18'),
    mention(null, '2023-01-01'),
  ]);
  assert.deepEqual(roles, [
    { role: 'Deputy Mayor', first: '2024-01-05', last: '2024-01-05', count: 1 },
    { role: 'Mayor', first: '2025-09-18', last: '2025-09-20', count: 2 },
  ]);
});

test('mentions without a role give no roles', () => {
  assert.deepEqual(rolesOverTime([mention(null, '2025-01-01')]), []);
});

const view = (roleHistory: Entity['roleHistory']): EntityMentions => ({
  entity: {
    id: 'e-rydell',
    name: 'Annika Rydell',
    type: 'PERSON',
    aliases: [],
    roles: ['Mayor'],
    articles: ['a1', 'a2'],
    ...(roleHistory ? { roleHistory } : {}),
  },
  items: [mention('Mayor', '2025-09-20')],
  stories: [],
  truncated: false,
});

test("shows the entity's roleHistory with dates and article counts, escaped", () => {
  const page = String(
    entityPage(
      'crosscheck',
      view([
        { role: 'Deputy Mayor', first: '2024-01-05', last: '2024-02-01', articles: ['a1'] },
        { role: 'Mayor <script>alert(1)</script>', first: '2025-09-18', last: null, articles: ['a1', 'a2'] },
      ]),
    ),
  );
  assert.match(page, /<td>Deputy Mayor<\/td><td>2024-01-05<\/td><td>2024-02-01<\/td><td class="num">1<\/td>/);
  assert.match(
    page,
    /<td>Mayor &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/td><td>2025-09-18<\/td><td>—<\/td><td class="num">2<\/td>/,
  );
  assert.match(page, /<th scope="col" class="num">Articles<\/th>/);
  assert.doesNotMatch(page, /<script>alert/);
});

test('without a roleHistory the roles table comes from the mentions shown', () => {
  assert.deepEqual(roleRows(view(undefined).entity, view(undefined).items), {
    rows: [{ role: 'Mayor', first: '2025-09-20', last: '2025-09-20', count: 1 }],
    counts: 'mentions',
  });
});

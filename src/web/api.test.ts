import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../model/doc.js';
import { DEAD_LETTER_QUEUE, pageDeadLetters, resolveQueue, startBoss } from '../queue/ingest-queue.js';
import { openStore } from '../storage/open-store.js';
import { openPostgresStore } from '../storage/postgres-store.js';
import { TEST_DATABASE_URL, dropSchemas, postgresUnavailable, testSchemaName } from '../storage/postgres-test-support.js';
import { contractDoc } from '../storage/store-contract.js';
import type { Store } from '../storage/store.js';
import { apiSpec } from './api-spec.js';
import { createApp } from './app.js';
import type { Ingest } from './ingest-articles.js';
import { createRateLimiter } from './rate-limit.js';

const docs: Doc[] = [
  contractDoc('a1', {
    outlet: 'Harbor Ledger',
    published: '2031-04-02',
    text: 'Mayor Ilse Varnholt said the levee held.',
    mentions: [{ start: 6, end: 19, text: 'Ilse Varnholt', type: 'PERSON', entity: 'e-varnholt' }],
    sentences: [{ start: 0, end: 40 }],
  }),
  contractDoc('a2', { outlet: 'Valley Courier', published: '2031-04-03' }),
  contractDoc('a3', { outlet: 'Valley Courier', published: '2031-06-10', title: 'School reopens' }),
];

let store: Store;
const stubIngest: Ingest = async (request) => ({
  added: request.articles.map((a) => a.id),
  existing: [],
  failed: [],
  articles: 0,
  stories: 0,
});

before(async () => {
  store = await openStore(':memory:');
  await store.saveCorpus({
    docs,
    entities: [
      {
        id: 'e-varnholt',
        name: 'Ilse Varnholt',
        type: 'PERSON',
        aliases: ['Varnholt'],
        roles: ['mayor'],
        articles: ['a1'],
        roleHistory: [{ role: 'mayor', first: '2031-04-02', last: '2031-04-02', articles: ['a1'] }],
      },
    ],
    stories: [
      {
        id: 's-levee',
        title: 'Marrowvale levee',
        articles: ['a1', 'a2'],
        timeline: [],
        quotes: [],
        discrepancies: [
          {
            about: 'sandbags',
            values: [
              { value: 1, text: '1 sandbag', article: 'a1' },
              { value: 2, text: '2 sandbags', article: 'a2' },
            ],
            kind: 'conflict',
          },
        ],
      },
      { id: 's-school', title: 'School reopens', articles: ['a3'], timeline: [], quotes: [], discrepancies: [] },
    ],
  });
});
after(() => store.close());

async function json(
  app: ReturnType<typeof createApp>,
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await app.request(path, init);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const ids = (body: unknown): string[] => (body as { items: { id: string }[] }).items.map((i) => i.id).sort();

describe('API filters', () => {
  it('filters stories by outlet, date range and entity', async () => {
    const app = createApp(store, { token: undefined });
    assert.deepEqual(ids((await json(app, '/api/stories?outlet=Harbor%20Ledger')).body), ['s-levee']);
    assert.deepEqual(ids((await json(app, '/api/stories?from=2031-06-01')).body), ['s-school']);
    assert.deepEqual(ids((await json(app, '/api/stories?from=2031-04-01&to=2031-04-30')).body), ['s-levee']);
    assert.deepEqual(ids((await json(app, '/api/stories?entity=e-varnholt')).body), ['s-levee']);
    const bad = await json(app, '/api/stories?from=April');
    assert.equal(bad.status, 400);
    assert.match((bad.body as { error: { message: string } }).error.message, /from: expected a day as YYYY-MM-DD/);
  });

  it('lists articles of a story, of an outlet, within dates', async () => {
    const app = createApp(store, { token: undefined });
    assert.deepEqual(ids((await json(app, '/api/articles?story=s-levee')).body), ['a1', 'a2']);
    assert.deepEqual(ids((await json(app, '/api/articles?outlet=Valley%20Courier&to=2031-05-01')).body), ['a2']);
  });

  it('returns an entity with its roles and the dates they were seen', async () => {
    const app = createApp(store, { token: undefined });
    const { status, body } = await json(app, '/api/entities/e-varnholt');
    assert.equal(status, 200);
    assert.deepEqual((body as { roleHistory: unknown }).roleHistory, [
      { role: 'mayor', first: '2031-04-02', last: '2031-04-02', articles: ['a1'] },
    ]);
  });

  it('lists the mentions of an entity with their sentence and stories', async () => {
    const app = createApp(store, { token: undefined });
    const { status, body } = await json(app, '/api/entities/e-varnholt/mentions');
    assert.equal(status, 200);
    const view = body as { items: { article: string; text: string; sentence: string }[]; stories: { id: string }[] };
    assert.deepEqual(
      view.items.map((m) => [m.article, m.text]),
      [['a1', 'Ilse Varnholt']],
    );
    assert.equal(view.items[0]?.sentence, 'Mayor Ilse Varnholt said the levee held.');
    assert.deepEqual(
      view.stories.map((s) => s.id),
      ['s-levee'],
    );
    assert.equal((await json(app, '/api/entities/nobody/mentions')).status, 404);
  });
});

describe('OpenAPI document', () => {
  it('documents every route with the parameters its handler validates', async () => {
    const app = createApp(store, { token: undefined });
    const { status, body } = await json(app, '/api/openapi.json');
    assert.equal(status, 200);
    const doc = body as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string; required: boolean }[];
            requestBody?: unknown;
            responses: Record<string, unknown>;
          }
        >
      >;
      components: { schemas: Record<string, unknown> };
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const route of Object.values(apiSpec)) {
      const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
      assert.ok(doc.paths[path]?.[route.method], `${route.method} ${path} is documented`);
    }
    const stories = doc.paths['/api/stories']!.get!;
    assert.deepEqual(
      stories.parameters!.map((p) => p.name),
      ['limit', 'offset', 'q', 'outlet', 'from', 'to', 'entity'],
    );
    assert.ok(stories.parameters!.every((p) => p.in === 'query' && !p.required));
    assert.deepEqual(
      doc.paths['/api/stories/{id}']!.get!.parameters!.map((p) => [p.name, p.in, p.required]),
      [['id', 'path', true]],
    );
    assert.ok(doc.paths['/api/ingest']!.post!.requestBody);
    assert.deepEqual(Object.keys(doc.paths['/api/ingest']!.post!.responses).sort(), [
      '200',
      '400',
      '401',
      '403',
      '413',
      '415',
      '429',
      '500',
    ]);
    for (const name of ['Story', 'StorySummary', 'Article', 'Entity', 'SearchHit', 'Error'])
      assert.ok(doc.components.schemas[name], name);
    // Every $ref points at a component that exists.
    for (const ref of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
      assert.ok(doc.components.schemas[ref[1]!], ref[1]);
  });

  it('answers with bodies that match the documented response schemas', async () => {
    const app = createApp(store, { token: undefined });
    const paths: [keyof typeof apiSpec, string][] = [
      ['health', '/api/health'],
      ['listStories', '/api/stories'],
      ['getStory', '/api/stories/s-levee'],
      ['listArticles', '/api/articles'],
      ['getArticle', '/api/articles/a1'],
      ['listEntities', '/api/entities'],
      ['getEntity', '/api/entities/e-varnholt'],
      ['getEntityMentions', '/api/entities/e-varnholt/mentions'],
      ['search', '/api/search?q=levee'],
    ];
    for (const [key, path] of paths) {
      const { status, body } = await json(app, path);
      assert.equal(status, 200, path);
      const parsed = apiSpec[key].response.safeParse(body);
      assert.ok(parsed.success, `${path}: ${parsed.error?.message}`);
    }
  });
});

describe('POST /api/ingest', () => {
  const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer s3cret', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const article = {
    id: 'w1',
    text: 'Volunteers in Marrowvale stacked sandbags along the river on Tuesday.',
    outlet: 'Harbor Ledger',
    published: '2031-04-04',
  };

  it('is disabled, saying how to enable it, when no token is configured', async () => {
    const app = createApp(store, { token: undefined, ingest: stubIngest });
    const { status, body } = await json(app, '/api/ingest', post({ articles: [article] }));
    assert.equal(status, 403);
    const error = (body as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'WRITES_DISABLED');
    assert.match(error.message, /CROSSCHECK_TOKEN/);
  });

  it('requires the bearer token', async () => {
    const app = createApp(store, { token: 's3cret', ingest: stubIngest });
    for (const auth of [{ authorization: '' }, { authorization: 'Bearer wrong' }, { authorization: 'Basic s3cret' }]) {
      const { status, body, headers } = await json(app, '/api/ingest', post({ articles: [article] }, auth));
      assert.equal(status, 401, auth.authorization);
      assert.equal((body as { error: { code: string } }).error.code, 'UNAUTHORIZED');
      assert.match(headers.get('www-authenticate') ?? '', /Bearer/);
    }
    assert.equal((await json(app, '/api/ingest', post({ articles: [article] }))).status, 200);
  });

  it('refuses bodies that are not JSON, too large, or not articles', async () => {
    const app = createApp(store, {
      token: 's3cret',
      ingest: stubIngest,
      maxBodyBytes: 1000,
      writeLimiter: createRateLimiter({ burst: 100 }),
    });
    assert.equal((await json(app, '/api/ingest', post('x', { 'content-type': 'text/plain' }))).status, 415);
    const large = await json(app, '/api/ingest', post({ articles: [{ ...article, text: 'word '.repeat(500) }] }));
    assert.equal(large.status, 413);
    assert.equal((large.body as { error: { code: string } }).error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal((await json(app, '/api/ingest', post('{"articles": ['))).status, 400);
    const missing = await json(app, '/api/ingest', post({ articles: [{ id: 'w2' }] }));
    assert.equal(missing.status, 400);
    assert.match((missing.body as { error: { message: string } }).error.message, /articles\.0/);
    assert.equal((await json(app, '/api/ingest', post({ articles: [] }))).status, 400);
  });

  it('limits the rate of writes and says when to retry', async () => {
    let now = 0;
    const app = createApp(store, {
      token: 's3cret',
      ingest: stubIngest,
      writeLimiter: createRateLimiter({ burst: 2, perMinute: 6, now: () => now }),
    });
    assert.equal((await json(app, '/api/ingest', post({ articles: [article] }))).status, 200);
    assert.equal((await json(app, '/api/ingest', post({ articles: [article] }))).status, 200);
    const limited = await json(app, '/api/ingest', post({ articles: [article] }));
    assert.equal(limited.status, 429);
    assert.equal((limited.body as { error: { code: string } }).error.code, 'RATE_LIMITED');
    assert.equal(limited.headers.get('retry-after'), '10');
    now += 10_000;
    assert.equal((await json(app, '/api/ingest', post({ articles: [article] }))).status, 200);
    // Reads are never limited.
    for (let i = 0; i < 5; i++) assert.equal((await app.request('/api/health')).status, 200);
  });

  it('runs the pipeline on posted articles, stores them and regroups stories', async () => {
    const own = await openStore(':memory:');
    try {
      const app = createApp(own, { token: 's3cret' });
      const second = {
        ...article,
        id: 'w2',
        outlet: 'Valley Courier',
        text: 'Volunteers in Marrowvale stacked sandbags along the river on Tuesday, officials said.',
      };
      const { status, body } = await json(app, '/api/ingest', post({ articles: [article, second] }));
      assert.equal(status, 200, JSON.stringify(body));
      assert.deepEqual(body, {
        added: ['w1', 'w2'],
        existing: [],
        failed: [],
        articles: 2,
        stories: (body as { stories: number }).stories,
      });
      assert.ok((body as { stories: number }).stories >= 1);
      const stored = (await json(app, '/api/articles/w1')).body as { text: string; dates: { value: string }[] };
      assert.match(stored.text, /sandbags/);
      assert.deepEqual(
        stored.dates.map((d) => d.value),
        ['2031-04-01'],
      );
      const again = await json(app, '/api/ingest', post({ articles: [article] }));
      assert.deepEqual((again.body as { existing: string[] }).existing, ['w1']);
    } finally {
      await own.close();
    }
  });
});

describe('GET /api/dead-letters', () => {
  it('answers 404 on SQLite, saying the job queue needs PostgreSQL', async () => {
    const app = createApp(store, { token: undefined });
    const { status, body } = await json(app, '/api/dead-letters');
    assert.equal(status, 404);
    assert.equal((body as { error: { code: string } }).error.code, 'NOT_FOUND');
    assert.match((body as { error: { message: string } }).error.message, /job queue, which needs PostgreSQL/);
  });

  it('pages the dead letters of a PostgreSQL queue, newest first', async (t) => {
    const skip = await postgresUnavailable();
    if (skip) return t.skip(skip);
    const where = { databaseUrl: TEST_DATABASE_URL, schema: testSchemaName() };
    const pgStore = await openPostgresStore(TEST_DATABASE_URL, { schema: where.schema });
    try {
      // Straight into the dead-letter queue, as the worker's last failed attempt would put them.
      const boss = await startBoss(resolveQueue(where), {}, { supervise: false });
      try {
        for (const id of ['broken-1', 'broken-2', 'broken-3']) await boss.send(DEAD_LETTER_QUEUE, { id, source: `${id}.html` });
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
      const app = createApp(pgStore, { token: undefined, deadLetters: (page) => pageDeadLetters(where, page) });
      const first = await json(app, '/api/dead-letters?limit=2');
      assert.equal(first.status, 200);
      const parsed = apiSpec.listDeadLetters.response.safeParse(first.body);
      assert.ok(parsed.success, parsed.error?.message);
      assert.equal(parsed.data.total, 3);
      assert.equal(parsed.data.items.length, 2);
      const rest = (await json(app, '/api/dead-letters?limit=2&offset=2')).body as { items: { article: string; source: string }[] };
      const all = [...parsed.data.items, ...rest.items];
      assert.deepEqual(all.map((l) => l.article).sort(), ['broken-1', 'broken-2', 'broken-3']);
      assert.equal(all.find((l) => l.article === 'broken-2')?.source, 'broken-2.html');
      assert.equal((await json(app, '/api/dead-letters?limit=0')).status, 400);
    } finally {
      await pgStore.close();
      await dropSchemas([where.schema, `${where.schema}_queue`]);
    }
  });
});

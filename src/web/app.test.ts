import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../model/doc.js';
import type { Story } from '../model/story.js';
import { openStore } from '../storage/open-store.js';
import { contractDoc } from '../storage/store-contract.js';
import type { Store } from '../storage/store.js';
import { createApp, CONTENT_SECURITY_POLICY } from './app.js';

const XSS = '<script>alert(1)</script>';

const docs: Doc[] = [
  contractDoc('a1', {
    title: 'Levee holds in Marrowvale',
    outlet: 'Harbor Ledger',
    published: '2031-04-02',
    text: 'Engineers said the northern levee held overnight.\n\nVolunteers stacked sandbags.',
  }),
  contractDoc('a2', {
    title: XSS,
    outlet: `<img src=x onerror=alert(2)>`,
    byline: [`"><script>alert(3)</script>`],
    published: '2031-04-03',
    text: `Residents wrote ${XSS} on a sign near the levee.`,
  }),
];

const stories: Story[] = [
  {
    id: 's-levee',
    title: 'Marrowvale levee',
    articles: ['a1', 'a2'],
    timeline: [{ date: '2031-04-01', text: 'The river crested', articles: ['a1'] }],
    quotes: [
      { text: `we held the line ${XSS}`, speaker: 'e-varnholt', articles: ['a1', 'a2'] },
      { text: 'nobody inspected the levee this year', speaker: null, speakerText: `a senior engineer ${XSS}`, sourceKind: 'anonymous', articles: ['a1'] },
    ],
    discrepancies: [
      {
        about: 'sandbags stacked',
        values: [
          { value: 12000, text: '12,000 sandbags', article: 'a1' },
          { value: 15000, text: '15,000 sandbags', article: 'a2' },
        ],
      },
    ],
  },
  { id: `s-${XSS}`, title: XSS, articles: ['a2'], timeline: [], quotes: [], discrepancies: [] },
];

let store: Store;
let app: ReturnType<typeof createApp>;
const logged: unknown[] = [];

before(async () => {
  store = await openStore(':memory:');
  for (const doc of docs) await store.saveArticle(doc);
  await store.saveCorpus({
    docs,
    entities: [{ id: 'e-varnholt', name: 'Ilse Varnholt', type: 'PERSON', aliases: [], roles: ['mayor'], articles: ['a1'] }],
    stories,
  });
  app = createApp(store, { onError: (error) => logged.push(error) });
});
after(() => store.close());

async function text(path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await app.request(path);
  return { status: response.status, body: await response.text(), headers: response.headers };
}

describe('web pages', () => {
  it('lists stories with article count, outlets, dates and discrepancies', async () => {
    const { status, body, headers } = await text('/');
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /text\/html/);
    assert.match(body, /<a href="\/stories\/s-levee">Marrowvale levee<\/a>/);
    assert.match(body, /<td class="num">2<\/td>/);
    assert.match(body, /Harbor Ledger/);
    assert.match(body, /2031-04-02 – 2031-04-03/);
  });

  it('escapes untrusted titles, outlets, bylines, quotes and text on every page', async () => {
    for (const path of [
      '/',
      '/stories/s-levee',
      `/stories/${encodeURIComponent(`s-${XSS}`)}`,
      '/articles/a2',
      '/search?q=sign',
    ]) {
      const { status, body } = await text(path);
      assert.equal(status, 200, path);
      assert.doesNotMatch(body, /<script/i, path);
      assert.doesNotMatch(body, /<img/i, path);
    }
    assert.match((await text('/')).body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const article = (await text('/articles/a2')).body;
    assert.match(article, /&quot;&gt;&lt;script&gt;alert\(3\)/);
    assert.match(article, /Residents wrote &lt;script&gt;/);
  });

  it('shows a story with its articles, timeline, quotes and discrepancies', async () => {
    const { body } = await text('/stories/s-levee');
    assert.match(body, /<h1>Marrowvale levee<\/h1>/);
    assert.match(body, /<a href="\/articles\/a1">Levee holds in Marrowvale<\/a>/);
    assert.match(body, /The river crested/);
    assert.match(body, /Ilse Varnholt/);
    assert.match(body, /12,000/);
    assert.match(body, /15,000 sandbags/);
    // An unnamed source as the outlets wrote it, escaped, and marked as anonymous (#6).
    assert.match(body, /a senior engineer &lt;script&gt;alert\(1\)&lt;\/script&gt; <span class="muted">\(anonymous source\)<\/span>/);
  });

  it('highlights search matches in escaped snippets', async () => {
    const { body } = await text('/search?q=sandbags');
    assert.match(body, /<mark>sandbags<\/mark>/);
  });

  it('answers an unknown page or story with a 404 page', async () => {
    const missing = await text('/no/such/page');
    assert.equal(missing.status, 404);
    assert.match(missing.body, /Not found/);
    const story = await text(`/stories/${encodeURIComponent(XSS)}`);
    assert.equal(story.status, 404);
    assert.doesNotMatch(story.body, /<script/);
  });

  it('sends a strict Content-Security-Policy on pages, API and errors', async () => {
    for (const path of ['/', '/api/stories', '/nope', '/api/nope', '/static/app.css']) {
      const { headers } = await text(path);
      assert.equal(headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', path);
    }
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /script-src|unsafe-inline/);
  });

  it('serves the stylesheet the pages link to', async () => {
    const { status, body, headers } = await text('/static/app.css');
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /text\/css/);
    assert.match(body, /table/);
    assert.match((await text('/')).body, /<link rel="stylesheet" href="\/static\/app.css">/);
  });
});

describe('JSON API', () => {
  it('reports health with counts', async () => {
    const response = await app.request('/api/health');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      status: 'ok',
      articles: 2,
      failedArticles: 0,
      stories: 2,
      entities: 1,
      outlets: 2,
    });
  });

  it('pages stories and validates the paging parameters', async () => {
    const page = (await (await app.request('/api/stories?limit=1&offset=0')).json()) as {
      total: number;
      items: { id: string }[];
    };
    assert.equal(page.total, 2);
    assert.equal(page.items.length, 1);
    const bad = await app.request('/api/stories?limit=-3&offset=x');
    assert.equal(bad.status, 400);
    const error = (await bad.json()) as { error: { code: string; message: string } };
    assert.equal(error.error.code, 'INVALID_REQUEST');
    assert.match(error.error.message, /limit/);
    assert.match(error.error.message, /offset/);
  });

  it('returns a story, an article and an entity in the report shapes', async () => {
    assert.deepEqual(await (await app.request('/api/stories/s-levee')).json(), stories[0]);
    const article = (await (await app.request('/api/articles/a2')).json()) as { title: string; text: string };
    assert.equal(article.title, XSS);
    assert.equal(article.text, docs[1]!.text);
    const entity = (await (await app.request('/api/entities/e-varnholt')).json()) as { name: string };
    assert.equal(entity.name, 'Ilse Varnholt');
  });

  it('answers unknown ids and routes with a JSON 404', async () => {
    for (const path of ['/api/stories/nope', '/api/articles/nope', '/api/entities/nope', '/api/nope']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      const body = (await response.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'NOT_FOUND', path);
    }
  });

  it('searches articles and requires a query', async () => {
    const found = (await (await app.request('/api/search?q=levee%20engineers')).json()) as {
      items: { article: string; snippet: string }[];
    };
    assert.deepEqual(
      found.items.map((h) => h.article),
      ['a1'],
    );
    const missing = await app.request('/api/search');
    assert.equal(missing.status, 400);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'INVALID_REQUEST');
  });

  it('hides the details of unexpected failures from the client but reports them', async () => {
    // Only stats() is reached on /api/health.
    const broken = createApp(
      { ...store, stats: () => Promise.reject(new Error('disk exploded at /secret/path')) },
      { onError: (e) => logged.push(e) },
    );
    const response = await broken.request('/api/health');
    assert.equal(response.status, 500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'INTERNAL');
    assert.doesNotMatch(body.error.message, /secret/);
    assert.ok(logged.some((e) => e instanceof Error && e.message.includes('disk exploded')));
  });
});

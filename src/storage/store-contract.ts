import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc } from '../model/doc.js';
import { isCrosscheckError } from '../model/errors.js';
import type { Corpus, Entity, Story } from '../model/story.js';
import type { Store } from './store.js';

/**
 * Opens a store for a contract test. Without an argument: a new, empty store.
 * With a key: a store over the same database as every other call with that
 * key, so tests can reopen it or hold two handles on it at once.
 */
export type MakeStore = (shared?: string) => Promise<Store>;

/** Invented articles: a flood in a fictional river town, told by three outlets. */
export function contractDoc(id: string, fields: Partial<Doc> = {}): Doc {
  const base = newDoc(id, `fixtures/${id}.txt`, { clean: true, text: 'raw input' });
  return {
    ...base,
    text: `Floodwaters rose in Marrowvale on Tuesday. Officials counted ${id.length} damaged bridges.`,
    title: `Marrowvale flood report ${id}`,
    outlet: 'Harbor Ledger',
    published: '2031-04-02',
    language: 'en',
    ...fields,
  };
}

/** A Doc with every field and layer filled, non-BMP text included, to catch lossy columns. */
export function fullContractDoc(): Doc {
  const text = 'Mayor Ilse Varnholt said "we lost 1,240 homes 🌊" on Tuesday, according to the Marrowvale council.';
  return {
    id: 'full-1',
    source: 'https://news.example.test/marrowvale/full-1',
    raw: { html: '<p>Mayor Ilse Varnholt said…</p>', url: 'https://news.example.test/marrowvale/full-1', title: 'Raw title', outlet: 'Raw outlet', byline: ['A. Reporter'], published: '2031-04-03', clean: true, referenceDate: '2031-04-03' },
    text,
    removed: [{ text: 'Share this story', reason: 'share-widget' }],
    title: 'Mayor: "we lost 1,240 homes"',
    byline: ['Tamsin Okoro', 'Pell Idris'],
    outlet: 'Valley Courier',
    published: '2031-04-03',
    publishedFrom: 'meta',
    language: 'en',
    extractedBy: 'readability',
    sentences: [{ start: 0, end: text.length }],
    tokens: [{ start: 0, end: 5, pos: 'PROPN' }, { start: 6, end: 10 }],
    mentions: [{ start: 6, end: 20, text: 'Ilse Varnholt', type: 'PERSON', entity: null, title: 'Mayor' }],
    quotes: [{ start: 27, end: 50, text: 'we lost 1,240 homes 🌊', speaker: null, speakerText: 'Mayor Ilse Varnholt', speakerSpan: { start: 0, end: 19 }, direct: true, cue: 'said', partial: false }],
    figures: [{ start: 35, end: 46, text: '1,240 homes', value: 1240, high: 1300, qualifier: null, unit: 'homes', about: 'homes lost', source: null, sourceText: 'the Marrowvale council', sourceSpan: { start: 77, end: 99 } }],
    dates: [{ start: 54, end: 64, text: 'on Tuesday', value: '2031-04-01' }],
    messages: [{ severity: 'warning', text: 'short body', rule: 'clean/short-body', stage: 'clean', span: { start: 0, end: 5 } }],
    failed: false,
  };
}

const entities: Entity[] = [
  {
    id: 'e-varnholt',
    name: 'Ilse Varnholt',
    type: 'PERSON',
    aliases: ['Varnholt', 'Mayor Varnholt'],
    roles: ['mayor'],
    articles: ['a1', 'a2'],
    roleHistory: [{ role: 'mayor', first: '2031-04-02', last: null, articles: ['a1', 'a2'] }],
  },
  { id: 'e-council', name: 'Marrowvale council', type: 'ORG', aliases: [], roles: [], articles: ['a2'] },
];

function floodStory(articles: readonly string[]): Story {
  return {
    id: 's-flood',
    title: 'Marrowvale flood',
    articles,
    timeline: [{ date: '2031-04-01', text: 'Floodwaters rose', articles: ['a1'], evidence: [{ article: 'a1', start: 0, end: 16 }] }],
    quotes: [{ text: 'we lost homes', speaker: 'e-varnholt', articles: ['a1', 'a2'], variants: [{ text: 'we lost our homes', articles: ['a2'] }] }],
    discrepancies: [
      { about: 'homes lost', values: [{ value: 1240, text: '1,240 homes', article: 'a1', start: 1, end: 5 }, { value: 1300, text: '1,300 homes', article: 'a2', qualifier: 'about' }], kind: 'conflict' },
    ],
    copies: [{ article: 'a3', of: 'a1', similarity: 0.93 }],
  };
}

function floodCorpus(docs: readonly Doc[]): Corpus {
  return { docs, entities, stories: [floodStory(['a1', 'a2', 'a3'])] };
}

async function withStore<T>(makeStore: MakeStore, work: (store: Store) => Promise<T>, shared?: string): Promise<T> {
  const store = await makeStore(shared);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The behaviour every Store must show, whatever the database behind it. */
export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    it('saves an article once and reports a second save as existing', () =>
      withStore(makeStore, async (store) => {
        assert.equal(await store.hasArticle('a1'), false);
        assert.equal(await store.saveArticle(contractDoc('a1')), 'inserted');
        assert.equal(await store.saveArticle(contractDoc('a1')), 'existing');
        assert.equal(await store.hasArticle('a1'), true);
        assert.equal((await store.loadArticles()).length, 1);
      }));

    it('never overwrites a stored article with a different one of the same id', () =>
      withStore(makeStore, async (store) => {
        await store.saveArticle(contractDoc('a1', { title: 'First version' }));
        assert.equal(await store.saveArticle(contractDoc('a1', { title: 'Second version' })), 'existing');
        assert.equal((await store.getArticle('a1'))?.title, 'First version');
      }));

    it('returns every field and layer of a saved article unchanged', () =>
      withStore(makeStore, async (store) => {
        const full = fullContractDoc();
        const minimal = newDoc('minimal-1', 'pasted', { clean: false });
        const extended = { ...contractDoc('ext-1'), futureLayer: [{ start: 0, end: 4, note: 'added to the model later' }] } as Doc;
        for (const doc of [full, minimal, extended]) await store.saveArticle(doc);
        assert.deepEqual(await store.getArticle('full-1'), full);
        assert.deepEqual(await store.getArticle('minimal-1'), minimal);
        assert.deepEqual(await store.getArticle('ext-1'), extended);
        assert.deepEqual(await store.loadArticles(), [full, minimal, extended]);
        assert.equal(await store.getArticle('nope'), null);
      }));

    it('reads many articles and entities at once, leaving unknown ids out', () =>
      withStore(makeStore, async (store) => {
        const docs = [contractDoc('a1'), contractDoc('a2'), contractDoc('a3')];
        await store.saveCorpus(floodCorpus(docs));
        const read = await store.getArticles(['a3', 'nope', 'a1', 'a1']);
        assert.deepEqual([...read.keys()].sort(), ['a1', 'a3']);
        assert.deepEqual(read.get('a1'), await store.getArticle('a1'));
        assert.equal((await store.getArticles([])).size, 0);
        const found = await store.getEntities(['e-varnholt', 'nope']);
        assert.deepEqual([...found.keys()], ['e-varnholt']);
        assert.deepEqual(found.get('e-varnholt'), await store.getEntity('e-varnholt'));
      }));

    it('keeps a failed article and counts it as failed', () =>
      withStore(makeStore, async (store) => {
        await store.saveArticle(contractDoc('bad', { failed: true }));
        await store.saveArticle(contractDoc('good'));
        assert.equal((await store.getArticle('bad'))?.failed, true);
        const stats = await store.stats();
        assert.equal(stats.articles, 2);
        assert.equal(stats.failedArticles, 1);
        const listed = await store.listArticles({ limit: 10, offset: 0 });
        assert.deepEqual(listed.items.map((a) => [a.id, a.failed]).sort(), [['bad', true], ['good', false]]);
      }));

    it('saves stories and entities and summarises each story', () =>
      withStore(makeStore, async (store) => {
        const docs = [
          contractDoc('a1', { published: '2031-04-02', outlet: 'Harbor Ledger' }),
          contractDoc('a2', { published: '2031-04-05', outlet: 'Valley Courier' }),
          contractDoc('a3', { published: null, outlet: 'Harbor Ledger' }),
        ];
        for (const doc of docs) await store.saveArticle(doc);
        await store.saveCorpus(floodCorpus(docs));
        assert.deepEqual(await store.getStory('s-flood'), floodStory(['a1', 'a2', 'a3']));
        assert.deepEqual(await store.getEntity('e-varnholt'), entities[0]);
        assert.equal(await store.getStory('missing'), null);
        const page = await store.listStories({ limit: 10, offset: 0 });
        assert.equal(page.total, 1);
        assert.deepEqual(page.items[0], {
          id: 's-flood',
          title: 'Marrowvale flood',
          articleCount: 3,
          outlets: ['Harbor Ledger', 'Valley Courier'],
          firstPublished: '2031-04-02',
          lastPublished: '2031-04-05',
          discrepancyCount: 1,
        });
        const inStory = await store.listArticles({ limit: 10, offset: 0, story: 's-flood' });
        assert.deepEqual(inStory.items.map((a) => a.id), ['a1', 'a2', 'a3']);
        const stats = await store.stats();
        assert.deepEqual([stats.stories, stats.entities, stats.outlets], [1, 2, 2]);
      }));

    it('writes the entity ids, speakers and sources that story stages fill into stored articles', () =>
      withStore(makeStore, async (store) => {
        const before = fullContractDoc();
        await store.saveArticle(before);
        const after: Doc = {
          ...before,
          mentions: before.mentions.map((m) => ({ ...m, entity: 'e-varnholt' })),
          quotes: before.quotes.map((q) => ({ ...q, speaker: 'e-varnholt' })),
          figures: before.figures.map((f) => ({ ...f, source: 'e-council' })),
        };
        await store.saveCorpus({ docs: [after], entities, stories: [] });
        assert.deepEqual(await store.getArticle(before.id), after);
      }));

    it('saves corpus articles that were not stored yet', () =>
      withStore(makeStore, async (store) => {
        const docs = [contractDoc('a1'), contractDoc('a2'), contractDoc('a3')];
        await store.saveCorpus(floodCorpus(docs));
        assert.deepEqual(await store.loadArticles(), docs);
      }));

    it('replaces the previous stories and entities on each saveCorpus', () =>
      withStore(makeStore, async (store) => {
        const docs = [contractDoc('a1'), contractDoc('a2'), contractDoc('a3')];
        await store.saveCorpus(floodCorpus(docs));
        const split: Story[] = [
          { id: 's-rain', title: 'Rain warning', articles: ['a1'], timeline: [], quotes: [], discrepancies: [] },
          { id: 's-bridges', title: 'Bridges closed', articles: ['a2', 'a3'], timeline: [], quotes: [], discrepancies: [] },
        ];
        await store.saveCorpus({ docs, entities: [entities[1]!], stories: split });
        assert.equal(await store.getStory('s-flood'), null);
        assert.equal(await store.getEntity('e-varnholt'), null);
        const page = await store.listStories({ limit: 10, offset: 0 });
        assert.deepEqual(page.items.map((s) => s.id).sort(), ['s-bridges', 's-rain']);
        assert.deepEqual(await store.getStory('s-bridges'), split[1]);
        assert.equal((await store.listEntities({ limit: 10, offset: 0 })).total, 1);
        assert.equal((await store.loadArticles()).length, 3);
      }));

    it('rejects a story citing an unknown article and keeps the previous stories', () =>
      withStore(makeStore, async (store) => {
        const docs = [contractDoc('a1'), contractDoc('a2'), contractDoc('a3')];
        await store.saveCorpus(floodCorpus(docs));
        const broken: Story = { id: 's-ghost', title: 'Ghost', articles: ['a1', 'never-saved'], timeline: [], quotes: [], discrepancies: [] };
        await assert.rejects(store.saveCorpus({ docs: [], entities: [], stories: [broken] }), (error) => {
          assert.ok(isCrosscheckError(error));
          assert.equal(error.code, 'STORE_FAILED');
          assert.match(error.message, /never-saved/);
          return true;
        });
        assert.ok(await store.getStory('s-flood'));
        assert.equal(await store.getStory('s-ghost'), null);
        assert.equal((await store.listEntities({ limit: 10, offset: 0 })).total, 2);
      }));

    it('pages and filters stories and entities', () =>
      withStore(makeStore, async (store) => {
        const docs = [contractDoc('a1', { published: '2031-04-0' + '1' }), contractDoc('a2', { published: '2031-04-09' })];
        const stories: Story[] = ['Levee breach', 'Levee repair', 'School reopens'].map((title, i) => ({
          id: `s${i}`,
          title,
          articles: [i === 1 ? 'a2' : 'a1'],
          timeline: [],
          quotes: [],
          discrepancies: [],
        }));
        await store.saveCorpus({ docs, entities, stories });
        const first = await store.listStories({ limit: 2, offset: 0 });
        assert.equal(first.total, 3);
        assert.equal(first.items.length, 2);
        // Most recent news first.
        assert.equal(first.items[0]?.id, 's1');
        const rest = await store.listStories({ limit: 2, offset: 2 });
        assert.equal(rest.items.length, 1);
        const levee = await store.listStories({ limit: 10, offset: 0, query: 'LEVEE' });
        assert.deepEqual(levee.items.map((s) => s.id).sort(), ['s0', 's1']);
        assert.equal((await store.listStories({ limit: 10, offset: 0, query: '100%_' })).total, 0);
        const people = await store.listEntities({ limit: 10, offset: 0, query: 'varn' });
        assert.deepEqual(people.items.map((e) => e.id), ['e-varnholt']);
      }));

    it('filters stories by outlet, report date range and entity, and articles by outlet and date', () =>
      withStore(makeStore, async (store) => {
        const docs = [
          contractDoc('a1', { outlet: 'Harbor Ledger', published: '2031-04-01' }),
          contractDoc('a2', { outlet: 'Valley Courier', published: '2031-04-09' }),
          contractDoc('a3', { outlet: 'Valley Courier', published: '2031-05-20' }),
        ];
        const story = (id: string, articles: string[]): Story => ({ id, title: id, articles, timeline: [], quotes: [], discrepancies: [] });
        // entities[1] (e-council) is mentioned in a2 only.
        await store.saveCorpus({ docs, entities, stories: [story('s-early', ['a1', 'a2']), story('s-late', ['a3'])] });
        const ids = async (options: Parameters<Store['listStories']>[0]) => (await store.listStories(options)).items.map((s) => s.id).sort();
        const page = { limit: 10, offset: 0 };
        assert.deepEqual(await ids({ ...page, outlet: 'Harbor Ledger' }), ['s-early']);
        assert.deepEqual(await ids({ ...page, outlet: 'Valley Courier' }), ['s-early', 's-late']);
        assert.deepEqual(await ids({ ...page, outlet: 'Harbor' }), []);
        assert.deepEqual(await ids({ ...page, from: '2031-04-05', to: '2031-04-30' }), ['s-early']);
        assert.deepEqual(await ids({ ...page, from: '2031-05-01' }), ['s-late']);
        assert.deepEqual(await ids({ ...page, to: '2031-03-31' }), []);
        assert.deepEqual(await ids({ ...page, entity: 'e-council' }), ['s-early']);
        assert.deepEqual(await ids({ ...page, entity: 'e-nobody' }), []);
        assert.equal((await store.listStories({ ...page, outlet: 'Valley Courier', from: '2031-05-01' })).total, 1);
        const articles = await store.listArticles({ ...page, outlet: 'Valley Courier', from: '2031-04-02', to: '2031-04-30' });
        assert.deepEqual(articles.items.map((a) => a.id), ['a2']);
        const inStory = await store.listArticles({ ...page, story: 's-early', outlet: 'Harbor Ledger' });
        assert.deepEqual(inStory.items.map((a) => a.id), ['a1']);
      }));

    it('finds articles by the words of their title and text, with highlighted snippets', () =>
      withStore(makeStore, async (store) => {
        await store.saveArticle(contractDoc('a1', { title: 'Levee holds', text: 'Engineers said the northern levee held overnight despite record water.' }));
        await store.saveArticle(contractDoc('a2', { title: 'School closed', text: 'The Marrowvale school stays closed while volunteers pump water from the gym.' }));
        const hits = await store.search('volunteers', { limit: 10 });
        assert.deepEqual(hits.map((h) => h.article), ['a2']);
        const hit = hits[0]!;
        assert.equal(hit.title, 'School closed');
        assert.ok(hit.highlights.length > 0);
        assert.deepEqual(hit.highlights.map((s) => hit.snippet.slice(s.start, s.end)), ['volunteers']);
        assert.ok(![...hit.snippet].some((ch) => ch < ' '), 'snippet carries no match markers');
        // Stemming: "pumping" finds "pump"; every word must match.
        assert.deepEqual((await store.search('pumping gym', { limit: 10 })).map((h) => h.article), ['a2']);
        assert.deepEqual((await store.search('water', { limit: 10 })).map((h) => h.article).sort(), ['a1', 'a2']);
        assert.deepEqual(await store.search('volunteers levee', { limit: 10 }), []);
        assert.deepEqual(await store.search('earthquake', { limit: 10 }), []);
      }));

    it('treats search input as words, never as query syntax', () =>
      withStore(makeStore, async (store) => {
        await store.saveArticle(contractDoc('a1', { text: 'The levee held.' }));
        for (const odd of ['"', 'levee AND(', 'NEAR(levee', '*', '-levee', "levee' OR 1=1 --", '']) {
          await store.search(odd, { limit: 5 });
        }
        assert.deepEqual((await store.search('"levee', { limit: 5 })).map((h) => h.article), ['a1']);
        assert.deepEqual(await store.search('   ', { limit: 5 }), []);
      }));

    it('keeps committed articles when a batch stops before saveCorpus, and a re-run adds only the rest', async () => {
      const batch = ['c1', 'c2', 'c3', 'c4'].map((id) => contractDoc(id));
      await withStore(makeStore, async (store) => {
        await store.saveArticle(batch[0]!);
        await store.saveArticle(batch[1]!);
      }, 'crash');
      await withStore(makeStore, async (store) => {
        assert.equal(await store.hasArticle('c1'), true);
        assert.equal(await store.hasArticle('c3'), false);
        const outcomes = [];
        for (const doc of batch) outcomes.push(await store.saveArticle(doc));
        assert.deepEqual(outcomes, ['existing', 'existing', 'inserted', 'inserted']);
        assert.deepEqual(await store.loadArticles(), batch);
      }, 'crash');
    });

    it('regroups every stored article, and a regroup that raced another writer leaves none of its articles out', async () => {
      const a = await makeStore('regroup');
      const b = await makeStore('regroup');
      const oneStory = async (docs: Doc[]): Promise<Corpus> => ({ docs, entities: [], stories: [floodStory(docs.map((d) => d.id))] });
      try {
        await a.saveArticle(contractDoc('r1'));
        let release = (): void => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        // a reads [r1] and is held; meanwhile b saves r2 and regroups. PostgreSQL makes b wait for
        // a's story lock; SQLite lets b finish first, and a must not then write stories without r2.
        const first = a.regroupStories(async (docs) => {
          await held;
          return oneStory(docs);
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        await b.saveArticle(contractDoc('r2'));
        const second = b.regroupStories(oneStory);
        await Promise.race([second, new Promise((resolve) => setTimeout(resolve, 200))]);
        release();
        await Promise.all([first, second]);
        assert.deepEqual([...((await a.getStory('s-flood'))?.articles ?? [])].sort(), ['r1', 'r2']);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('lets two open handles on the same database write and read without corruption', async () => {
      const a = await makeStore('shared');
      const b = await makeStore('shared');
      try {
        const docs = Array.from({ length: 20 }, (_, i) => contractDoc(`p${i}`));
        // Both handles save every article, interleaved: each lands exactly once.
        const outcomes = await Promise.all(docs.flatMap((doc, i) => (i % 2 ? [a.saveArticle(doc), b.saveArticle(doc)] : [b.saveArticle(doc), a.saveArticle(doc)])));
        assert.equal(outcomes.filter((o) => o === 'inserted').length, docs.length);
        await Promise.all([a.saveCorpus({ docs: [], entities, stories: [floodStory(['p1', 'p2'])] }), b.listStories({ limit: 5, offset: 0 }), b.search('Marrowvale', { limit: 5 })]);
        assert.deepEqual(await b.getStory('s-flood'), floodStory(['p1', 'p2']));
        assert.equal((await b.loadArticles()).length, docs.length);
        assert.deepEqual((await a.stats()).articles, docs.length);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('refuses work once closed, with a store error', async () => {
      const store = await makeStore();
      await store.close();
      await store.close();
      await assert.rejects(store.hasArticle('a1'), (error) => isCrosscheckError(error) && error.code === 'STORE_FAILED');
    });
  });
}

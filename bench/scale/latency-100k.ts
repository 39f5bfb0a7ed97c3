// Story-page API latency with a store of 100,000 articles, on PostgreSQL and
// on SQLite: p50/p95 latency and requests/s of GET /api/stories/:id (random
// story ids, autocannon on loopback), plus how long the data took to load and
// how much room it takes. The articles are invented (towns, outlets, people and
// numbers from seeded lists) with small realistic layers, written straight
// through the Store with saveCorpus in batches — NOT through the pipeline: this
// measures reading stories back, not analysing articles.
// Usage: node --import tsx bench/scale/latency-100k.ts [--articles 100000] [--seconds 10] [--engines postgres,sqlite]
// PostgreSQL: $CROSSCHECK_BENCH_DATABASE_URL, else the local test server; a
// throw-away schema, dropped afterwards. SQLite: a temporary file, deleted afterwards.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import type { Doc } from '../../src/model/doc.js';
import type { Entity, Story } from '../../src/model/story.js';
import { openPostgresStore } from '../../src/storage/postgres-store.js';
import { openSqliteStore } from '../../src/storage/sqlite-store.js';
import { contractDoc } from '../../src/storage/store-contract.js';
import type { Store } from '../../src/storage/store.js';
import { serve } from '../../src/web/serve.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    engines: { type: 'string', default: 'postgres,sqlite' },
  },
});
const ARTICLES = Number(values.articles);
const SECONDS = Number(values.seconds);
/** Ten reports per story: a developing story covered by most outlets. */
const PER_STORY = 10;
/** Stories per saveCorpus call: 2,000 articles keep each transaction (and the memory held) small. */
const STORIES_PER_BATCH = 200;
const CONNECTIONS = 10;
const url = process.env.CROSSCHECK_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LOADER = fileURLToPath(new URL('./load-random-stories.ts', import.meta.url));

/** mulberry32, reseeded per engine so both stores hold the same articles. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS = ['Marrowvale', 'Port Vesna', 'Skarn', 'Brenna', 'Arvenholm', 'Lake Orsa', 'Tollby', 'Quenmark', 'Dewmere', 'Halford Cross'];
const EVENTS = ['flood', 'ferry accident', 'bridge collapse', 'wildfire', 'strike', 'power cut', 'landslide', 'factory fire'];
const OUTLETS = ['Harbor Ledger', 'Valley Courier', 'Coastline Press', 'Meridian Wire', 'Northgate Observer', 'The Brenna Courier', 'Daily Vesna', 'Quenmark Times', 'Skarn Post', 'Orsa Herald'];
const PEOPLE = ['Ilse Varnholt', 'Mirela Tadesse', 'Anton Keresz', 'Ruben Castellane', 'Tamsin Okoro', 'Pell Idris', 'Seren Achterberg'];
const FILLER = [
  'Crews worked through the night to reach the worst-hit streets.',
  'Schools in the district stayed closed while engineers checked the buildings.',
  'Volunteers opened a shelter in the community hall and handed out blankets.',
  'Roads into the area were closed and drivers were asked to stay away.',
  'Shop owners began counting losses that insurers have yet to assess.',
  'Relatives queued outside the town hall for news of the missing.',
  'The regional rail operator suspended services on two lines.',
  'Opposition councillors called for an independent review of the response.',
];

/** One invented article (about 1 KB of text) with a sentence layer, two mentions, a quote, a figure and a date. */
function article(id: string, story: number, k: number, rand: () => number, town: string, event: string, day: string): Doc {
  const dead = 20 + (story % 30) + (rand() < 0.3 ? Math.floor(rand() * 5) : 0);
  const person = PEOPLE[story % PEOPLE.length]!;
  const sentences = [
    `Officials in ${town} said ${dead} people died in the ${event} on Tuesday.`,
    `"We will not stop until every family has answers," ${person} said.`,
    ...Array.from({ length: 8 }, () => FILLER[Math.floor(rand() * FILLER.length)]!),
  ];
  const text = sentences.join(' ');
  const at = (s: string): number => text.indexOf(s);
  let offset = 0;
  const spans = sentences.map((s) => {
    const span = { start: offset, end: offset + s.length };
    offset += s.length + 1;
    return span;
  });
  const q = at('We will');
  const qEnd = at('answers') + 7;
  return contractDoc(id, {
    source: `bench/${id}`,
    title: `${dead} dead after ${event} in ${town}`,
    outlet: OUTLETS[(story + k) % OUTLETS.length]!,
    published: day,
    text,
    sentences: spans,
    mentions: [
      { start: at(town), end: at(town) + town.length, text: town, type: 'LOC', entity: `e-town-${TOWNS.indexOf(town)}` },
      { start: at(person), end: at(person) + person.length, text: person, type: 'PERSON', entity: `e-person-${story % PEOPLE.length}` },
    ],
    quotes: [{ start: q, end: qEnd, text: text.slice(q, qEnd), speaker: `e-person-${story % PEOPLE.length}`, speakerText: person, direct: true }],
    figures: [{ start: at(String(dead)), end: at(' people') + 7, text: `${dead} people`, value: dead, qualifier: null, unit: null, about: 'people died', source: null }],
    dates: [{ start: at('on Tuesday'), end: at('on Tuesday') + 10, text: 'on Tuesday', value: day }],
  });
}

/** The story built over its articles the way the story stages would: timeline, merged quote, figure discrepancy. */
function storyOf(s: number, town: string, event: string, members: readonly Doc[]): Story {
  const ids = members.map((d) => d.id);
  const values = members.map((d) => ({ value: d.figures[0]!.value, text: d.figures[0]!.text, article: d.id, start: d.figures[0]!.start, end: d.figures[0]!.end }));
  const distinct = [...new Set(values.map((v) => v.value))];
  return {
    id: `s-${s}`,
    title: `${town} ${event}`,
    articles: ids,
    timeline: members.map((d) => ({ date: d.published!, text: d.text.slice(0, 70), articles: [d.id], evidence: [{ article: d.id, ...d.dates[0]! }] })),
    quotes: [{ text: members[0]!.quotes[0]!.text, speaker: members[0]!.quotes[0]!.speaker, articles: ids, evidence: members.map((d) => ({ article: d.id, start: d.quotes[0]!.start, end: d.quotes[0]!.end })) }],
    discrepancies: distinct.length > 1 ? [{ about: 'people died', values, kind: 'conflict', note: `conflict: ${distinct.join(' vs ')}` }] : [],
    copies: [],
  };
}

/**
 * Writes the articles in batches (saveCorpus with no stories: insert only),
 * then every story and entity in one last saveCorpus, which replaces the
 * story tables as a regroup would. Returns the story ids.
 */
async function fill(store: Store): Promise<string[]> {
  const rand = random(20310402);
  const storyCount = Math.ceil(ARTICLES / PER_STORY);
  const stories: Story[] = [];
  const entityArticles = new Map<string, string[]>();
  let written = 0;
  for (let first = 0; first < storyCount; first += STORIES_PER_BATCH) {
    const docs: Doc[] = [];
    for (let s = first; s < Math.min(storyCount, first + STORIES_PER_BATCH); s++) {
      const town = TOWNS[s % TOWNS.length]!;
      const event = EVENTS[Math.floor(s / TOWNS.length) % EVENTS.length]!;
      const month = String(1 + (s % 12)).padStart(2, '0');
      const members: Doc[] = [];
      for (let k = 0; k < PER_STORY && written < ARTICLES; k++, written++) {
        const doc = article(`w-${written}`, s, k, rand, town, event, `2031-${month}-${String(1 + k).padStart(2, '0')}`);
        members.push(doc);
        for (const m of doc.mentions) entityArticles.set(m.entity!, [...(entityArticles.get(m.entity!) ?? []), doc.id]);
      }
      docs.push(...members);
      stories.push(storyOf(s, town, event, members));
    }
    await store.saveCorpus({ docs, entities: [], stories: [] });
  }
  const entities: Entity[] = [
    ...TOWNS.map((t, i): Entity => ({ id: `e-town-${i}`, name: t, type: 'LOC', aliases: [], roles: [], articles: entityArticles.get(`e-town-${i}`) ?? [] })),
    ...PEOPLE.map((p, i): Entity => ({ id: `e-person-${i}`, name: p, type: 'PERSON', aliases: [p.split(' ')[1]!], roles: ['spokesperson'], articles: entityArticles.get(`e-person-${i}`) ?? [] })),
  ];
  await store.saveCorpus({ docs: [], entities, stories });
  return stories.map((s) => s.id);
}

interface Load {
  readonly p50: number;
  readonly p95: number;
  readonly rps: number;
  readonly requests: number;
  readonly failures: number;
}

async function load(base: string, idsFile: string, seconds: number): Promise<Load> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', LOADER, base, idsFile, String(seconds), String(CONNECTIONS)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const r = JSON.parse(stdout) as { latency: { p50: number; p90: number; p97_5: number }; requests: { average: number; total: number }; errors: number; non2xx: number };
  // autocannon reports p90 and p97.5, not p95: interpolate between them.
  const p95 = r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * (95 - 90)) / (97.5 - 90);
  return { p50: r.latency.p50, p95, rps: r.requests.average, requests: r.requests.total, failures: r.errors + r.non2xx };
}

interface Row {
  readonly engine: string;
  readonly loadSeconds: number;
  readonly sizeMB: number;
  readonly articles: number;
  readonly stories: number;
  readonly result: Load;
}

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-latency-'));

async function measure(engine: string, store: Store, size: () => Promise<number>): Promise<Row> {
  const started = performance.now();
  const ids = await fill(store);
  const loadSeconds = (performance.now() - started) / 1000;
  const idsFile = join(dir, `${engine}-stories.txt`);
  writeFileSync(idsFile, `${ids.join('\n')}\n`);
  const stats = await store.stats();
  const server = await serve(store, { port: 0, host: '127.0.0.1', token: undefined });
  try {
    // A short warm-up (JIT, prepared statements, the first pages in cache) that is not reported.
    await load(server.url, idsFile, 2);
    return { engine, loadSeconds, sizeMB: (await size()) / 2 ** 20, articles: stats.articles, stories: stats.stories, result: await load(server.url, idsFile, SECONDS) };
  } finally {
    await server.close();
  }
}

async function postgresRun(): Promise<Row> {
  const schema = `cc_bench_${randomBytes(4).toString('hex')}`;
  const store = await openPostgresStore(url, { schema });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await measure('PostgreSQL', store, async () => {
      // Tables, their indexes and TOAST (the text and layers), as pg_total_relation_size counts them.
      const { rows } = await admin.query<{ bytes: string }>(
        `select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r'`,
        [schema],
      );
      return Number(rows[0]!.bytes);
    });
  } finally {
    await store.close();
    await admin.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`);
    await admin.end();
  }
}

async function sqliteRun(): Promise<Row> {
  const file = join(dir, 'latency.db');
  const store = await openSqliteStore(file);
  try {
    return await measure('SQLite', store, async () =>
      ['', '-wal'].reduce((bytes, suffix) => bytes + (statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0), 0),
    );
  } finally {
    await store.close();
  }
}

try {
  const rows: Row[] = [];
  for (const engine of values.engines.split(',')) {
    if (engine === 'postgres') rows.push(await postgresRun());
    else if (engine === 'sqlite') rows.push(await sqliteRun());
    else throw new Error(`--engines: expected postgres and/or sqlite, got "${engine}"`);
  }
  console.log(`GET /api/stories/:id, random story of ${PER_STORY} articles; autocannon -c ${CONNECTIONS} for ${SECONDS} s (after a 2 s warm-up) on 127.0.0.1; node ${process.version}\n`);
  console.log('| engine | articles | stories | load s (saveCorpus batches) | DB size MB | p50 ms | p95 ms | requests/s | requests | failures |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.engine} | ${r.articles} | ${r.stories} | ${r.loadSeconds.toFixed(1)} | ${r.sizeMB.toFixed(0)} | ${r.result.p50.toFixed(1)} | ${r.result.p95.toFixed(1)} | ${Math.round(r.result.rps)} | ${r.result.requests} | ${r.result.failures} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

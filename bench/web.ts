// Web API and page speed with a store of 10,000 articles: p50/p95 latency and
// requests/s of the story API and the story page under autocannon on
// loopback, plus the story page's weight. The articles are synthetic
// (invented towns, outlets and numbers) from a seeded generator, saved
// straight into a temporary SQLite store: the pipeline is not what is measured.
// Usage: node --import tsx bench/web.ts [--articles 10000] [--seconds 3]  (three runs of that many seconds)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Doc } from '../src/model/doc.js';
import type { Entity, Story } from '../src/model/story.js';
import { openStore } from '../src/storage/open-store.js';
import { contractDoc } from '../src/storage/store-contract.js';
import { serve } from '../src/web/serve.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, seconds: { type: 'string', default: '3' } } });
const ARTICLES = Number(values.articles);
const SECONDS = Number(values.seconds);
/** Ten reports per story: a developing story covered by most outlets. */
const PER_STORY = 10;

/** mulberry32: small, seeded, good enough to vary invented numbers. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(20310402);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const TOWNS = ['Marrowvale', 'Port Vesna', 'Skarn', 'Brenna', 'Arvenholm', 'Lake Orsa', 'Tollby', 'Quenmark'];
const EVENTS = ['flood', 'ferry accident', 'bridge collapse', 'wildfire', 'strike', 'power cut'];
const OUTLETS = ['Harbor Ledger', 'Valley Courier', 'Coastline Press', 'Meridian Wire', 'Northgate Observer', 'The Brenna Courier', 'Daily Vesna', 'Quenmark Times', 'Skarn Post', 'Orsa Herald'];
const PEOPLE = ['Ilse Varnholt', 'Mirela Tadesse', 'Anton Keresz', 'Ruben Castellane', 'Tamsin Okoro'];

function article(i: number, story: number, town: string, event: string, day: string): Doc {
  const dead = 20 + (story % 30) + (rand() < 0.3 ? Math.floor(rand() * 5) : 0);
  const person = PEOPLE[story % PEOPLE.length]!;
  const head = `Officials in ${town} said ${dead} people died in the ${event} on Tuesday. `;
  const quote = `"We will not stop until every family has answers," ${person} said. `;
  const filler = Array.from({ length: 8 }, () => `Residents of ${town} described the ${event} to reporters as ${pick(['sudden', 'long expected', 'frightening', 'slow'])}, and crews worked through the night. `).join('');
  const text = head + quote + filler;
  const at = (s: string, from = 0): number => text.indexOf(s, from);
  const q = at('We will');
  return contractDoc(`w-${i}`, {
    source: `bench/w-${i}`,
    title: `${dead} dead after ${event} in ${town}`,
    outlet: OUTLETS[i % OUTLETS.length]!,
    published: day,
    text,
    sentences: [{ start: 0, end: head.length - 1 }],
    mentions: [
      { start: at(town), end: at(town) + town.length, text: town, type: 'LOC', entity: `e-town-${TOWNS.indexOf(town)}` },
      { start: at(person), end: at(person) + person.length, text: person, type: 'PERSON', entity: `e-person-${story % PEOPLE.length}` },
    ],
    quotes: [{ start: q, end: at('answers') + 7, text: text.slice(q, at('answers') + 7), speaker: `e-person-${story % PEOPLE.length}`, speakerText: person, direct: true }],
    figures: [{ start: at(String(dead)), end: at(' people') + 7, text: `${dead} people`, value: dead, qualifier: null, unit: null, about: 'people died', source: null }],
    dates: [{ start: at('on Tuesday'), end: at('on Tuesday') + 10, text: 'on Tuesday', value: day }],
  });
}

function corpus(): { docs: Doc[]; stories: Story[]; entities: Entity[] } {
  const docs: Doc[] = [];
  const stories: Story[] = [];
  for (let s = 0; s * PER_STORY < ARTICLES; s++) {
    const town = TOWNS[s % TOWNS.length]!;
    const event = EVENTS[s % EVENTS.length]!;
    const month = String(1 + (s % 12)).padStart(2, '0');
    const ids: string[] = [];
    for (let k = 0; k < PER_STORY && docs.length < ARTICLES; k++) {
      const day = `2031-${month}-${String(1 + k).padStart(2, '0')}`;
      docs.push(article(docs.length, s, town, event, day));
      ids.push(docs.at(-1)!.id);
    }
    const members = docs.slice(-ids.length);
    const values = members.map((d) => ({ value: d.figures[0]!.value, text: d.figures[0]!.text, article: d.id, start: d.figures[0]!.start, end: d.figures[0]!.end }));
    const distinct = new Set(values.map((v) => v.value));
    stories.push({
      id: `s-${s}`,
      title: `${town} ${event}`,
      articles: ids,
      timeline: members.map((d) => ({ date: d.published!, text: d.text.slice(0, 60), articles: [d.id], evidence: [{ article: d.id, ...d.dates[0]! }] })),
      quotes: [{ text: members[0]!.quotes[0]!.text, speaker: members[0]!.quotes[0]!.speaker, articles: ids, evidence: members.map((d) => ({ article: d.id, start: d.quotes[0]!.start, end: d.quotes[0]!.end })) }],
      discrepancies: distinct.size > 1 ? [{ about: 'people died', values, kind: 'conflict', note: `conflict: ${[...distinct].join(' vs ')}` }] : [],
      copies: [],
    });
  }
  const entities: Entity[] = [
    ...TOWNS.map((t, i): Entity => ({ id: `e-town-${i}`, name: t, type: 'LOC', aliases: [], roles: [], articles: docs.filter((d) => d.mentions[0]!.text === t).map((d) => d.id) })),
    ...PEOPLE.map((p, i): Entity => ({ id: `e-person-${i}`, name: p, type: 'PERSON', aliases: [p.split(' ')[1]!], roles: ['spokesperson'], articles: docs.filter((d) => d.mentions[1]!.text === p).map((d) => d.id) })),
  ];
  return { docs, stories, entities };
}

interface Load {
  readonly p50: number;
  readonly p95: number;
  readonly rps: number;
  readonly errors: number;
  readonly non2xx: number;
}

/**
 * autocannon in its own process, so the load generator does not share the
 * server's event loop (and asynchronously: a sync spawn would block the server).
 */
async function load(url: string): Promise<Load> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const { stdout: out } = await promisify(execFile)(process.execPath, [cli, '-c', '10', '-d', String(SECONDS), '-j', url], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const r = JSON.parse(out) as { latency: { p50: number; p97_5: number; p90: number; p99: number }; requests: { average: number }; errors: number; non2xx: number; [k: string]: unknown };
  // autocannon reports p90 and p97.5, not p95: interpolate between them.
  const p95 = r.latency.p90 + ((r.latency.p97_5 - r.latency.p90) * (95 - 90)) / (97.5 - 90);
  return { p50: r.latency.p50, p95, rps: r.requests.average, errors: r.errors, non2xx: r.non2xx };
}

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-web-'));
const store = await openStore(join(dir, 'bench.db'));
try {
  const started = Date.now();
  const data = corpus();
  await store.saveCorpus(data);
  const fillSeconds = (Date.now() - started) / 1000;
  const stats = await store.stats();
  const server = await serve(store, { port: 0, host: '127.0.0.1', token: undefined });
  try {
    const story = data.stories[Math.floor(data.stories.length / 2)]!;
    const pageUrl = `${server.url}/stories/${story.id}`;
    const html = await (await fetch(pageUrl)).text();
    const css = await (await fetch(`${server.url}/static/app.css`)).text();
    const api = await load(`${server.url}/api/stories/${story.id}`);
    const page = await load(pageUrl);
    const list = await load(`${server.url}/api/stories?limit=50`);
    const ms = (n: number): string => n.toFixed(1);
    console.log(`store: ${stats.articles} articles, ${stats.stories} stories, ${stats.entities} entities (filled in ${fillSeconds.toFixed(1)} s); autocannon -c 10 -d ${SECONDS} on 127.0.0.1, node ${process.version}\n`);
    console.log('| request | p50 ms | p95 ms | requests/s | errors |');
    console.log('|---|---|---|---|---|');
    for (const [name, r] of [
      [`GET /api/stories/:id (${PER_STORY} articles)`, api],
      [`GET /stories/:id (HTML page)`, page],
      ['GET /api/stories?limit=50', list],
    ] as const) {
      console.log(`| ${name} | ${ms(r.p50)} | ${ms(r.p95)} | ${Math.round(r.rps)} | ${r.errors + r.non2xx} |`);
    }
    const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
    console.log(`\n| story page weight | bytes |\n|---|---|\n| HTML | ${bytes(html)} |\n| CSS (cached) | ${bytes(css)} |\n| total, no scripts or images | ${bytes(html) + bytes(css)} |`);
  } finally {
    await server.close();
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

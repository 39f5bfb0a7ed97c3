/**
 * The bundled sample corpus (`sample/`, all invented) run through the whole
 * pipeline and checked against its golden expectations
 * (`fixtures/sample/expected.json`): one test per article and layer, and one
 * per story-level expectation.
 *
 * Matching rules (kept lenient where v1 stages may legitimately differ, strict
 * where the corpus plants a trap):
 * - Text snippets are compared after normalising whitespace, curly quotes and
 *   dashes; `must` and `mustNot` are case-sensitive substrings. `everyArticle`
 *   lists junk that no article's text may contain.
 * - title / outlet / published: equal after the same normalisation.
 * - byline.must: each name is one byline entry; byline.mustNot: no entry
 *   contains the string (case-insensitive).
 * - mentions.must: a mention whose text equals `text` (titles such as "Gov."
 *   live in `mention.title`), of `type` when given; mentions.mustNot: no
 *   mention contains the string (case-insensitive), or, with a `type`, no
 *   mention of exactly that text has that type.
 * - quotes.must: a quote whose text contains `textContains` and whose
 *   speakerText, or speaker entity's name or aliases, contains
 *   `speakerContains` (case-insensitive); `direct` when given.
 * - figures.must: `value`; `qualifier` (one or a list of accepted words) when
 *   given; `aboutAny`: one word found in about, unit or text. figures.mustNot:
 *   no figure has that value (years, phone numbers, vote counts of widgets...).
 * - dates.must: a date mention containing `textContains` whose value starts
 *   with `value`.
 * - entities.must: an entity of `type` whose name and aliases include every
 *   one of `names` (case, hyphens and spaces ignored); `rolesAny`: one role
 *   contains one of them. entities.same: those mentions resolve to one entity.
 *   entities.distinct: no entity holds both names. entities.mustNot: no name or
 *   alias contains the string.
 * - Story expectations name a story by one of its articles (`story`).
 *   discrepancies.must: a discrepancy whose values include all `values`, whose
 *   `about` contains one of `aboutAny`, and whose `kind` (when the stage sets
 *   one) equals `kind`. discrepancies.mustNot: no discrepancy holds all `values`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Doc, EntityType } from '../model/doc.js';
import type { Span } from '../model/span.js';
import type { Corpus, Entity, Story } from '../model/story.js';
import type { InputItem } from '../input/input-item.js';
import { readInputs } from '../input/read-inputs.js';
import { analyze } from './run-pipeline.js';

interface MustMustNot<T> {
  readonly must?: readonly T[];
  readonly mustNot?: readonly T[];
}

interface MentionExpectation {
  readonly text: string;
  readonly type?: EntityType;
}

interface QuoteExpectation {
  readonly textContains: string;
  readonly speakerContains: string;
  readonly direct?: boolean;
}

interface FigureExpectation {
  readonly value: number;
  readonly qualifier?: string | readonly string[];
  readonly aboutAny?: readonly string[];
}

interface DateExpectation {
  readonly textContains: string;
  readonly value: string;
}

interface ArticleExpectation {
  readonly title?: string;
  readonly outlet?: string;
  readonly published?: string;
  readonly byline?: MustMustNot<string>;
  readonly text?: MustMustNot<string>;
  readonly mentions?: MustMustNot<MentionExpectation>;
  readonly quotes?: { readonly must?: readonly QuoteExpectation[] };
  readonly figures?: { readonly must?: readonly FigureExpectation[]; readonly mustNot?: readonly { readonly value: number }[] };
  readonly dates?: { readonly must?: readonly DateExpectation[] };
}

interface EntityExpectation {
  readonly names: readonly string[];
  readonly type?: EntityType;
  readonly rolesAny?: readonly string[];
}

interface DiscrepancyExpectation {
  readonly story: string;
  readonly values: readonly number[];
  readonly aboutAny?: readonly string[];
  readonly kind?: string;
}

interface Expected {
  readonly run: { readonly now: string };
  readonly everyArticle: { readonly text: { readonly mustNot: readonly string[] } };
  readonly articles: Readonly<Record<string, ArticleExpectation>>;
  readonly entities: {
    readonly must: readonly EntityExpectation[];
    readonly same: readonly (readonly { readonly article: string; readonly mention: string }[])[];
    readonly distinct: readonly (readonly [string, string])[];
    readonly mustNot: readonly string[];
  };
  readonly stories: {
    readonly count: number;
    readonly together: readonly (readonly string[])[];
    readonly apart: readonly (readonly string[])[];
    readonly copies: MustMustNot<{ readonly copy: string; readonly of: string }>;
    readonly discrepancies: {
      readonly must: readonly DiscrepancyExpectation[];
      readonly mustNot: readonly DiscrepancyExpectation[];
    };
    readonly quotesMerged: readonly {
      readonly story: string;
      readonly textContains: string;
      readonly speakerContains: string;
      readonly articles: readonly string[];
    }[];
    readonly timeline: {
      readonly must: readonly { readonly story: string; readonly date: string }[];
      readonly mustNot: readonly { readonly story: string; readonly datePrefix: string }[];
    };
  };
}

const SAMPLE_DIR = fileURLToPath(new URL('../../sample/', import.meta.url));
const expected = JSON.parse(readFileSync(new URL('../../fixtures/sample/expected.json', import.meta.url), 'utf8')) as Expected;

// ---------------------------------------------------------------------------
// Running the pipeline once for all tests of this file.

interface Analysed {
  readonly corpus: Corpus;
  /** Sample-relative path ("ferry-capsizing/x.html") -> doc. */
  readonly docs: ReadonlyMap<string, Doc>;
  /** Doc id -> sample-relative path. */
  readonly paths: ReadonlyMap<string, string>;
  readonly entities: ReadonlyMap<string, Entity>;
  readonly failures: readonly string[];
}

let analysed: Promise<Analysed> | undefined;

function load(): Promise<Analysed> {
  analysed ??= run();
  return analysed;
}

function samplePath(source: string): string {
  return relative(SAMPLE_DIR, resolve(source)).split(sep).join('/');
}

async function run(): Promise<Analysed> {
  const items: InputItem[] = [];
  const failures: string[] = [];
  for await (const result of readInputs([SAMPLE_DIR])) {
    if (result.ok) items.push(result.item);
    else failures.push(`${samplePath(result.failure.source)}: ${result.failure.code} ${result.failure.message}`);
  }
  const corpus = await analyze(items, { now: new Date(expected.run.now) });
  const docs = new Map<string, Doc>();
  const paths = new Map<string, string>();
  for (const doc of corpus.docs) {
    const path = samplePath(doc.source);
    docs.set(path, doc);
    paths.set(doc.id, path);
  }
  return { corpus, docs, paths, entities: new Map(corpus.entities.map((e) => [e.id, e])), failures };
}

async function docAt(path: string): Promise<{ doc: Doc; all: Analysed }> {
  const all = await load();
  const doc = all.docs.get(path);
  assert.ok(
    doc,
    `expected an article read from sample/${path}; found articles for: ${[...all.docs.keys()].join(', ') || 'none'}`,
  );
  return { doc, all };
}

// ---------------------------------------------------------------------------
// Matching helpers.

/** Whitespace, curly quotes and dashes as a cleaner may leave them. */
function norm(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Names compared without case, hyphens or spacing ("Al Mansouri" = "al-Mansouri"). */
function nameKey(name: string): string {
  return norm(name)
    .toLowerCase()
    .replace(/[\s-]+/g, ' ');
}

function lower(text: string | null | undefined): string {
  return norm(text ?? '').toLowerCase();
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function entityNames(entity: Entity | undefined): string[] {
  return entity ? [entity.name, ...entity.aliases] : [];
}

/** Where a snippet sits in the text, for failure messages. */
function around(text: string, snippet: string): string {
  const at = text.indexOf(snippet);
  return at < 0 ? '' : show(text.slice(Math.max(0, at - 60), at + snippet.length + 60));
}

function storyOf(all: Analysed, path: string): Story | undefined {
  const doc = all.docs.get(path);
  return doc ? all.corpus.stories.find((s) => s.articles.includes(doc.id)) : undefined;
}

function describeStories(all: Analysed): string {
  if (all.corpus.stories.length === 0) return 'no stories';
  return all.corpus.stories
    .map((s) => `${show(s.title)}: [${s.articles.map((id) => all.paths.get(id) ?? id).join(', ')}]`)
    .join('\n  ');
}

async function storyAt(path: string): Promise<{ story: Story; all: Analysed }> {
  const all = await load();
  const story = storyOf(all, path);
  assert.ok(story, `expected a story holding sample/${path}; found:\n  ${describeStories(all)}`);
  return { story, all };
}

function idOf(all: Analysed, path: string): string {
  const doc = all.docs.get(path);
  assert.ok(doc, `expected an article read from sample/${path}`);
  return doc.id;
}

// ---------------------------------------------------------------------------
// Reading the corpus.

test('sample corpus: every file is read, and every file has expectations', async () => {
  const all = await load();
  assert.deepEqual(all.failures, [], 'no sample file should fail to read');
  const read = [...all.docs.keys()].sort();
  const wanted = Object.keys(expected.articles).sort();
  assert.deepEqual(read, wanted, 'the articles read from sample/ are exactly those in fixtures/sample/expected.json');
  const failed = [...all.docs].filter(([, d]) => d.failed).map(([p, d]) => `${p}: ${d.messages.map((m) => m.text).join('; ')}`);
  assert.deepEqual(failed, [], 'no stage should fail on a sample article');
});

// ---------------------------------------------------------------------------
// Article layers.

for (const [path, want] of Object.entries(expected.articles)) {
  test(`${path}: every span's text is its slice of the clean text`, async () => {
    const { doc } = await docAt(path);
    const problems: string[] = [];
    const check = (layer: string, span: Span & { text?: string }): void => {
      if (!(
        Number.isInteger(span.start) &&
        Number.isInteger(span.end) &&
        0 <= span.start &&
        span.start <= span.end &&
        span.end <= doc.text.length
      )) {
        problems.push(`${layer} [${span.start}, ${span.end}) is outside the text (length ${doc.text.length})`);
      } else if (span.text !== undefined && doc.text.slice(span.start, span.end) !== span.text) {
        problems.push(`${layer} text ${show(span.text)} != slice ${show(doc.text.slice(span.start, span.end))}`);
      }
    };
    for (const s of doc.sentences) check('sentence', s);
    for (const t of doc.tokens) check('token', t);
    for (const m of doc.mentions) check('mention', m);
    for (const q of doc.quotes) {
      check('quote', q);
      if (q.speakerSpan) check('quote speakerSpan', q.speakerSpan);
    }
    for (const f of doc.figures) {
      check('figure', f);
      if (f.sourceSpan) check('figure sourceSpan', f.sourceSpan);
    }
    for (const d of doc.dates) check('date', d);
    assert.deepEqual(problems, [], `spans of ${path}`);
  });

  const textMustNot = [...expected.everyArticle.text.mustNot, ...(want.text?.mustNot ?? [])];
  test(`${path}: clean text keeps the article and drops the junk`, async () => {
    const { doc } = await docAt(path);
    const text = norm(doc.text);
    const missing = (want.text?.must ?? []).filter((s) => !text.includes(norm(s)));
    const kept = textMustNot.filter((s) => text.includes(norm(s))).map((s) => `${show(s)} at ${around(text, norm(s))}`);
    assert.ok(
      missing.length === 0 && kept.length === 0,
      `expected the text to contain ${show(missing)} and not contain:\n  ${kept.join('\n  ')}\n--- text found:\n${doc.text}`,
    );
  });

  test(`${path}: what was removed is kept, with a reason`, async () => {
    const { doc } = await docAt(path);
    // Every sample page carries comments, share widgets or credits, so something must have been removed.
    assert.ok(doc.removed.length > 0, `expected removed blocks for ${path}; found none`);
    const unexplained = doc.removed.filter((r) => r.text.trim() === '' || r.reason.trim() === '').map((r) => show(r));
    assert.deepEqual(unexplained, [], 'every removed block has text and a reason');
    const removed = norm(doc.removed.map((r) => r.text).join(' '));
    assert.ok(
      removed.includes('Make $500 a day') || !/Make \$500 a day/.test(doc.raw.html ?? doc.raw.text ?? ''),
      'the spam comment is among the removed blocks',
    );
  });

  if (want.title !== undefined || want.outlet !== undefined || want.published !== undefined) {
    test(`${path}: title, outlet and publication date`, async () => {
      const { doc } = await docAt(path);
      const orNull = (text: string | null): string | null => (text === null ? null : norm(text));
      const found: Record<string, string | null> = {};
      const wanted: Record<string, string | null> = {};
      if (want.title !== undefined) {
        wanted.title = norm(want.title);
        found.title = orNull(doc.title);
      }
      if (want.outlet !== undefined) {
        wanted.outlet = norm(want.outlet);
        found.outlet = orNull(doc.outlet);
      }
      if (want.published !== undefined) {
        wanted.published = want.published;
        found.published = doc.published;
      }
      assert.deepEqual(found, wanted, `metadata of ${path} (published from ${doc.publishedFrom ?? 'nowhere'})`);
    });
  }

  if (want.byline) {
    const byline = want.byline;
    test(`${path}: byline`, async () => {
      const { doc } = await docAt(path);
      const entries = doc.byline.map(norm);
      const missing = (byline.must ?? []).filter((name) => !entries.includes(norm(name)));
      const bad = (byline.mustNot ?? []).filter((s) => entries.some((e) => e.toLowerCase().includes(s.toLowerCase())));
      assert.ok(
        missing.length === 0 && bad.length === 0,
        `expected byline entries ${show(byline.must ?? [])} and none containing ${show(bad)}; found ${show(doc.byline)}`,
      );
    });
  }

  if (want.mentions) {
    const mentions = want.mentions;
    test(`${path}: mentions`, async () => {
      const { doc } = await docAt(path);
      const missing = (mentions.must ?? []).filter(
        (m) => !doc.mentions.some((x) => norm(x.text) === norm(m.text) && (m.type === undefined || x.type === m.type)),
      );
      // With a type: no mention of exactly that text has that type. Without: no mention holds the text at all.
      const bad = (mentions.mustNot ?? []).flatMap((m) =>
        doc.mentions
          .filter((x) =>
            m.type === undefined ? lower(x.text).includes(lower(m.text)) : norm(x.text) === norm(m.text) && x.type === m.type,
          )
          .map((x) => `${x.text} (${x.type})`),
      );
      assert.ok(
        missing.length === 0 && bad.length === 0,
        `expected mentions ${show(missing)}${bad.length ? ` and no mentions ${show(bad)}` : ''}; found ${show(doc.mentions.map((x) => `${x.text}/${x.type}`))}`,
      );
    });
  }

  if (want.quotes?.must) {
    const quotes = want.quotes.must;
    test(`${path}: quotes and their speakers`, async () => {
      const { doc, all } = await docAt(path);
      const missing = quotes.filter(
        (q) =>
          !doc.quotes.some((x) => {
            if (!lower(x.text).includes(lower(q.textContains))) return false;
            if (q.direct !== undefined && x.direct !== q.direct) return false;
            const speakerWords = [
              x.speakerText ?? '',
              ...entityNames(x.speaker === null ? undefined : all.entities.get(x.speaker)),
            ];
            return speakerWords.some((w) => lower(w).includes(lower(q.speakerContains)));
          }),
      );
      const found = doc.quotes.map((x) => {
        const entity = x.speaker === null ? undefined : all.entities.get(x.speaker);
        return `${show(x.text)} by ${show(x.speakerText)}${entity ? ` = ${entity.name}` : ''}${x.direct ? '' : ' (indirect)'}`;
      });
      assert.deepEqual(missing, [], `quotes of ${path}: expected these to be found; found:\n  ${found.join('\n  ')}`);
    });
  }

  if (want.figures) {
    const figures = want.figures;
    test(`${path}: figures`, async () => {
      const { doc } = await docAt(path);
      const matches = (w: FigureExpectation) =>
        doc.figures.some((x) => {
          if (!sameNumber(x.value, w.value)) return false;
          if (w.qualifier !== undefined) {
            const accepted = (typeof w.qualifier === 'string' ? [w.qualifier] : w.qualifier).map(lower);
            if (!accepted.includes(lower(x.qualifier))) return false;
          }
          if (w.aboutAny) {
            const hay = lower(`${x.about ?? ''} ${x.unit ?? ''} ${x.text}`);
            if (!w.aboutAny.some((word) => hay.includes(word.toLowerCase()))) return false;
          }
          return true;
        });
      const missing = (figures.must ?? []).filter((w) => !matches(w));
      const bad = (figures.mustNot ?? []).flatMap((w) =>
        doc.figures.filter((x) => sameNumber(x.value, w.value)).map((x) => show(x.text)),
      );
      const found = doc.figures.map(
        (x) => `${show(x.text)} = ${x.value} q=${show(x.qualifier)} unit=${show(x.unit)} about=${show(x.about)}`,
      );
      assert.ok(
        missing.length === 0 && bad.length === 0,
        `figures of ${path}: expected ${show(missing)}${bad.length ? `; these are not counts: ${bad.join(', ')}` : ''}; found:\n  ${found.join('\n  ')}`,
      );
    });
  }

  if (want.dates?.must) {
    const dates = want.dates.must;
    test(`${path}: dates resolved against the publication date`, async () => {
      const { doc } = await docAt(path);
      const missing = dates.filter(
        (w) => !doc.dates.some((x) => lower(x.text).includes(lower(w.textContains)) && x.value.startsWith(w.value)),
      );
      assert.deepEqual(
        missing,
        [],
        `dates of ${path} (published ${doc.published}): found ${show(doc.dates.map((x) => `${x.text} = ${x.value}`))}`,
      );
    });
  }
}

// ---------------------------------------------------------------------------
// Entities across articles.

function describeEntity(e: Entity): string {
  return `${e.name} (${e.type}) aliases=${show(e.aliases)} roles=${show(e.roles)}`;
}

for (const want of expected.entities.must) {
  test(`entities: ${want.names.join(' = ')}${want.type ? ` (${want.type})` : ''}`, async () => {
    const all = await load();
    const keys = want.names.map(nameKey);
    const candidates = all.corpus.entities.filter((e) => {
      const names = new Set(entityNames(e).map(nameKey));
      return keys.every((k) => names.has(k)) && (want.type === undefined || e.type === want.type);
    });
    const related = all.corpus.entities.filter((e) => entityNames(e).some((n) => keys.includes(nameKey(n))));
    assert.ok(
      candidates.length > 0,
      `expected one entity named ${show(want.names)}; entities with any of those names:\n  ${related.map(describeEntity).join('\n  ') || 'none'}`,
    );
    if (want.rolesAny) {
      const roles = want.rolesAny.map((r) => r.toLowerCase());
      assert.ok(
        candidates.some((e) => e.roles.some((r) => roles.some((w) => lower(r).includes(w)))),
        `expected a role containing one of ${show(want.rolesAny)}; found ${candidates.map(describeEntity).join('; ')}`,
      );
    }
  });
}

for (const group of expected.entities.same) {
  test(`entities: ${group.map((g) => `"${g.mention}" in ${g.article}`).join(', ')} are one entity`, async () => {
    const all = await load();
    const idSets = group.map((g) => {
      const doc = all.docs.get(g.article);
      assert.ok(doc, `expected an article read from sample/${g.article}`);
      const ids = doc.mentions.filter((m) => norm(m.text) === norm(g.mention)).map((m) => m.entity);
      assert.ok(ids.length > 0, `expected a mention "${g.mention}" in ${g.article}`);
      return { ...g, ids: new Set(ids.filter((id): id is string => id !== null)) };
    });
    const [first, ...rest] = idSets;
    const common = [...(first?.ids ?? [])].filter((id) => rest.every((s) => s.ids.has(id)));
    const found = idSets.map(
      (s) =>
        `"${s.mention}" in ${s.article} -> ${[...s.ids].map((id) => all.entities.get(id)?.name ?? id).join(' | ') || 'no entity'}`,
    );
    assert.ok(common.length > 0, `expected these mentions to resolve to one entity; found:\n  ${found.join('\n  ')}`);
  });
}

test('entities: different people, places and organisations stay apart', async () => {
  const all = await load();
  const merged = expected.entities.distinct.flatMap(([a, b]) =>
    all.corpus.entities
      .filter((e) => {
        const names = new Set(entityNames(e).map(nameKey));
        return names.has(nameKey(a)) && names.has(nameKey(b));
      })
      .map((e) => `${a} + ${b}: ${describeEntity(e)}`),
  );
  assert.deepEqual(merged, [], 'expected no entity to hold both names');
});

test('entities: no entity from bylines, photo credits, author boxes or widgets', async () => {
  const all = await load();
  const bad = expected.entities.mustNot.flatMap((s) =>
    all.corpus.entities.filter((e) => entityNames(e).some((n) => lower(n).includes(lower(s)))).map(describeEntity),
  );
  assert.deepEqual(bad, [], 'expected none of these entities');
});

// ---------------------------------------------------------------------------
// Stories.

test(`stories: ${expected.stories.count} stories`, async () => {
  const all = await load();
  assert.equal(all.corpus.stories.length, expected.stories.count, `stories found:\n  ${describeStories(all)}`);
});

for (const group of expected.stories.together) {
  test(`stories: ${group[0]} and ${group.length - 1} more are one story`, async () => {
    const all = await load();
    const stories = group.map((path) => storyOf(all, path)?.id ?? null);
    assert.ok(
      stories[0] !== null && stories.every((s) => s === stories[0]),
      `expected one story for ${show(group)}; found:\n  ${describeStories(all)}`,
    );
  });
}

for (const group of expected.stories.apart) {
  test(`stories: ${group.join(' / ')} are in different stories`, async () => {
    const all = await load();
    const clashes: string[] = [];
    group.forEach((a, i) =>
      group.slice(i + 1).forEach((b) => {
        const sa = storyOf(all, a);
        if (sa && sa === storyOf(all, b)) clashes.push(`${a} + ${b} in ${show(sa.title)}`);
      }),
    );
    assert.deepEqual(clashes, [], `expected different stories; found:\n  ${describeStories(all)}`);
  });
}

function copiesFound(all: Analysed): string[] {
  return all.corpus.stories.flatMap((s) =>
    (s.copies ?? []).map(
      (c) => `${all.paths.get(c.article) ?? c.article} copies ${all.paths.get(c.of) ?? c.of} (${c.similarity})`,
    ),
  );
}

for (const pair of expected.stories.copies.must ?? []) {
  test(`stories: ${pair.copy} is detected as a copy of ${pair.of}`, async () => {
    const { story, all } = await storyAt(pair.of);
    const [copy, of] = [idOf(all, pair.copy), idOf(all, pair.of)];
    assert.ok(
      (story.copies ?? []).some((c) => c.article === copy && c.of === of),
      `expected the story of ${pair.of} to list the copy; copies found: ${show(copiesFound(all))}`,
    );
  });
}

test('stories: articles that only look alike are not copies', async () => {
  const all = await load();
  const bad = (expected.stories.copies.mustNot ?? []).filter((pair) => {
    const [copy, of] = [all.docs.get(pair.copy)?.id, all.docs.get(pair.of)?.id];
    return all.corpus.stories.some((s) => (s.copies ?? []).some((c) => c.article === copy && c.of === of));
  });
  assert.deepEqual(bad, [], `expected these not to be copies; copies found: ${show(copiesFound(all))}`);
});

function describeDiscrepancies(story: Story): string {
  return (
    story.discrepancies
      .map((d) => `${show(d.about)}: ${d.values.map((v) => v.value).join(' vs ')}${d.kind ? ` (${d.kind})` : ''}`)
      .join('\n  ') || 'none'
  );
}

function holdsValues(values: readonly { value: number }[], wanted: readonly number[]): boolean {
  return wanted.every((w) => values.some((v) => sameNumber(v.value, w)));
}

for (const want of expected.stories.discrepancies.must) {
  test(`discrepancies: ${want.values.join(' vs ')} (${want.aboutAny?.[0] ?? 'any'}) in the story of ${want.story}`, async () => {
    const { story } = await storyAt(want.story);
    const found = story.discrepancies.find(
      (d) =>
        holdsValues(d.values, want.values) &&
        (want.aboutAny === undefined || want.aboutAny.some((w) => lower(d.about).includes(w.toLowerCase()))) &&
        (want.kind === undefined || d.kind === undefined || d.kind === want.kind),
    );
    assert.ok(
      found,
      `expected a discrepancy holding ${show(want.values)}${want.kind ? ` of kind ${want.kind}` : ''}; found:\n  ${describeDiscrepancies(story)}`,
    );
  });
}

test('discrepancies: different quantities, years and agreeing values are not flagged', async () => {
  const all = await load();
  const bad: string[] = [];
  for (const want of expected.stories.discrepancies.mustNot) {
    const story = storyOf(all, want.story);
    assert.ok(story, `expected a story holding sample/${want.story}; found:\n  ${describeStories(all)}`);
    for (const d of story.discrepancies)
      if (holdsValues(d.values, want.values)) bad.push(`${show(d.about)}: ${d.values.map((v) => v.value).join(' vs ')}`);
  }
  for (const story of all.corpus.stories) {
    for (const d of story.discrepancies) {
      const distinct = d.values.filter(
        (v, i) => d.values.findIndex((w) => sameNumber(w.value, v.value) && w.qualifier === v.qualifier) === i,
      );
      if (distinct.length < 2) bad.push(`${show(d.about)}: only one value (${d.values.map((v) => v.text).join(', ')})`);
    }
  }
  assert.deepEqual(bad, [], 'expected none of these discrepancies');
});

test('discrepancies: every value cites an article of its story', async () => {
  const all = await load();
  const bad: string[] = [];
  for (const story of all.corpus.stories) {
    for (const d of story.discrepancies) {
      for (const v of d.values) {
        const path = all.paths.get(v.article);
        const doc = path ? all.docs.get(path) : undefined;
        if (!doc || !story.articles.includes(v.article))
          bad.push(`${show(d.about)} ${v.value}: article ${v.article} is not in story ${show(story.title)}`);
        else if (v.start !== undefined && v.end !== undefined && doc.text.slice(v.start, v.end) !== v.text) {
          bad.push(`${show(d.about)} ${v.value}: ${show(v.text)} != slice ${show(doc.text.slice(v.start, v.end))} of ${path}`);
        }
      }
    }
  }
  assert.deepEqual(bad, []);
});

for (const want of expected.stories.quotesMerged) {
  test(`story quotes: "${want.textContains}" (${want.speakerContains}) merged across ${want.articles.length} outlets`, async () => {
    const { story, all } = await storyAt(want.story);
    const ids = want.articles.map((p) => idOf(all, p));
    const found = story.quotes.find(
      (q) =>
        [q.text, ...(q.variants ?? []).map((v) => v.text)].some((t) => lower(t).includes(lower(want.textContains))) &&
        ids.every((id) => q.articles.includes(id)) &&
        entityNames(q.speaker === null ? undefined : all.entities.get(q.speaker)).some((n) =>
          lower(n).includes(lower(want.speakerContains)),
        ),
    );
    const described = story.quotes.map(
      (q) =>
        `${show(q.text)} by ${q.speaker === null ? 'nobody' : (all.entities.get(q.speaker)?.name ?? q.speaker)} in [${q.articles.map((id) => all.paths.get(id) ?? id).join(', ')}]`,
    );
    assert.ok(found, `expected one story quote carried by ${show(want.articles)}; found:\n  ${described.join('\n  ') || 'none'}`);
  });
}

for (const want of expected.stories.timeline.must) {
  test(`timeline: the story of ${want.story} has an event on ${want.date}`, async () => {
    const { story } = await storyAt(want.story);
    assert.ok(
      story.timeline.some((e) => e.date === want.date),
      `found: ${show(story.timeline.map((e) => `${e.date}: ${e.text}`))}`,
    );
  });
}

test('timeline: no events from other stories', async () => {
  const all = await load();
  const bad: string[] = [];
  for (const want of expected.stories.timeline.mustNot) {
    const story = storyOf(all, want.story);
    assert.ok(story, `expected a story holding sample/${want.story}; found:\n  ${describeStories(all)}`);
    for (const e of story.timeline)
      if (e.date.startsWith(want.datePrefix)) bad.push(`story of ${want.story}: ${e.date} ${show(e.text)}`);
  }
  assert.deepEqual(bad, []);
});

// Copy detection: how many content-farm rewrites of ECB+ reports (topics 1-35) the story stage
// marks as copies, at three strengths of rewriting, and how many pairs of ECB+'s own independent
// reports it marks as copies by mistake. The rewrites are made here, from a fixed seed, the way
// spinners make them: words swapped, sentences reordered or dropped, junk lines added.
// Run from the repo root: node --import tsx bench/copies.ts [--per-level N]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Doc } from '../src/model/index.js';
import { seededRandom } from '../src/model/seeded-random.js';
import { buildPipeline } from '../src/pipeline/build-pipeline.js';
import { defaultPipeline } from '../src/pipeline/default-pipeline.js';
import { contextFor, runDocStages, runStoryStages } from '../src/pipeline/run-pipeline.js';
import { groupStories } from '../src/stages/group-stories.js';
import { requireShared, shared } from './analyze-benchmark.js';

requireShared();
const { values } = parseArgs({ options: { 'per-level': { type: 'string', default: '60' } } });
const perLevel = Number(values['per-level']);
const gold = join(shared, 'datasets/ecbplus/documents.jsonl');
const converted = spawnSync(process.execPath, [join(shared, 'bench/to-jsonl.mjs'), 'ecbplus', gold, '--topics', '1-35'], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
if (converted.status !== 0) throw new Error(`to-jsonl.mjs failed: ${converted.stderr}`);
const originals = converted.stdout
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { id: string; text: string });

/** Share of words swapped, whether sentences move or go, junk lines added. */
const LEVELS = [
  { name: 'light', swap: 0.05, reorder: false, drop: 0, junk: 1 },
  { name: 'medium', swap: 0.15, reorder: true, drop: 0, junk: 2 },
  { name: 'heavy', swap: 0.25, reorder: true, drop: 0.15, junk: 3 },
  { name: 'spun', swap: 0.4, reorder: true, drop: 0.15, junk: 3 },
] as const;
type Level = (typeof LEVELS)[number];

// Invented filler of the kind content farms add around a lifted article.
const JUNK = [
  'Subscribe to our free newsletter for the latest updates every morning.',
  'Trending now : seven easy habits that will change your mornings forever .',
  'Share this story with your friends and family .',
  'Advertisement',
  'Read more : the best budget gadgets of the season , ranked by our editors .',
  'Click here to leave a comment and join the discussion .',
];
// Stand-ins for a spinner's synonyms: any replacement breaks the shingles a word is part of.
const SPIN = [
  'stated',
  'noted',
  'individuals',
  'region',
  'officers',
  'occurred',
  'reported',
  'location',
  'numerous',
  'currently',
];

const random = seededRandom(2026);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function rewrite(text: string, level: Level): string {
  let sentences = text.split('\n').filter((s) => s.trim());
  sentences = sentences.filter((_, i) => i === 0 || random() >= level.drop);
  if (level.reorder) {
    for (let i = 1; i + 1 < sentences.length; i += 2)
      if (random() < 0.5) [sentences[i], sentences[i + 1]] = [sentences[i + 1]!, sentences[i]!];
  }
  const spun = sentences.map((s) =>
    s
      .split(' ')
      .map((word) => (/^\p{L}{4,}$/u.test(word) && random() < level.swap ? pick(SPIN) : word))
      .join(' '),
  );
  for (let k = 0; k < level.junk; k++) spun.splice(Math.floor(random() * (spun.length + 1)), 0, pick(JUNK));
  return spun.join('\n');
}

const chosen = [...originals].sort(() => random() - 0.5).slice(0, perLevel * LEVELS.length);
const planted = chosen.map((original, i) => {
  const level = LEVELS[Math.floor(i / perLevel)]!;
  return {
    id: `zz-copy-${level.name}-${original.id}`,
    of: original.id,
    level: level.name,
    words: original.text.split(/\s+/).length,
    text: rewrite(original.text, level),
  };
});

// The product's grouping, and the same with sentence alignment turned off (shingle containment
// alone), on the same analysed documents.
const variants = [
  { name: 'shingles + sentence alignment (product)', stages: defaultPipeline() },
  {
    name: 'shingles alone',
    stages: defaultPipeline().map((s) => (s.name === 'group-stories' ? groupStories({ alignThreshold: Infinity }) : s)),
  },
];
const ctx = contextFor({ now: new Date() });
const started = performance.now();
const docs: Doc[] = [];
const docPipeline = buildPipeline(variants[0]!.stages);
for (const item of [...originals, ...planted]) {
  docs.push(await runDocStages(docPipeline, { id: item.id, source: item.id, raw: { text: item.text, clean: false } }, ctx));
}
console.log(
  `${originals.length} ECB+ reports and ${planted.length} rewrites, document stages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const storyOf = new Map<string, string>();
for (const line of readFileSync(gold, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const d = JSON.parse(line) as { doc_id: string; story_id: string };
  storyOf.set(d.doc_id, d.story_id);
}
const trigrams = new Map(originals.map((o) => [o.id, new Set(trigramsOf(o.text))]));

for (const variant of variants) {
  const storyStarted = performance.now();
  const corpus = await runStoryStages(buildPipeline(variant.stages), docs, ctx);
  const seconds = (performance.now() - storyStarted) / 1000;
  // Copy groups: a story lists each copy with the original of its group, so two articles are
  // copies of each other when they fall in one group (either may be the one called original).
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    const p = parent.get(id);
    return p === undefined || p === id ? id : find(p);
  };
  for (const story of corpus.stories) for (const copy of story.copies ?? []) parent.set(find(copy.article), find(copy.of));
  const copied = (a: string, b: string): boolean => (parent.has(a) || parent.has(b)) && find(a) === find(b);
  const found = new Set(planted.filter((p) => copied(p.id, p.of)).map((p) => p.id));
  const sameStory = new Set(
    planted.filter((p) => corpus.stories.some((s) => s.articles.includes(p.id) && s.articles.includes(p.of))).map((p) => p.id),
  );
  // ECB+'s own reports: a pair from two different gold stories is certainly no copy; within one
  // story, agencies' reprints are real near-duplicates, counted here by the share of the smaller
  // report's word trigrams found in the other (0.6 and up).
  let crossStory = 0;
  let withinStory = 0;
  let reprints = 0;
  let reprintsFound = 0;
  for (let i = 0; i < originals.length; i++) {
    for (let j = i + 1; j < originals.length; j++) {
      const [a, b] = [originals[i]!.id, originals[j]!.id];
      const same = storyOf.get(a) === storyOf.get(b);
      const flagged = copied(a, b);
      if (flagged && !same) crossStory++;
      if (flagged && same) withinStory++;
      if (same && containment(trigrams.get(a)!, trigrams.get(b)!) >= 0.6) {
        reprints++;
        if (flagged) reprintsFound++;
      }
    }
  }
  console.log(`\n### ${variant.name}: story stages ${seconds.toFixed(1)} s`);
  console.log(
    "| rewrite | swapped words | reordered | dropped | junk lines | copies found | of reports with 100+ words | in the original's story |",
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const level of LEVELS) {
    const ofLevel = planted.filter((p) => p.level === level.name);
    const long = ofLevel.filter((p) => p.words >= 100);
    const share = (list: typeof ofLevel, set: Set<string>) => `${list.filter((p) => set.has(p.id)).length}/${list.length}`;
    console.log(
      `| ${level.name} | ${level.swap * 100}% | ${level.reorder ? 'pairs' : 'no'} | ${level.drop * 100}% | ${level.junk} | ${share(ofLevel, found)} | ${share(long, found)} | ${share(ofLevel, sameStory)} |`,
    );
  }
  console.log(
    `ECB+'s own reports: ${crossStory} pairs from different gold stories marked as copies (all wrong); ` +
      `${withinStory} pairs within one gold story marked; ${reprintsFound}/${reprints} reprints (trigram containment >= 0.6) marked`,
  );
  console.log(`copies recall: ${(found.size / planted.length).toFixed(3)} false copies across stories: ${crossStory}`);
  for (const story of corpus.stories) {
    for (const copy of story.copies ?? []) {
      const [a, b] = [copy.article, copy.of];
      if (storyOf.has(a) && storyOf.has(b) && storyOf.get(a) !== storyOf.get(b))
        console.log(`  across stories: ${a} copy of ${b} (${copy.similarity})`);
    }
  }
}

function trigramsOf(text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}+|\p{N}+/gu) ?? [];
  return words.slice(2).map((w, k) => `${words[k]} ${words[k + 1]} ${w}`);
}

function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < 20) return 0;
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / small.size;
}

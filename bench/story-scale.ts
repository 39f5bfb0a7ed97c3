// Articles per second of incremental story assignment (createStoryIndex) at 10,000 and
// 100,000 invented articles. Only the story-level features are generated (content words,
// entity ids, publication date, shingles of the words), not article text: the document
// stages are measured by bench/throughput.ts, and running them on 100,000 articles would
// take hours.
// `npm run bench:stories` runs it after the ECB+ scores (skip with --no-scale); alone:
// node --import tsx bench/story-scale.ts [--sizes 10000,100000] [--seed 7]
import { pathToFileURL } from 'node:url';
import { createStoryIndex, type ArticleFeatures } from '../src/stages/story/create-story-index.js';
import { seededRandom } from '../src/model/seeded-random.js';
import { shingleSketch } from '../src/stages/story/shingle-sketch.js';

const mulberry32 = seededRandom;

interface Synthetic {
  readonly articles: ArticleFeatures[];
  /** Gold event of each article, by position. */
  readonly events: number[];
}

/**
 * Events of a few kinds ("flood", "strike"...) over three years; each event
 * has its own rare words and entities, and its reports mix them with words of
 * its kind and a Zipf-distributed common vocabulary. Reports arrive in date
 * order, a few days after their event, as a feed would deliver them.
 */
function generate(count: number, random: () => number): Synthetic {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'sto', 'va', 'del', 'pur', 'zan', 'tek', 'or', 'bi', 'fu', 'gal', 'nes', 'hu'];
  const word = (): string =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join('');
  const common = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
  const zipf = (): string => common[Math.min(common.length - 1, Math.floor(Math.exp(random() * Math.log(common.length))) - 1)]!;
  const kinds = Array.from({ length: 40 }, () => Array.from({ length: 30 }, word));
  const eventCount = Math.max(1, Math.round(count / 8));
  const startDay = 19_000;
  const events = Array.from({ length: eventCount }, (_, e) => ({
    kind: kinds[Math.floor(random() * kinds.length)]!,
    words: Array.from({ length: 12 }, () => `${word()}${e}`),
    entities: Array.from({ length: 4 }, (_, k) => `e-${e}-${k}`),
    day: startDay + Math.floor(random() * 3 * 365),
  }));
  const drafts = Array.from({ length: count }, (_, i) => {
    const e = Math.floor(random() * eventCount);
    return { i, e, day: events[e]!.day + Math.floor(random() * 4) };
  }).sort((a, b) => a.day - b.day || a.i - b.i);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const articles = drafts.map(({ i, e, day }) => {
    const event = events[e]!;
    const terms: string[] = [];
    for (let k = 0; k < 120; k++) {
      const r = random();
      terms.push(r < 0.15 ? pick(event.words) : r < 0.3 ? pick(event.kind) : zipf());
    }
    const entities = event.entities.filter(() => random() < 0.7);
    // The words in order stand in for the text whose shingles near-duplicate detection compares.
    const sketch = shingleSketch(terms.join(' '));
    return { id: `a${i}`, terms, entities, time: { periods: [{ from: day, to: day }], published: true }, sketch };
  });
  return { articles, events: drafts.map((d) => d.e) };
}

/** B-cubed F1 of predicted story ids against gold event ids, by article position. */
function bCubed(predicted: readonly string[], gold: readonly number[]): number {
  const together = <K>(keys: readonly K[]): Map<K, number[]> => {
    const groups = new Map<K, number[]>();
    keys.forEach((k, i) => groups.set(k, [...(groups.get(k) ?? []), i]));
    return groups;
  };
  const byPredicted = together(predicted);
  const byGold = together(gold);
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < predicted.length; i++) {
    const p = new Set(byPredicted.get(predicted[i]!)!);
    const g = byGold.get(gold[i]!)!;
    const shared = g.filter((j) => p.has(j)).length;
    precision += shared / p.size;
    recall += shared / g.length;
  }
  precision /= predicted.length;
  recall /= predicted.length;
  return (2 * precision * recall) / (precision + recall);
}

/**
 * One line per size: articles/s overall and for the last tenth, stories compared per article, B3 F1 of the
 * final stories against the generated events, and how many merges and moved articles regrouping made.
 */
export function measureStoryScale(sizes: readonly number[] = [10_000, 100_000], seed = 7): string[] {
  const lines: string[] = [];
  for (const size of sizes) {
    const { articles, events } = generate(size, mulberry32(seed));
    const index = createStoryIndex();
    let candidates = 0;
    let merged = 0;
    let moved = 0;
    // Rate of the last tenth alone, timed inside the same run: with blocking it should not fall as the index grows.
    const tailStart = size - Math.ceil(size / 10);
    const started = performance.now();
    let tailStarted = started;
    for (let i = 0; i < articles.length; i++) {
      if (i === tailStart) tailStarted = performance.now();
      const assignment = index.assign(articles[i]!);
      candidates += assignment.candidates;
      merged += assignment.merged.length;
      moved += assignment.moved.length;
    }
    const ended = performance.now();
    const seconds = (ended - started) / 1000;
    const tailSeconds = (ended - tailStarted) / 1000;
    // Scored on the stories as they stand at the end: regrouping may have moved articles since they arrived.
    const storyOf = new Map<string, string>();
    for (const story of index.stories()) for (const id of story.articles) storyOf.set(id, story.id);
    const stories = articles.map((a) => storyOf.get(a.id)!);
    lines.push(
      `story assignment, ${size} articles: ${(size / seconds).toFixed(0)} articles/s overall, ` +
        `${((size - tailStart) / tailSeconds).toFixed(0)} articles/s for the last tenth; ` +
        `${(candidates / size).toFixed(1)} stories compared per article; ` +
        `${index.stories().length} stories for ${new Set(events).size} events, B3 F1 ${bCubed(stories, events).toFixed(3)}; ` +
        `${merged} merges, ${moved} articles moved`,
    );
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizesAt = process.argv.indexOf('--sizes');
  const sizes = (sizesAt >= 0 ? (process.argv[sizesAt + 1] ?? '') : '10000,100000').split(',').map(Number);
  const seedAt = process.argv.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(process.argv[seedAt + 1]) : 7;
  for (const line of measureStoryScale(sizes, seed)) console.log(line);
}

import type { Doc, Figure } from '../model/doc.js';
import type { StageContext, StoryStage } from '../model/stage.js';
import type { Copy, Corpus, Discrepancy, DiscrepancyValue } from '../model/story.js';
import { isUpdateVerb } from './figures/find-predicate.js';
import { alignFigures, classifyValues, outcomeOf, type Reported } from './story/align-figures.js';
import { mapStories } from './story/map-stories.js';
import { countIndependentSources, originalOf } from './story/count-independent-sources.js';

export interface FindDiscrepanciesOptions {
  /** Relative slack given to approximate values ("about 1,200") before they conflict. */
  tolerance?: number;
  /** Values further than this factor from the most reported one are taken to count something else. */
  maxRatio?: number;
}

/**
 * Per story, the same quantity reported with different values by different
 * articles: figures aligned by what they count and their unit, each differing
 * value linked to its article and span. The tool reports; it does not decide
 * which source is right. Agreeing figures are not flagged. A count that a
 * later report says rose to a higher value ("the toll rose to 44") is noted as
 * an as-of difference and left out of the classification.
 */
export function findDiscrepancies({
  tolerance = 0.1,
  maxRatio = 3,
}: FindDiscrepanciesOptions = {}): StoryStage {
  return {
    kind: 'story',
    name: 'find-discrepancies',
    version: '2',
    requires: ['stories', 'figures'],
    provides: ['stories'],
    run(corpus: Corpus, _ctx: StageContext): Corpus {
      return mapStories(corpus, (story, docs) => {
        const reported: Reported[] = docs.flatMap(reportedIn);
        const discrepancies = alignFigures(reported)
          .map((group) => toDiscrepancy(group, tolerance, maxRatio))
          .filter((d): d is Discrepancy => d !== null)
          .map((d) => withSources(d, story.copies));
        return { ...story, discrepancies };
      });
    },
  };
}

/** Each figure of an article with its clause and the start of its sentence, read when aligning. */
function reportedIn(doc: Doc): Reported[] {
  const figures = [...doc.figures].sort((a, b) => a.start - b.start);
  return figures.map((figure, i) => {
    const sentence = doc.sentences.find((s) => s.start <= figure.start && figure.start < s.end) ?? { start: figure.start, end: figure.end };
    const next = figures[i + 1];
    const clauseEnd = Math.max(figure.end, Math.min(sentence.end, next && next.start >= figure.end ? next.start : sentence.end));
    return {
      article: doc.id,
      figure,
      published: doc.published,
      clause: doc.text.slice(figure.start, clauseEnd),
      lead: doc.text.slice(sentence.start, figure.start),
      said: saidBy(doc.text.slice(sentence.start, sentence.end)),
    };
  });
}

const SAID = '(?:said|says|reported|estimated|announced|counted|confirmed)';
/** "..., the club said." / "The port authority said ..." / "according to guards": who a sentence is attributed to. */
const ATTRIBUTIONS = [
  new RegExp(`according to ((?:the )?[\\p{L}' -]{2,40}?)(?:[,.;]|$)`, 'iu'),
  new RegExp(`,\\s*((?:the |a )?[\\p{L}' -]{2,40}?) ${SAID}\\b`, 'iu'),
  new RegExp(`^((?:the |a )?[\\p{L}' -]{2,40}?) ${SAID}\\b`, 'iu'),
];

function saidBy(sentence: string): string | null {
  for (const pattern of ATTRIBUTIONS) {
    const found = pattern.exec(sentence.trim())?.[1]?.trim();
    if (found) return found;
  }
  return null;
}

function toDiscrepancy(group: readonly Reported[], tolerance: number, maxRatio: number): Discrepancy | null {
  const byArticle = new Map<string, Map<string, Reported>>();
  for (const r of group) {
    const readings = byArticle.get(r.article) ?? new Map<string, Reported>();
    // A figure repeated within an article says nothing new: one per reading.
    if (!readings.has(reading(r.figure))) readings.set(reading(r.figure), r);
    byArticle.set(r.article, readings);
  }
  // An article giving several values under one name counts several things ("two boats", "23 boats"): left out.
  const single = [...byArticle.values()].filter((readings) => readings.size === 1).map((readings) => [...readings.values()][0]!);
  const mode = modeValue(single, maxRatio);
  const kept = withLaterCounts(
    single.filter((r) => withinRatio(r.figure.value, mode, maxRatio)),
    single,
  );
  if (kept.length < 2 || new Set(kept.map((r) => reading(r.figure))).size < 2) return null;
  const updates = laterUpdates(kept);
  const earlier = kept.filter((r) => !updates.includes(r));
  // A count that rose in a later report is a newer state, not a contradiction: judge the earlier reports alone.
  const judged = updates.length > 0 && new Set(earlier.map((r) => reading(r.figure))).size < 2 ? null : earlier;
  const kind = judged ? classifyValues(judged.map((r) => r.figure), tolerance) : 'compatible';
  // "about 300" and 300 agree: one value, whatever the qualifiers, unless a bound excludes it ("more than 240" vs 240).
  if (kind !== 'conflict' && new Set(kept.map((r) => r.figure.value)).size < 2) return null;
  const values: DiscrepancyValue[] = kept.map((r) => ({
    value: r.figure.value,
    text: r.figure.text,
    article: r.article,
    start: r.figure.start,
    end: r.figure.end,
    qualifier: r.figure.qualifier,
  }));
  const cause = updates.length > 0 || (kind === 'conflict' && isAsOf(kept, tolerance)) ? 'as-of' : kind !== 'compatible' && bySources(kept) ? 'different-sources' : null;
  return {
    about: nameOf(kept),
    values,
    kind,
    ...(cause ? { cause } : {}),
    note: [judged ? noteOf(kind, judged.map((r) => r.figure)) : null, updates.length ? updateNote(updates) : null].filter(Boolean).join('; '),
  };
}

/**
 * Whether the values differ only between reports of different days: the
 * reports of each day agree among themselves (or could), and a later day
 * gives other values. A count published later is a newer state of it, not a
 * contradiction, whether it rose or was corrected.
 */
function isAsOf(group: readonly Reported[], tolerance: number): boolean {
  if (group.some((r) => !r.published)) return false;
  const byDay = new Map<string, Reported[]>();
  for (const r of group) byDay.set(r.published!, [...(byDay.get(r.published!) ?? []), r]);
  if (byDay.size < 2) return false;
  const days = [...byDay.keys()].sort();
  const values = (day: string) => new Set(byDay.get(day)!.map((r) => r.figure.value));
  const latest = values(days.at(-1)!);
  const earlier = new Set(days.slice(0, -1).flatMap((d) => [...values(d)]));
  if ([...latest].every((v) => earlier.has(v))) return false;
  return days.every((d) => byDay.get(d)!.length < 2 || classifyValues(byDay.get(d)!.map((r) => r.figure), tolerance) !== 'conflict');
}

/**
 * Whether each differing value comes from its own named source ("the union
 * said 4,500", "the port authority said 2,800"): outlets relaying different
 * counters, not disagreeing about one count.
 */
function bySources(group: readonly Reported[]): boolean {
  const sourcesOf = new Map<number, Set<string>>();
  for (const r of group) {
    const source = r.figure.source ?? (r.figure.sourceText ?? r.said)?.toLowerCase().replace(/^(?:the|a|an)\s+/, '').trim();
    if (!source) continue;
    sourcesOf.set(r.figure.value, (sourcesOf.get(r.figure.value) ?? new Set()).add(source));
  }
  const named = [...sourcesOf.values()];
  if (named.length < 2) return false;
  // Sources shared by two values would make it one source disagreeing with itself.
  const all = named.flatMap((s) => [...s]);
  return new Set(all).size === all.length;
}

/**
 * Reports that a running count rose to its value ("the toll rose to 44"),
 * published after every other report and at least as high as any: as-of
 * differences. Empty when any of that is unknown or not so.
 */
function laterUpdates(group: readonly Reported[]): Reported[] {
  const updates = group.filter((r) => isUpdateVerb(r.figure.predicate));
  const others = group.filter((r) => !updates.includes(r));
  if (updates.length === 0 || others.length === 0) return [];
  const lastOther = others.map((r) => r.published ?? null);
  if (lastOther.includes(null) || updates.some((r) => !r.published)) return [];
  const latest = lastOther.reduce((a, b) => (b! > a! ? b : a))!;
  const highest = Math.max(...others.map((r) => r.figure.value));
  return updates.every((r) => r.published! > latest && r.figure.value >= highest) ? updates : [];
}

function updateNote(updates: readonly Reported[]): string {
  return `as of: ${updates.map((r) => `${format(r.figure.value)} (${r.figure.predicate}, ${r.published})`).join(', ')} is a later count than the other reports`;
}

/**
 * The value most articles give; among equals, the one with most reports
 * within `maxRatio` of it (210,000 and 200,000 outvote a later 35,000), then
 * the lowest.
 */
function modeValue(reported: readonly Reported[], maxRatio: number): number {
  const counts = new Map<number, number>();
  for (const r of reported) counts.set(r.figure.value, (counts.get(r.figure.value) ?? 0) + 1);
  const near = (v: number) => reported.filter((r) => withinRatio(r.figure.value, v, maxRatio)).length;
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || near(b[0]) - near(a[0]) || a[0] - b[0])[0]?.[0] ?? 0;
}

/**
 * The reports left out by the ratio filter that were published after all the
 * kept ones: a count days later can be far off the first ones ("35,000 homes
 * still without power" after 210,000) and still be the same count, now. Kept
 * only when the earlier reports agree among themselves (or could), so that a
 * group already mixing two quantities is not widened further.
 */
function withLaterCounts(kept: readonly Reported[], all: readonly Reported[]): Reported[] {
  const dates = kept.map((r) => r.published ?? null);
  if (kept.length < 2 || dates.includes(null)) return [...kept];
  if (classifyValues(kept.map((r) => r.figure), 0.1) === 'conflict') return [...kept];
  const latest = dates.reduce((a, b) => (b! > a! ? b : a))!;
  const later = all.filter((r) => !kept.includes(r) && r.published != null && r.published > latest);
  // One later report only: two far-off later values would be two other quantities as likely as one update.
  return later.length === 1 ? [...kept, ...later] : [...kept];
}

/** Reports of one quantity rarely differ by more than a few times; further apart, they count different things. */
function withinRatio(value: number, mode: number, maxRatio: number): boolean {
  if (value === mode) return true;
  if (value <= 0 || mode <= 0) return false;
  return Math.max(value, mode) / Math.min(value, mode) <= maxRatio;
}

/** What a figure asserts: value, range end and qualifier; "about 250" and 250 differ. */
function reading(figure: Figure): string {
  return `${figure.qualifier ?? ''}|${figure.value}|${figure.high ?? ''}`;
}

/** The most frequent wording of what is counted, the shortest among equals. */
function nameOf(group: readonly Reported[]): string {
  const counts = new Map<string, number>();
  for (const r of group) {
    const label = labelOf(r.figure);
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const unit = group[0]?.figure.unit;
  return best ?? unit ?? 'figure';
}

/** `about`, with the outcome that tells it apart when `about` lacks it ("people" that "died"). */
function labelOf(figure: Figure): string | null {
  const about = figure.about?.trim();
  if (!about) return null;
  const predicate = figure.predicate?.trim();
  if (!predicate || about.toLowerCase().includes(predicate.toLowerCase()) || !outcomeOf({ ...figure, about: null })) return about;
  return `${about} ${predicate}`;
}

function noteOf(kind: string, figures: readonly Figure[]): string {
  const shown = [...new Set(figures.map((f) => (f.qualifier ? `"${f.qualifier} ${format(f.value)}"` : format(f.value))))].join(
    ' vs ',
  );
  if (kind === 'compatible') return `compatible: ${shown} can all be true`;
  if (kind === 'rounding') {
    const values = figures.map((f) => f.value);
    const spread = (Math.max(...values) - Math.min(...values)) / Math.max(...values.map(Math.abs));
    return `rounding: ${shown} (${(spread * 100).toFixed(1)}% apart)`;
  }
  return `conflict: ${shown}`;
}

function format(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * Marks values carried by copies (a copy repeats its original, it does not
 * confirm it) and counts the independent articles behind a discrepancy.
 */
export function withSources(discrepancy: Discrepancy, copies: readonly Copy[] = []): Discrepancy {
  const values = discrepancy.values.map((v) => {
    const original = originalOf(v.article, copies);
    return original === v.article ? v : { ...v, copyOf: original };
  });
  return { ...discrepancy, values, independentSources: countIndependentSources(values.map((v) => v.article), copies) };
}

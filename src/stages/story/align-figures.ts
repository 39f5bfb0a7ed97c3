import type { Figure } from '../../model/doc.js';
import { isUpdateVerb } from '../figures/find-predicate.js';
import { contentWords, isStopword, stem } from './term-vectors.js';

/** A figure as one article gives it. */
export interface Reported {
  readonly article: string;
  readonly figure: Figure;
  /** The article's publication date (YYYY-MM-DD), when known: later reports may update a count. */
  readonly published?: string | null;
  /**
   * The figure's own clause, from the number to the next figure or the end of
   * its sentence ("15 miners to the surface alive"): what happened to what is
   * counted is often written there when neither `about` nor `predicate` says it.
   */
  readonly clause?: string;
  /** Its sentence up to the number: what a running count is ("the death toll from the crash rose to 17"). */
  readonly lead?: string;
  /** Who its sentence is attributed to ("the port authority"), when the figure itself names no source. */
  readonly said?: string | null;
}

/**
 * What happened to what is counted, in the words news reports use for it.
 * "41 people died" and "the death toll" count one thing; "41 people died" and
 * "212 people were rescued" do not, though both count people. Checked in this
 * order: "survivors rescued" is about the rescued, "missing, feared dead"
 * about the missing.
 */
const OUTCOMES: readonly (readonly [string, RegExp])[] = [
  ['missing', /\b(?:missing|unaccounted)\b/],
  ['trapped', /\b(?:trapped|stranded|buried alive)\b/],
  ['rescued', /\b(?:rescued|saved|survived|survivors?|pulled (?:out )?alive|alive)\b/],
  ['injured', /\b(?:injured|wounded|hurt|injuries|hospitali[sz]ed)\b/],
  ['dead', /\b(?:died|dies|dead|deaths?|killed|perished|drowned|fatalit(?:y|ies)|toll|lost (?:their|his|her) lives?|lives lost|bodies)\b/],
  ['displaced', /\b(?:displaced|fled|evacuated|homeless|uprooted|shelters?|evacuation cent(?:re|er)s?|relief camps?)\b/],
  ['attended', /\b(?:took part|marched|marchers|protest(?:ed|ers)|rall(?:y|ied)|demonstrat(?:ed|ors|ion)|crowds?|attended|turned out)\b/],
  ['arrested', /\b(?:arrested|detained)\b/],
  ['aboard', /\b(?:on board|aboard|onboard)\b/],
];
/**
 * Heads two outlets use for one count ("1,100 foreigners" and "1,150 foreign
 * nationals"), mapped to one of them. Kept small: a pair goes in only when
 * news writing treats the two as the same people or things.
 */
const SAME_HEAD: ReadonlyMap<string, string> = new Map([
  ['foreigner', 'national'],
  ['house', 'home'],
  ['dwelling', 'home'],
  ['protester', 'demonstrator'],
]);
/** Heads that say nothing about what is counted: "people" needs its outcome. */
const GENERIC = new Set(['people', 'person', 'individual', 'other', 'one', 'those']);
/** Heads that are the outcome itself: "the death toll", "survivors". */
const OUTCOME_NOUNS = new Set(['toll', 'death', 'dead', 'fatality', 'casualty', 'survivor', 'victim', 'body', 'injury']);
/** Time spans rarely measure the same thing twice ("three days of mourning", "two days"): they align only word for word. */
const TIME = new Set(['second', 'minute', 'hour', 'day', 'night', 'week', 'month', 'year', 'decade']);
/** Words a running count names itself by before "rose to" ("the death toll from the crash rose to 17"). */
const RUNNING_COUNT = /\b(?:death toll|toll|number of (?:dead|deaths|injured|missing|cases|people \w+))\b/;
/** Reports of one quantity rarely differ by more than a few times; two wordings further apart are not merged. */
const MAX_RATIO = 3;
/**
 * Sentence words two measures of one unit must share to be read as one
 * quantity: two ("Carlow", "road"), since every sentence of a story shares
 * one word with the others (its place or event).
 */
const MIN_SHARED_CONTEXT = 2;

/** What a figure counts, reduced for comparison across articles. */
interface Quantity {
  readonly unit: string;
  /** Stemmed head noun; null when generic or naming the outcome itself. */
  readonly head: string | null;
  readonly outcome: string | null;
  /** The outcome, else the stemmed first word of the predicate, else null: how the article says what happened. */
  readonly sense: string | null;
  /** Stemmed content words of `about`, for time spans. */
  readonly words: string;
  /**
   * A measured amount whose `about` says nothing usable ("$85 million for road
   * repairs", "8,400 hectares near the ridge", "winds of 190 kilometres per
   * hour"): its unit and sentence say what it measures.
   */
  readonly measure: boolean;
  /** Stemmed content words of its sentence, unit words left out: what a measure is compared by. */
  readonly context: ReadonlySet<string>;
}

interface Group {
  readonly quantity: Quantity;
  readonly members: Reported[];
}

/**
 * Figures of several articles that count the same thing: same unit, same
 * head noun, and no clash in what happened to it ("people died" vs "people
 * rescued"). Figures with no `about` are left out: a bare number cannot be
 * aligned with any confidence. Figures worded alike form a group first; two
 * groups worded differently ("took part" and "marched") then merge, closest
 * values first, unless one article gives a figure in each: an article does
 * not report one quantity twice in two wordings, so they count different
 * things ("412 passengers carried", "8 passengers died").
 */
export function alignFigures(reported: readonly Reported[]): Reported[][] {
  const groups: Group[] = [];
  for (const item of reported) {
    const quantity = quantityOf(item);
    if (!quantity) continue;
    const group = groups.find((g) => sameWording(g.quantity, quantity));
    if (group) group.members.push(item);
    else groups.push({ quantity, members: [item] });
  }
  const pairs: { a: number; b: number; affinity: number }[] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      if (!mayMerge(groups[i]!.quantity, groups[j]!.quantity)) continue;
      const affinity = closestRatio(groups[i]!.members, groups[j]!.members);
      if (affinity <= MAX_RATIO) pairs.push({ a: i, b: j, affinity });
    }
  }
  // Wordings sharing a value first, then the most reported ones: a stray wording joins the count most outlets give
  // ("about 120 left" joins the 118 held that three outlets report, not the 122 freed earlier that one mentions).
  const size = (p: { a: number; b: number }) => groups[p.a]!.members.length + groups[p.b]!.members.length;
  pairs.sort((x, y) => Number(x.affinity > 1) - Number(y.affinity > 1) || size(y) - size(x) || x.affinity - y.affinity || x.a - y.a || x.b - y.b);
  const root = groups.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
  const merged = groups.map((g) => ({
    members: [...g.members],
    outcomes: new Set(g.quantity.outcome ? [g.quantity.outcome] : []),
    heads: new Set(g.quantity.head ? [g.quantity.head] : []),
  }));
  for (const { a, b } of pairs) {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    const [x, y] = [merged[ra]!, merged[rb]!];
    const articles = new Set(x.members.map((m) => m.article));
    if (y.members.some((m) => articles.has(m.article))) continue;
    if (new Set([...x.outcomes, ...y.outcomes]).size > 1 || new Set([...x.heads, ...y.heads]).size > 1) continue;
    root[rb] = ra;
    x.members.push(...y.members);
    for (const o of y.outcomes) x.outcomes.add(o);
    for (const h of y.heads) x.heads.add(h);
  }
  return merged.filter((_, i) => find(i) === i).map((g) => g.members);
}

/** The outcome class a figure's predicate, else its `about`, names; null when none. */
export function outcomeOf(figure: Figure): string | null {
  for (const text of [figure.predicate, figure.about]) {
    const found = outcomeIn(text);
    if (found) return found;
  }
  return null;
}

function outcomeIn(text: string | null | undefined): string | null {
  const lower = (text ?? '').toLowerCase();
  return OUTCOMES.find(([, pattern]) => pattern.test(lower))?.[0] ?? null;
}

function quantityOf(item: Reported): Quantity | null {
  const { figure } = item;
  const unit = (figure.unit ?? '').toLowerCase();
  const words = contentWords(figure.about ?? '');
  // "rose to 17" names its count before the number: the death toll, not the crash it is from.
  const running = isUpdateVerb(figure.predicate) && RUNNING_COUNT.test((item.lead ?? '').toLowerCase());
  const measure = !running && isMeasure(item, unit);
  if (words.length === 0 && !running && !measure) return null;
  // Figures built before `head` existed (or by hand) fall back on the first word of `about`.
  const rawHead = running
    ? null
    : measure
      ? headBeforeOf(item.lead)
      : figure.head === undefined
        ? words[0]!
        : figure.head === null
          ? null
          : stem(figure.head.toLowerCase());
  const canonical = rawHead === null ? null : (SAME_HEAD.get(rawHead) ?? rawHead);
  const head = canonical === null || GENERIC.has(canonical) || OUTCOME_NOUNS.has(canonical) ? null : canonical;
  const outcome = outcomeOf(figure) ?? outcomeIn(running ? item.lead : item.clause) ?? outcomeIn(leadTail(item.lead));
  const predicate = figure.predicate?.toLowerCase().split(/\s+/)[0] ?? null;
  const unitWords = new Set(contentWords(`${figure.unit ?? ''} ${figure.text}`));
  return {
    unit,
    head,
    outcome,
    sense: outcome ?? (predicate ? stem(predicate) : null),
    words: [...new Set(words)].sort().join(' '),
    measure,
    context: new Set(contentWords(`${item.lead ?? ''} ${item.clause ?? ''}`).filter((w) => !unitWords.has(w) && !/^\d/.test(w))),
  };
}

/**
 * A figure with a unit whose `about` is missing, or not written as "of ..."
 * right after it: "42,000 hectares in Darra province" measures crops, not the
 * province. Percentages stay out: a story holds too many of them (turnout,
 * vote shares, rises) for the sentence to tell them apart.
 */
function isMeasure(item: Reported, unit: string): boolean {
  if (unit === '' || unit === '%') return false;
  if (!item.figure.about?.trim()) return true;
  const after = (item.clause ?? '').slice(item.figure.end - item.figure.start);
  return !/^\s*of\b/i.test(after);
}

/** "with winds of" -> "wind": the noun a measure is given for, when the sentence names it just before. */
function headBeforeOf(lead: string | undefined): string | null {
  const found = /(\p{L}+)\s+of\s*$/u.exec(lead ?? '')?.[1]?.toLowerCase();
  return found && !isStopword(found) ? stem(found) : null;
}

/** The last words before the number ("estimated the crowd at"): where an outcome is written when nothing after it says one. */
function leadTail(lead: string | undefined): string {
  return (lead ?? '').split(/\s+/).filter(Boolean).slice(-3).join(' ');
}

function isTime(q: Quantity): boolean {
  return q.head !== null && TIME.has(q.head);
}

function sameWording(a: Quantity, b: Quantity): boolean {
  // Measures meet others only through `mayMerge`, which asks their sentences to agree.
  if (a.unit !== b.unit || a.measure || b.measure) return false;
  // "three days" alone says nothing of what lasted them.
  if (isTime(a) || isTime(b)) return a.words === b.words && a.words.includes(' ');
  return a.head === b.head && a.sense === b.sense && (a.head !== null || a.outcome !== null || a.sense !== null);
}

function mayMerge(a: Quantity, b: Quantity): boolean {
  if (a.unit !== b.unit || isTime(a) || isTime(b)) return false;
  if (a.measure || b.measure) {
    if (a.outcome !== null && b.outcome !== null && a.outcome !== b.outcome) return false;
    if (a.head !== null && b.head !== null && a.head !== b.head) return false;
    let shared = 0;
    for (const w of a.context) if (b.context.has(w)) shared++;
    return shared >= MIN_SHARED_CONTEXT;
  }
  if (a.outcome !== null && b.outcome !== null) return a.outcome === b.outcome && (a.head === null || b.head === null || a.head === b.head);
  // "people" without an outcome says too little to meet anything worded otherwise.
  if (a.head === null || b.head === null) return false;
  return a.head === b.head;
}

/** The smallest ratio between a value of one group and a value of the other (1: they share a value). */
function closestRatio(a: readonly Reported[], b: readonly Reported[]): number {
  let best = Infinity;
  for (const x of a) {
    for (const y of b) {
      const [u, v] = [x.figure.value, y.figure.value];
      const ratio = u === v ? 1 : u > 0 && v > 0 ? Math.max(u, v) / Math.min(u, v) : Infinity;
      best = Math.min(best, ratio);
    }
  }
  return best;
}

export type ValueKind = 'compatible' | 'rounding' | 'conflict';

const LOWER = /^(more than|over|above|at least|upwards of|in excess of|no fewer than|no less than|>|≥)$/i;
const UPPER = /^(less than|fewer than|under|below|up to|at most|no more than|as many as|<|≤)$/i;
const APPROX =
  /^(about|around|approximately|roughly|some|nearly|almost|close to|an estimated|estimated|circa|c\.|~|more or less)$/i;

interface Interval {
  readonly low: number;
  readonly high: number;
  readonly approximate: boolean;
  /** The bound itself is allowed: "at least 30" holds 30, "more than 30" does not. */
  readonly inclusive?: boolean;
}

const INCLUSIVE = /^(at least|no fewer than|no less than|up to|at most|no more than|as many as|≥|≤)$/i;

function intervalOf(figure: Figure, tolerance: number): Interval {
  const q = (figure.qualifier ?? '').trim();
  const high = figure.high ?? figure.value;
  if (LOWER.test(q)) return { low: figure.value, high: Infinity, approximate: false, inclusive: INCLUSIVE.test(q) };
  if (UPPER.test(q)) return { low: -Infinity, high: figure.value, approximate: false, inclusive: INCLUSIVE.test(q) };
  if (APPROX.test(q)) return { low: figure.value * (1 - tolerance), high: high * (1 + tolerance), approximate: true };
  return { low: figure.value, high, approximate: false };
}

/**
 * How differing values of one quantity relate. Compatible: some single value
 * satisfies every bound ("more than 240" and 253). Rounding: they fit together
 * once approximate values get `tolerance` either way ("about 1,200" and 1,139),
 * or one is the other rounded (1,100 and 1,139). Otherwise a conflict.
 */
export function classifyValues(figures: readonly Figure[], tolerance = 0.1): ValueKind {
  const exact = figures.map((f) => intervalOf(f, 0));
  if (intersects(exact)) return 'compatible';
  const loose = figures.map((f) => intervalOf(f, tolerance));
  if (loose.some((i) => i.approximate) && intersects(loose)) return 'rounding';
  const values = [...new Set(figures.map((f) => f.value))];
  if (values.length === 2 && isRoundingOf(values[0]!, values[1]!, tolerance)) return 'rounding';
  return 'conflict';
}

function intersects(intervals: readonly Interval[]): boolean {
  const low = Math.max(...intervals.map((i) => i.low));
  const high = Math.min(...intervals.map((i) => i.high));
  // Strict bounds ("more than 240") exclude the bound itself; equal ends meet for exact values and inclusive bounds.
  return low < high || (low === high && intervals.every((i) => i.low === i.high || i.inclusive === true || (i.low !== low && i.high !== high)));
}

/**
 * Whether the rounder of two values is the other rounded to its last non-zero
 * digit (1,100 ~ 1,139), and close to it: 1,000 for 1,400 is too coarse to be
 * read as the same report.
 */
function isRoundingOf(a: number, b: number, tolerance: number): boolean {
  if (Math.abs(a - b) > tolerance * Math.max(Math.abs(a), Math.abs(b))) return false;
  const [round, other] = trailingZeros(a) >= trailingZeros(b) ? [a, b] : [b, a];
  const zeros = trailingZeros(round);
  if (zeros === 0) return false;
  const step = 10 ** zeros;
  return Math.round(other / step) * step === round;
}

function trailingZeros(value: number): number {
  if (!Number.isInteger(value) || value === 0) return 0;
  let n = 0;
  for (let v = Math.abs(value); v % 10 === 0; v /= 10) n++;
  return n;
}

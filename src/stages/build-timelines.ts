import type { DateMention, Doc } from '../model/doc.js';
import type { Evidence, Span } from '../model/span.js';
import type { StageContext, StoryStage } from '../model/stage.js';
import type { Copy, Corpus, TimelineEvent } from '../model/story.js';
import { countIndependentSources, originalOf } from './story/count-independent-sources.js';
import { mapStories } from './story/map-stories.js';
import { contentWords, jaccard } from './story/term-vectors.js';

export interface BuildTimelinesOptions {
  /** Content-word Jaccard from which two sentences of one date tell the same event. */
  sameEvent?: number;
}

interface Draft {
  readonly date: string;
  readonly text: string;
  readonly words: ReadonlySet<string>;
  readonly evidence: Evidence[];
}

/**
 * Per story, the dated events: each date with a day or a month, told by the
 * sentence that holds it. Sentences of one date from several articles that
 * say much the same are one event. An article that dates nothing adds its lead
 * sentence on its publication date, so every dated article shows on the
 * timeline; one that does date something adds nothing more, since its
 * publication day is rarely an event of the story.
 *
 * A sentence is told on one date only. A dateline ("PORT ELLIS, May 21 -")
 * gives the day of the report, so another date in the sentence wins over it;
 * then a day wins over a month, a day other than the publication day over that
 * day, and the first in the text over the rest.
 * A copy's sentence joins the entry of its original (on the original's date:
 * a copy published later resolves "yesterday" to another day), and every entry
 * counts its independent sources.
 */
export function buildTimelines({ sameEvent = 0.3 }: BuildTimelinesOptions = {}): StoryStage {
  return {
    kind: 'story',
    name: 'build-timelines',
    version: '1',
    requires: ['stories', 'dates', 'sentences'],
    provides: ['stories'],
    run(corpus: Corpus, _ctx: StageContext): Corpus {
      return mapStories(corpus, (story, docs) => {
        const copies = story.copies ?? [];
        const drafts: Draft[] = [];
        // Originals first, so that a copy finds its original's entries already there.
        docs.sort((a, b) => isCopy(a.id, copies) - isCopy(b.id, copies));
        for (const doc of docs) for (const event of eventsOf(doc)) addEvent(drafts, event, sameEvent, copies);
        return { ...story, timeline: drafts.map((draft) => toEvent(draft, copies)).sort(byDate) };
      });
    },
  };
}

function isCopy(article: string, copies: readonly Copy[]): number {
  return copies.some((c) => c.article === article) ? 1 : 0;
}

interface Dated {
  readonly date: string;
  readonly mention: DateMention;
  readonly sentence: Span;
}

function eventsOf(doc: Doc): Draft[] {
  const bySentence = new Map<string, Dated[]>();
  for (const mention of doc.dates) {
    const date = /^(\d{4}-\d{2}(?:-\d{2})?)(?:T.*)?$/.exec(mention.value)?.[1];
    if (!date) continue;
    const sentence = sentenceAround(doc, mention);
    const key = `${sentence.start} ${sentence.end}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), { date, mention, sentence }]);
  }
  const events: Draft[] = [];
  for (const dated of bySentence.values()) {
    const { date, sentence } = [...dated].sort((a, b) => preference(doc, a) - preference(doc, b))[0]!;
    const text = doc.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim();
    if (events.some((e) => e.date === date && e.text === text)) continue;
    events.push({ date, text, words: new Set(contentWords(text)), evidence: [{ article: doc.id, ...sentence }] });
  }
  if (events.length === 0 && doc.published && /^\d{4}-\d{2}-\d{2}$/.test(doc.published)) {
    const lead = doc.sentences.find((s) => /\p{L}{2,}/u.test(doc.text.slice(s.start, s.end)));
    if (lead) {
      const text = doc.text.slice(lead.start, lead.end).replace(/\s+/g, ' ').trim();
      events.push({ date: doc.published, text, words: new Set(contentWords(text)), evidence: [{ article: doc.id, ...lead }] });
    }
  }
  return events;
}

/** Lower is better; mentions of one sentence are sorted by it, so ties keep text order. */
function preference(doc: Doc, dated: Dated): number {
  return (
    (isDateline(doc.text, dated.sentence, dated.mention) ? 4 : 0) +
    (dated.date.length < 10 ? 2 : 0) +
    (dated.date === doc.published ? 1 : 0)
  );
}

/**
 * A date written after a place in capitals at the head of a sentence or line
 * and before a dash, maybe with the outlet in brackets between:
 * "PORT ELLIS, Carvia, May 21 (Coast Wire) -".
 */
export function isDateline(text: string, sentence: Span, mention: Span): boolean {
  const lineStart = text.lastIndexOf('\n', mention.start - 1) + 1;
  const before = text.slice(Math.max(sentence.start, lineStart), mention.start);
  const after = text.slice(mention.end, mention.end + 60);
  return (
    /^\s*\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}(?:,\s*\p{Lu}[\p{L}\p{M}.'’ -]*)*,\s*$/u.test(before) &&
    /^\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]/u.test(after)
  );
}

/** The sentence holding a span, else its line when sentences are missing. */
function sentenceAround(doc: Doc, span: Span): Span {
  const sentence = doc.sentences.find((s) => s.start <= span.start && span.end <= s.end);
  if (sentence) return sentence;
  const start = doc.text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = doc.text.indexOf('\n', span.end);
  return { start, end: newline < 0 ? doc.text.length : newline };
}

function addEvent(drafts: Draft[], event: Draft, sameEvent: number, copies: readonly Copy[]): void {
  const article = event.evidence[0]!.article;
  const original = originalOf(article, copies);
  const open = (d: Draft): boolean => !d.evidence.some((e) => e.article === article) && jaccard(d.words, event.words) >= sameEvent;
  const fromOriginal = (d: Draft): boolean => d.evidence.some((e) => e.article !== article && originalOf(e.article, copies) === original);
  const same =
    drafts.find((d) => d.date === event.date && open(d)) ??
    (original === article ? undefined : drafts.find((d) => fromOriginal(d) && open(d)));
  if (same) same.evidence.push(...event.evidence);
  else drafts.push({ ...event, evidence: [...event.evidence] });
}

function toEvent(draft: Draft, copies: readonly Copy[]): TimelineEvent {
  const articles = [...new Set(draft.evidence.map((e) => e.article))];
  return {
    date: draft.date,
    text: draft.text,
    articles,
    evidence: draft.evidence,
    independentSources: countIndependentSources(articles, copies),
  };
}

function byDate(a: TimelineEvent, b: TimelineEvent): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

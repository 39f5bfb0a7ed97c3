import type { Doc } from '../model/doc.js';
import type { Evidence, Span } from '../model/span.js';
import type { StageContext, StoryStage } from '../model/stage.js';
import type { Corpus, TimelineEvent } from '../model/story.js';
import { docsOfStory } from './story/docs-of-story.js';
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
 */
export function buildTimelines({ sameEvent = 0.3 }: BuildTimelinesOptions = {}): StoryStage {
  return {
    kind: 'story',
    name: 'build-timelines',
    version: '1',
    requires: ['stories', 'dates', 'sentences'],
    provides: ['stories'],
    run(corpus: Corpus, _ctx: StageContext): Corpus {
      const stories = corpus.stories.map((story) => {
        const drafts: Draft[] = [];
        for (const doc of docsOfStory(corpus, story)) for (const event of eventsOf(doc)) addEvent(drafts, event, sameEvent);
        return { ...story, timeline: drafts.map(toEvent).sort(byDate) };
      });
      return { ...corpus, stories };
    },
  };
}

function eventsOf(doc: Doc): Draft[] {
  const events: Draft[] = [];
  for (const mention of doc.dates) {
    const date = /^(\d{4}-\d{2}(?:-\d{2})?)(?:T.*)?$/.exec(mention.value)?.[1];
    if (!date) continue;
    const sentence = sentenceAround(doc, mention);
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

/** The sentence holding a span, else its line when sentences are missing. */
function sentenceAround(doc: Doc, span: Span): Span {
  const sentence = doc.sentences.find((s) => s.start <= span.start && span.end <= s.end);
  if (sentence) return sentence;
  const start = doc.text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = doc.text.indexOf('\n', span.end);
  return { start, end: newline < 0 ? doc.text.length : newline };
}

function addEvent(drafts: Draft[], event: Draft, sameEvent: number): void {
  const article = event.evidence[0]!.article;
  const same = drafts.find(
    (d) => d.date === event.date && !d.evidence.some((e) => e.article === article) && jaccard(d.words, event.words) >= sameEvent,
  );
  if (same) same.evidence.push(...event.evidence);
  else drafts.push({ ...event, evidence: [...event.evidence] });
}

function toEvent(draft: Draft): TimelineEvent {
  return {
    date: draft.date,
    text: draft.text,
    articles: [...new Set(draft.evidence.map((e) => e.article))],
    evidence: draft.evidence,
  };
}

function byDate(a: TimelineEvent, b: TimelineEvent): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

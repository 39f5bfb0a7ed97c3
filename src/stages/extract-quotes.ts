import type { Doc, Quote } from '../model/doc.js';
import type { Message } from '../model/message.js';
import type { Span } from '../model/span.js';
import type { DocStage } from '../model/stage.js';
import { CUE_PATTERN } from './quotes/cue-verbs.js';
import { classifySource, isCarried, isCarrier, sourceContextOf } from './quotes/classify-source.js';
import { findAttribution, isPronoun, type Attribution } from './quotes/find-attribution.js';
import { findIndirectSpeech } from './quotes/find-indirect-speech.js';
import { findQuoteSpans, type QuoteSpan } from './quotes/find-quote-spans.js';
import { asPerson, personCandidates, resolvePronoun, type PersonName } from './quotes/resolve-pronoun.js';

export interface ExtractQuotesOptions {
  /**
   * Quotes of fewer words are labels or scare quotes ("called it 'reckless'"),
   * reported as partial and without a speaker, unless they stand as a
   * sentence of their own with a cue next to them (`"No," she said.`).
   */
  minStatementWords?: number;
  /**
   * 'resolve': a "he"/"she" source is tied to the person it refers to:
   * `speakerSpan` points at that person's name, so the entity stage fills
   * `speaker` with them (what the product shows), while `speakerText` keeps
   * the words as written and `speakerPronoun` where they are. 'as-written':
   * no resolution, `speakerSpan` is the pronoun itself.
   */
  pronouns?: 'resolve' | 'as-written';
  /** Also report indirect speech ("Okafor said the ward was full") as `direct: false`. */
  indirect?: boolean;
}

const STAGE = 'extract-quotes';

/**
 * Direct and partial quotes with their speakers. Finding the quoted spans
 * (quotes/find-quote-spans) and tying each to a source (quotes/find-attribution,
 * quotes/resolve-pronoun) are separate steps, so either can be replaced.
 */
export function extractQuotes({
  minStatementWords = 3,
  pronouns = 'resolve',
  indirect = true,
}: ExtractQuotesOptions = {}): DocStage {
  return {
    kind: 'doc',
    name: STAGE,
    version: '1',
    requires: ['sentences', 'tokens', 'mentions'],
    provides: ['quotes'],
    run(doc: Doc): Doc {
      const { quotes, messages } = quotesOf(doc, { minStatementWords, pronouns, indirect });
      return { ...doc, quotes, messages: [...doc.messages, ...messages] };
    },
  };
}

interface Paragraph extends Span {
  readonly index: number;
}

interface Spoken {
  readonly quote: QuoteSpan;
  readonly partial: boolean;
  /** The source as written, when one was found or carried over. */
  readonly attribution: Attribution | null;
  /** Who it is, after pronoun resolution. */
  readonly speaker: PersonName | null;
  readonly pronoun: Span | null;
  /** The reporting verb, kept when the words were read off a banner or a sign rather than said ("the banner read"). */
  readonly cue?: Span;
}

function quotesOf(doc: Doc, options: Required<ExtractQuotesOptions>): { quotes: Quote[]; messages: Message[] } {
  const text = doc.text;
  const { quotes: spans, unmatched } = findQuoteSpans(text);
  const paragraphs = paragraphsOf(text);
  const people = personCandidates(text, doc.mentions);
  const spoken: Spoken[] = [];
  for (const [i, quote] of spans.entries()) {
    const para = paragraphAt(paragraphs, quote.open.start);
    const prev = spoken.at(-1);
    const next = spans[i + 1];
    const closePara = paragraphAt(paragraphs, quote.close.start);
    const samePara = prev !== undefined && paragraphAt(paragraphs, prev.quote.close.start).index === para.index;
    const sentence = sentenceStart(text, para.start, quote.open.start);
    const before = { start: Math.max(sentence, samePara ? prev.quote.close.end : para.start), end: quote.open.start };
    const afterEnd = Math.min(
      closePara.end,
      quote.close.end + 300,
      next && next.open.start < closePara.end ? next.open.start : Infinity,
    );
    const window = { before, after: { start: quote.close.end, end: afterEnd } };

    const embedded = isEmbedded(text.slice(before.start, before.end));
    const words = wordCount(text.slice(quote.start, quote.end));
    let attribution = findAttribution(text, window, { loose: embedded });
    let partial = embedded || continuesSentence(text, quote, attribution);
    // Words on a banner or a sign, a chant, a recorded message: nobody is their speaker, not
    // even the one of the quote before.
    const carrierCue =
      attribution && isCarrier(text.slice(attribution.speaker.start, attribution.speaker.end)) ? attribution.cue : null;
    const carried =
      carrierCue !== null || isCarried(text.slice(before.start, before.end), text.slice(window.after.start, window.after.end));
    if (carried) attribution = null;
    if (words < options.minStatementWords && (partial || !attribution)) {
      partial = true;
      attribution = null;
    } else if (!attribution && !partial && !carried) {
      attribution = inherited(text, quote, para, paragraphs, spoken, samePara, window);
    }
    const resolved = resolveSpeaker(text, attribution, people, spoken, paragraphs, para, spans, options);
    spoken.push({ quote, partial, attribution, ...resolved, ...(carrierCue ? { cue: carrierCue } : {}) });
  }
  const messages: Message[] = unmatched.map((span) => ({
    severity: 'info',
    rule: 'quotes/unmatched-mark',
    stage: STAGE,
    text: 'a quotation mark opens here and is never closed; the text after it is not reported as a quote',
    span,
  }));
  const quotes = spoken.map((s) => typed(text, toQuote(text, s)));
  if (options.indirect) {
    const statements = spoken.filter((s) => !s.partial).map((s) => ({ start: s.quote.open.start, end: s.quote.close.end }));
    for (const reported of findIndirectSpeech(text, doc.sentences, { quoted: statements })) {
      const para = paragraphAt(paragraphs, reported.content.start);
      const before = spoken.filter((s) => s.quote.close.end <= reported.content.start);
      const { speaker, pronoun } = resolveSpeaker(text, reported.attribution, people, before, paragraphs, para, spans, options);
      const quote = toQuote(text, {
        quote: { ...reported.content, open: reported.content, close: reported.content, paragraphs: 1 },
        partial: false,
        attribution: reported.attribution,
        speaker,
        pronoun,
      });
      quotes.push(typed(text, { ...quote, direct: false }));
    }
    quotes.sort((a, b) => a.start - b.start);
  }
  return { quotes, messages };
}

/** A quote with no cue of its own continues the speech of the quote before it, if that one is close enough. */
function inherited(
  text: string,
  quote: QuoteSpan,
  para: Paragraph,
  paragraphs: readonly Paragraph[],
  spoken: readonly Spoken[],
  samePara: boolean,
  window: { before: Span; after: Span },
): Attribution | null {
  const prev = spoken.at(-1);
  const opensParagraph = !text.slice(para.start, quote.open.start).trim();
  const prevPara = paragraphs[para.index - 1];
  if (opensParagraph && prevPara && text.slice(prevPara.start, prevPara.end).trimEnd().endsWith(':')) {
    // "Okafor continued:" on a line of its own, the quote in the next paragraph.
    const before = { start: sentenceStart(text, prevPara.start, prevPara.end), end: prevPara.end };
    const introduced = findAttribution(text, { before, after: { start: 0, end: 0 } });
    if (introduced) return introduced;
  }
  if (prev?.attribution && !prev.partial) {
    if (samePara) return prev.attribution;
    // `"...," Okafor said.` then a paragraph that opens with a quote: still Okafor.
    if (opensParagraph && prevPara && prev.quote.close.start >= prevPara.start) return prev.attribution;
  }
  if (opensParagraph || window.before.start === para.start) return null;
  // `Okafor, a nurse, said the ward was full. "We had no beds."`: the cue is in the sentence before.
  return findAttribution(
    text,
    { before: { start: para.start, end: window.before.start }, after: { start: 0, end: 0 } },
    { loose: true },
  );
}

function resolveSpeaker(
  text: string,
  attribution: Attribution | null,
  people: readonly PersonName[],
  spoken: readonly Spoken[],
  paragraphs: readonly Paragraph[],
  para: Paragraph,
  quoted: readonly Span[],
  options: Required<ExtractQuotesOptions>,
): { speaker: PersonName | null; pronoun: Span | null } {
  if (!attribution) return { speaker: null, pronoun: null };
  const written = asPerson(attribution.speaker, text, people);
  if (!isPronoun(written.text) || options.pronouns === 'as-written') return { speaker: written, pronoun: null };
  const previous = [...spoken].reverse().find((s) => s.speaker && !isPronoun(s.speaker.text));
  const person = resolvePronoun(written.text, attribution.speaker.start, people, {
    paragraphStart: para.start,
    previousParagraphStart: paragraphs[para.index - 1]?.start ?? para.start,
    sentenceStart: (offset) => sentenceStart(text, paragraphAt(paragraphs, offset).start, offset),
    previousSpeaker: previous?.speaker
      ? { ...previous.speaker, paragraphStart: paragraphAt(paragraphs, previous.quote.open.start).start }
      : null,
    quoted,
  });
  return person ? { speaker: person, pronoun: attribution.speaker } : { speaker: written, pronoun: null };
}

/**
 * `speakerText` is the source as the article writes it ("he", "the
 * official"): that is what a reader can check against the sentence, and what
 * annotated corpora without coreference (PolNeAR) compare. Who it refers to
 * travels in `speakerSpan`, which resolve-entities reads before
 * `speakerText` to fill `speaker`.
 */
function toQuote(text: string, s: Spoken): Quote {
  const cue = s.attribution?.cue ?? s.cue;
  const quote: Quote = {
    start: s.quote.start,
    end: s.quote.end,
    text: text.slice(s.quote.start, s.quote.end),
    speaker: null,
    speakerText: s.pronoun ? text.slice(s.pronoun.start, s.pronoun.end) : (s.speaker?.text ?? null),
    direct: true,
    partial: s.partial,
    ...(s.speaker ? { speakerSpan: { start: s.speaker.start, end: s.speaker.end } } : {}),
    ...(cue ? { cue: text.slice(cue.start, cue.end) } : {}),
    ...(s.pronoun ? { speakerPronoun: s.pronoun } : {}),
  };
  return quote;
}

/**
 * The quote with the kind of its source. A phrase that turns out to name a banner or a sign
 * ("the banner said the council had failed") is no speaker: it is dropped, the cue kept.
 */
function typed(text: string, quote: Quote): Quote {
  const span = quote.speakerPronoun ?? quote.speakerSpan;
  if (!quote.speakerText || !span) return { ...quote, sourceKind: 'unattributed' };
  const sourceKind = classifySource(quote.speakerText, sourceContextOf(text, span, { loose: !quote.direct }));
  if (sourceKind !== 'unattributed') return { ...quote, sourceKind };
  const { speakerSpan: _span, speakerPronoun: _pronoun, ...rest } = quote;
  return { ...rest, speakerText: null, sourceKind };
}

const CUE_AT_END = new RegExp(`\\b(?:${CUE_PATTERN}|that|as|of)$`, 'u');

/**
 * Whether the sentence runs straight into the opening mark ("called the plan
 * 'reckless'"), making the quote part of the reporter's sentence; a colon, a
 * comma, a dash or a reporting verb before the mark introduce a statement.
 */
function isEmbedded(before: string): boolean {
  const trimmed = before.trimEnd();
  if (!/[\p{L}\p{N}]$/u.test(trimmed)) return false;
  return !CUE_AT_END.test(trimmed);
}

/** `"a betrayal of trust" and walked out`: the sentence goes on after the closing mark. */
function continuesSentence(text: string, quote: QuoteSpan, attribution: Attribution | null): boolean {
  if (attribution) return false;
  const last = text[quote.close.start - 1] ?? '';
  if (/[.!?,;:…—–-]/.test(last)) return false;
  return /^\s*\p{Ll}/u.test(text.slice(quote.close.end, quote.close.end + 20));
}

const wordCount = (s: string): number => s.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0;

function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const m of text.matchAll(/[^\n]+/g))
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length, index: out.length });
  return out;
}

function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return paragraphs[lo] ?? { start: 0, end: 0, index: 0 };
}

// A full stop after a title or an initial ("Mr.", "G.") does not end the sentence.
const SENTENCE_END =
  /(?<!\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Prof|Jr|Sr|St|No|vs|U\.S|\p{Lu}))[.!?]["”’')]*\s+/gu;

/** Where the sentence holding `offset` starts, not earlier than the paragraph. */
function sentenceStart(text: string, paraStart: number, offset: number): number {
  let start = paraStart;
  for (const m of text.slice(paraStart, offset).matchAll(SENTENCE_END)) start = paraStart + m.index + m[0].length;
  return start;
}

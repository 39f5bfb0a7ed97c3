import type { Span } from '../../model/span.js';
import { SOURCE_PATTERNS, type Attribution } from './find-attribution.js';

/** Reported speech without quotation marks: "Okafor said (that) the ward was full." */
export interface IndirectSpeech {
  /** The reported clause, without "that" and the final stop. */
  readonly content: Span;
  readonly attribution: Attribution;
}

const { NP, APPOSITIVE, ADVERB } = SOURCE_PATTERNS;
// Fewer verbs than for direct quotes: "asked", "wondered" or "denied" do not introduce a claim.
const CUE = '(?:said|says|told|added|warned|noted|insisted|argued|explained|acknowledged|stated|claimed|announced|predicted|conceded|contended|maintained|reported)';
const LEADING = new RegExp(`^(?<np>${NP})(?:${APPOSITIVE})?\\s+(?:${ADVERB}\\s+){0,2}(?<cue>${CUE})\\b`, 'u');
const TRAILING_SPEAKER_CUE = new RegExp(`,\\s+(?<np>${NP})(?:${APPOSITIVE})?\\s+(?:${ADVERB}\\s+)?(?<cue>${CUE})(?:\\s+[^,.;:]{1,40})?[.!]?$`, 'u');
const TRAILING_CUE_SPEAKER = new RegExp(`,\\s+(?<cue>${CUE})\\s+(?<np>${NP})(?:,[^.;:]{1,150})?[.!]?$`, 'u');
const QUOTE_MARK = /["“”„«»]|''/;
// After the cue: "that", or a short time or place phrase and then "that", or the clause itself.
const THAT = /^\s+(?:(?:on|in|at|during|late|early|last|this|earlier|later|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,.;:]{0,40}?\s+)?that\s+/u;
const NOT_A_CLAUSE = /^\s*(?:,|on|in|at|during|to|of|for|with|by|about|from|as|late|early|last|this|earlier|later|it|so|nothing|something|yes|no)\b/u;

const FRONTED = /^(?:In|On|At|After|Before|When|While|During|Since|Speaking|Asked|But|And|Back|Later|Earlier|Last|This)\b/u;

const words = (s: string): number => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

function trimClause(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s.!,;:]/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

function speakerSpan(base: number, match: RegExpExecArray, group: 'np' | 'cue', from = 0): Span {
  const value = match.groups![group]!;
  const at = match[0].indexOf(value, from);
  return { start: base + match.index + at, end: base + match.index + at + value.length };
}

/**
 * Sentences that report what someone said without quoting it, v1: only
 * sentences with no quotation mark at all, a source at the very start
 * ("X said (that) …", "X told reporters that …") or right before the final
 * stop ("…, officials said."), and a clause of at least `minWords` words.
 * Anything less regular is left alone to keep precision high.
 */
export function findIndirectSpeech(text: string, sentences: readonly Span[], { minWords = 4 }: { minWords?: number } = {}): IndirectSpeech[] {
  const found: IndirectSpeech[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    if (QUOTE_MARK.test(body) || body.trimEnd().endsWith('?')) continue;
    const leading = LEADING.exec(body);
    if (leading?.groups?.['np']) {
      const speaker = speakerSpan(sentence.start, leading, 'np');
      const cue = { start: sentence.start + leading[0].length - leading.groups['cue']!.length, end: sentence.start + leading[0].length };
      const rest = body.slice(leading[0].length);
      const that = THAT.exec(rest);
      // "told reporters", "added a note of caution": without "that" these verbs take an object, not a clause.
      if (!that && (/^(?:told|added|noted|reported|announced)$/.test(leading.groups['cue']!) || NOT_A_CLAUSE.test(rest))) continue;
      const content = trimClause(text, cue.end + (that ? that[0].length : 0), sentence.end);
      if (words(text.slice(content.start, content.end)) >= minWords) found.push({ content, attribution: { speaker, cue, rule: 'speaker-cue-before' } });
      continue;
    }
    const trailing = TRAILING_SPEAKER_CUE.exec(body) ?? TRAILING_CUE_SPEAKER.exec(body);
    if (trailing?.groups?.['np'] && trailing.groups['cue']) {
      const cueFirst = trailing[0].indexOf(trailing.groups['cue']) < trailing[0].indexOf(trailing.groups['np']);
      const cue = speakerSpan(sentence.start, trailing, 'cue');
      const speaker = speakerSpan(sentence.start, trailing, 'np', cueFirst ? cue.end - sentence.start - trailing.index : 0);
      const content = trimClause(text, sentence.start, sentence.start + trailing.index);
      // "In her 2003 book, Clinton said": a fronted phrase, not what was said.
      if (FRONTED.test(text.slice(content.start, content.end))) continue;
      if (words(text.slice(content.start, content.end)) >= minWords) {
        found.push({ content, attribution: { speaker, cue, rule: cueFirst ? 'cue-then-speaker' : 'speaker-then-cue' } });
      }
    }
  }
  return found;
}

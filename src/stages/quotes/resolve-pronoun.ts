import type { Mention } from '../../model/doc.js';
import type { Span } from '../../model/span.js';
import { NAME_RUN } from './find-attribution.js';

/** A person named in the text, a candidate for what "he" or "she" refers to. */
export interface PersonName extends Span {
  readonly text: string;
  readonly gender?: 'male' | 'female';
}

const MALE_TITLE = /^(?:Mr|Sir|Lord|Father|Fr|King|Prince)\b/;
const FEMALE_TITLE = /^(?:Ms|Mrs|Miss|Madam|Dame|Lady|Queen|Princess|Sister)\b/;
// Capitalised words that start sentences or name things, not people.
const NOT_A_NAME = new Set(
  ('The A An In On At But And Or If As So This That These Those It Its He She They We I You His Her Their Our My ' +
    'When While After Before Since During Though Although However Meanwhile Still Yet Then There Here What Why How Who ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December Today Yesterday Tomorrow Read More Photo Getty Images AP Reuters')
    .split(' '),
);
const NOT_A_PERSON_WORD = /\b(?:Party|Committee|University|Department|Ministry|Council|Agency|Office|Times|Post|News|Inc|Corp|Company|Association|Institute|Foundation|Bank|Court|House|Senate|Congress|Street|Avenue|County|City|State|States|Union|Republic|Kingdom|Airport|Hospital|School|Center|Centre|Group|Network|Service|Force|Army|Police)\b/;

function genderOf(name: string): PersonName['gender'] {
  if (MALE_TITLE.test(name)) return 'male';
  if (FEMALE_TITLE.test(name)) return 'female';
  return undefined;
}

const lastWord = (name: string): string => name.replace(/\s*\([^)]*\)$/, '').split(/\s+/).at(-1) ?? name;

/**
 * People named in the text: the PERSON mentions when the mention stage found
 * any, else runs of capitalised words that look like names. A title anywhere
 * for a surname ("Ms. Okafor") gives that surname's gender everywhere.
 */
export function personCandidates(text: string, mentions: readonly Mention[]): PersonName[] {
  const found: { start: number; end: number; text: string; title?: string }[] = mentions.length
    ? mentions.filter((m) => m.type === 'PERSON').map((m) => ({ start: m.start, end: m.end, text: m.text, ...(m.title ? { title: m.title } : {}) }))
    : nameRuns(text);
  const genders = new Map<string, PersonName['gender']>();
  for (const name of found) {
    const gender = genderOf(name.title ? `${name.title} ${name.text}` : name.text);
    if (gender) genders.set(lastWord(name.text), gender);
  }
  return found.map(({ start, end, text: name }) => {
    const gender = genders.get(lastWord(name));
    return gender ? { start, end, text: name, gender } : { start, end, text: name };
  });
}

function nameRuns(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(NAME_RUN)) {
    let words = m[0].split(/\s+/);
    let start = m.index;
    // "But Okafor": a sentence-opening function word is not part of the name.
    while (words.length > 1 && NOT_A_NAME.has(words[0]!)) {
      start = text.indexOf(words[1]!, start + words[0]!.length);
      words = words.slice(1);
    }
    const name = text.slice(start, m.index + m[0].length);
    if (words.every((w) => NOT_A_NAME.has(w)) || NOT_A_PERSON_WORD.test(name)) continue;
    const sentenceStart = /(?:^|[.!?]["”’]?\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start));
    // A lone capitalised word opening a sentence is as likely a common word as a surname.
    if (words.length === 1 && sentenceStart && !genderOf(name)) continue;
    out.push({ start, end: start + name.length, text: name });
  }
  return out;
}

/** What pronoun resolution may look at around the pronoun. */
export interface PronounContext {
  /** Start of the paragraph holding the pronoun, and of the one before it. */
  readonly paragraphStart: number;
  readonly previousParagraphStart: number;
  /** Where the sentence holding an offset starts (never before its paragraph). */
  readonly sentenceStart: (offset: number) => number;
  /** The last named speaker, with the start of its paragraph. */
  readonly previousSpeaker: (PersonName & { readonly paragraphStart: number }) | null;
  /** Quoted text: a name inside a quote is rarely who speaks it. */
  readonly quoted: readonly Span[];
}

/**
 * The person "he" or "she" at `offset` most likely refers to. Sentences of
 * the paragraph are searched backwards from the pronoun, and in each the
 * first compatible person wins (the subject: "Gov. Tadesse visited the
 * hospital. '...,' she said" is Tadesse, not the hospital's namesake). With
 * no one named earlier in the paragraph, the speaker of the previous quote
 * carries over when recent; else the last compatible person named.
 * Other pronouns ("they", "I", "we") are not resolved.
 */
export function resolvePronoun(pronoun: string, offset: number, people: readonly PersonName[], context: PronounContext): PersonName | null {
  const lower = pronoun.toLowerCase();
  if (lower !== 'he' && lower !== 'she') return null;
  const wanted = lower === 'he' ? 'male' : 'female';
  const candidates = people.filter(
    (p) => p.end <= offset && (p.gender === undefined || p.gender === wanted) && !context.quoted.some((q) => q.start <= p.start && p.end <= q.end),
  );
  let end = offset;
  while (end > context.paragraphStart) {
    const start = context.sentenceStart(end);
    const first = candidates.find((p) => p.start >= start && p.end <= end);
    if (first) return first;
    if (start >= end) break;
    end = start - 1;
  }
  const previous = context.previousSpeaker;
  if (previous && previous.paragraphStart >= context.previousParagraphStart && (previous.gender === undefined || previous.gender === wanted)) return previous;
  return candidates.at(-1) ?? null;
}

/** A speaker named in the text, with the gender its surname carries elsewhere. */
export function asPerson(span: Span, text: string, people: readonly PersonName[]): PersonName {
  const name = text.slice(span.start, span.end);
  const gender = genderOf(name) ?? people.find((p) => p.gender && lastWord(p.text) === lastWord(name))?.gender;
  return gender ? { ...span, text: name, gender } : { ...span, text: name };
}

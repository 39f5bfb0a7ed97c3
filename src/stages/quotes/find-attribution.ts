import type { Span } from '../../model/span.js';
import { CUE_PATTERN } from './cue-verbs.js';

/** Which written pattern tied a quote to its source. */
export type AttributionRule =
  /** `"…," said Ms. Okafor.` */
  | 'cue-then-speaker'
  /** `"…," Okafor said.` / `"…," the minister told reporters.` */
  | 'speaker-then-cue'
  /** `Okafor said: "…"` / `Okafor said the plan was "reckless."` */
  | 'speaker-cue-before'
  /** `"…," according to the ministry.` / `According to Okafor, "…"` */
  | 'according-to'
  /** `"…" ― Ana Ruiz`: the reader-comment and epigraph style. */
  | 'dash';

/** A quote's source as written: a name, a noun phrase or a pronoun. */
export interface Attribution {
  readonly speaker: Span;
  readonly cue: Span;
  readonly rule: AttributionRule;
}

/** Where to look: the text of the quote's sentence before and after its marks. */
export interface AttributionWindow {
  /** From the start of the quote's sentence (or the previous quote) to its opening mark. */
  readonly before: Span;
  /** From its closing mark to the end of the sentence (or the next quote). */
  readonly after: Span;
}

const TITLES = 'Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Rev|Prof|Jr|Sr|St|Pres|Amb|Del|Atty|Supt|Cmdr|Insp|Det|Msgr|Fr|Hon';
// Periods inside a name only after a title or an initial, so "said Fallon. The …" stops at Fallon.
// "al-Mansouri", "d'Arcy": a lower-case particle joined to a capitalised name.
const NAME_WORD = `(?:(?:${TITLES})\\.|(?:\\p{Lu}\\.)+|(?:al|el|bin|ibn|de|da|di|van|von|le|la|d)['’\\-]\\p{Lu}[\\p{L}\\p{M}'’\\-]*\\p{L}|\\p{Lu}[\\p{L}\\p{M}'’\\-]*\\p{L}|\\p{Lu})`;
const PARTICLE = '(?:de|da|del|della|van|von|der|bin|ibn|al|la|le|dos|du)';
const NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${NAME_WORD})*(?:,?\\s+(?:Jr|Sr)\\.|\\s+(?:II|III|IV))?(?:\\s+\\([^()]{1,25}\\))?`;
const PRONOUN = "(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)";
// Words a noun phrase stops at: a new phrase, a clause, a verb of its own.
const STOP = `(?:the|a|an|in|on|at|during|after|before|when|while|as|and|but|or|who|whom|which|that|this|these|those|is|was|were|are|has|have|had|not|to|by|would|will|could|can|may|might|must|should|also|now|then|later|week|month|year|night|morning|afternoon|evening|today|yesterday|tonight|between|what|where|how|why|everything|anything|nothing|something|every|all|${CUE_PATTERN})`;
// "U.S.", "U.N.": an initialism is one word of a phrase ("a senior U.S. official").
const NP_WORD = `(?:(?:\\p{Lu}\\.){2,}|(?!${STOP}\\b)[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*)`;
// Cue words that are also nouns ("the report said", "the State Department post"): after a
// determiner they head the phrase rather than start a clause.
const NOUN_CUES = 'report|reports|post|posts|note|notes|statement|claim|claims|charge|charges|state|states|promise|demand|tweet|tweets|remark|remarks';
const DET_NP_WORD = `(?:(?:${NOUN_CUES})(?=\\s+(?:${CUE_PATTERN})\\b)|${NP_WORD})`;
const DET = `(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Bb]oth|[Oo]ther|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|${NAME_WORD}(?:\\s+${NAME_WORD})*['’]s)`;
// "a spokeswoman for the Clinton campaign": of/for/at/with may join two parts of one phrase.
const DET_NP = `${DET}\\s+(?:${NP_WORD}\\s+){0,5}${DET_NP_WORD}(?:\\s+(?:of|for|at|with|in|from)\\s+(?:the\\s+)?${NP_WORD}(?:\\s+${NP_WORD}){0,3})?`;
// "the Rev. Peter Wherry", "the former senator Ana Ruiz".
const DET_NAME = `${DET}\\s+(?:(?=\\p{Ll})${NP_WORD}\\s+){0,3}${NAME}`;
// "White House press secretary Josh Earnest", "Clinton campaign spokesman Brian Fallon": a role written before the name.
const ROLE_NAME = `(?!(?:On|In|At|As|Last|This|Next|Earlier|Later|During|After|Before|When|While|But|And|So|Then|Yet|Still|If|The|A|An|Every|Everything|What|All)\\b)(?:(?:${NAME_WORD}|${NP_WORD})\\s+){1,5}?${NAME}`;
// "Mr. Morgan of the Sierra Club"
const NAME_OF = `${NAME}\\s+of\\s+(?:the\\s+)?${NAME}`;
// "officials", "local election officials": a bare plural is a source too.
const PLURAL = `(?:(?=\\p{Ll})${NP_WORD}\\s+){0,2}(?:(?!${STOP}\\b)\\p{Ll}[\\p{Ll}\\-]*[^s\\W]s|police|people|staff|staffers)\\b`;
const NP = `(?:${NAME_OF}|${ROLE_NAME}|${NAME}|${DET_NAME}|${DET_NP}|${PRONOUN}|${PLURAL})`;
// One or two appositives: "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said".
const APPOSITIVE = `(?:,\\s[^,“”"]{1,150}){1,2},`;
const ADVERB = `(?:\\p{Ll}+ly|also|later|then|again|once|has|have|had|would|will|was|is|could|might|did|does|not|never|often|always|still|just|first|even|had\\s+earlier)`;

const CUE_THEN_SPEAKER = new RegExp(`^[\\s,]*(?:[—–-]+\\s*)?(?<cue>${CUE_PATTERN})\\s+(?<np>${NP})`, 'u');
const SPEAKER_THEN_CUE = new RegExp(`^[\\s,]*(?:[—–-]+\\s*)?(?<np>${NP})(?:${APPOSITIVE})?\\s+(?:${ADVERB}\\s+){0,2}(?<cue>${CUE_PATTERN})\\b`, 'u');
const DASH_AFTER = new RegExp(`^\\s*(?<cue>[―—–]|--)\\s*(?<np>${NAME})\\s*\\.?\\s*$`, 'u');
const ACCORDING_AFTER = new RegExp(`^[\\s,]*(?<cue>according\\s+to)\\s+(?<np>${NP})`, 'u');
const ACCORDING_BEFORE = new RegExp(`(?<cue>[Aa]ccording\\s+to)\\s+(?<np>${NP})(?:${APPOSITIVE})?\\s*,?\\s*$`, 'u');
const CUE_ANYWHERE = new RegExp(`\\b(?:${CUE_PATTERN})\\b`, 'gu');
// The subject right before a cue: anchored at the cue, preceded by a phrase boundary.
const SUBJECT_BEFORE_CUE = new RegExp(`(?:^|[\\s,;:(—–-])(?<np>${NP})(?:${APPOSITIVE})?\\s+(?:${ADVERB}\\s+){0,2}$`, 'u');

function at(base: number, index: number, length: number): Span {
  return { start: base + index, end: base + index + length };
}

/** Narrows a speaker span off trailing periods and commas a title does not own. */
function tidy(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /[\s,]/.test(text[end - 1] ?? '')) end--;
  if (text[end - 1] === '.' && !new RegExp(`(?:\\b(?:${TITLES})|\\b\\p{Lu})\\.$`, 'u').test(text.slice(span.start, end))) end--;
  return { start: span.start, end };
}

/**
 * The source of one quote, from the reporting verb next to it. `after`
 * patterns are tried first: news style puts the attribution right after the
 * opening sentence of a quote. With `loose`, the cue may sit anywhere earlier
 * in the sentence ("Okafor said the plan was 'reckless'"); without it, only
 * right before the opening mark ("Okafor said: …").
 */
export function findAttribution(text: string, window: AttributionWindow, { loose = false }: { loose?: boolean } = {}): Attribution | null {
  const after = text.slice(window.after.start, window.after.end);
  for (const [pattern, rule] of [
    [DASH_AFTER, 'dash'],
    [ACCORDING_AFTER, 'according-to'],
    [CUE_THEN_SPEAKER, 'cue-then-speaker'],
    [SPEAKER_THEN_CUE, 'speaker-then-cue'],
  ] as const) {
    const m = pattern.exec(after);
    const np = m?.groups?.['np'];
    const cue = m?.groups?.['cue'];
    if (!m || !np || !cue) continue;
    const npAt = m[0].lastIndexOf(np, rule === 'speaker-then-cue' ? undefined : m[0].length - np.length);
    const cueAt = rule === 'speaker-then-cue' ? m[0].length - cue.length : m[0].indexOf(cue);
    return { speaker: tidy(text, at(window.after.start, m.index + npAt, np.length)), cue: at(window.after.start, m.index + cueAt, cue.length), rule };
  }
  return findBefore(text, window.before, loose);
}

function findBefore(text: string, span: Span, loose: boolean): Attribution | null {
  const before = text.slice(span.start, span.end);
  const according = ACCORDING_BEFORE.exec(before);
  if (according?.groups?.['np'] && according.groups['cue']) {
    const cueAt = according.index;
    const npAt = before.indexOf(according.groups['np'], cueAt + according.groups['cue'].length);
    return {
      speaker: tidy(text, at(span.start, npAt, according.groups['np'].length)),
      cue: at(span.start, cueAt, according.groups['cue'].length),
      rule: 'according-to',
    };
  }
  const cues = [...before.matchAll(CUE_ANYWHERE)].reverse();
  for (const cue of cues) {
    const tail = before.slice(cue.index + cue[0].length);
    // Strict: "said:", "said,", "told reporters:", "said Tuesday that". Loose: anything in the sentence.
    if (!loose && !/^(?:[^.!?:;]{0,60}?(?:[:,]|\bthat))?\s*$/u.test(tail)) continue;
    const subject = SUBJECT_BEFORE_CUE.exec(before.slice(0, cue.index));
    const np = subject?.groups?.['np'];
    if (!subject || !np) continue;
    const npAt = subject.index + subject[0].indexOf(np);
    return { speaker: tidy(text, at(span.start, npAt, np.length)), cue: at(span.start, cue.index, cue[0].length), rule: 'speaker-cue-before' };
  }
  return null;
}

/** Whether a speaker phrase is a bare personal pronoun. */
export function isPronoun(phrase: string): boolean {
  return new RegExp(`^${PRONOUN}$`, 'u').test(phrase);
}

/** The pieces of a source phrase, for the indirect-speech finder. */
export const SOURCE_PATTERNS = { NP, APPOSITIVE, ADVERB } as const;

/** Name-like runs of capitalised words (titles and initials included), for when no mention layer exists. */
export const NAME_RUN = new RegExp(NAME, 'gu');

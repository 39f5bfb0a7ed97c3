import type { Token } from '../../model/index.js';

const PARTICIPLE = /^(?:[a-z]+(?:ed|en|wn)|held|hurt|left|born|lost|made|built|kept|shot|struck|hit|put|set|cut|sold|bought|found|caught)$/;
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'have', 'has', 'had', 'be', 'being', 'reportedly', 'already']);
const MODIFIER_PREPOSITIONS = new Set(['in', 'on', 'at', 'from', 'for', 'with', 'per', 'across', 'during', 'inside', 'near', 'since', 'under', 'aboard', 'of', 'by']);
const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
/** Longest modifier kept after the head noun: "about" stays a short label. */
const MAX_MODIFIER_TOKENS = 5;

const OPENERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'these', 'those', 'this', 'that']);
const PRONOUN_WHOLE = new Set(['them', 'us']);

export interface CountedNounOptions {
  /** Read past "of"/"in" ("hundreds of people", "12% of the vote"); the determiner after it is kept. */
  readonly skipOf?: boolean;
  /** The figure is in subject position: a bare past form after the noun is the main verb. */
  readonly subject?: boolean;
  /** Keep a determiner right after the figure ("twice the amount", "half the staff"). */
  readonly determiner?: boolean;
}

/** What a figure counts, and where its head word is. */
export interface CountedNoun {
  /** The noun phrase with at most one modifier ("people killed in the flooding"). */
  readonly about: string;
  /** The head noun, lower-case; null for a bare participle ("28,000 killed"). */
  readonly head: string | null;
  /** Index of the token right after the head noun or bare participle. */
  readonly next: number;
}

/**
 * What a figure counts: the noun phrase right after it ("people"), plus one
 * participle or prepositional modifier ("people killed in the flooding",
 * "prisoners for each hostage"). A bare participle counts too ("28,000
 * killed"). null when no noun or participle follows.
 */
export function countedNoun(text: string, tokens: readonly Token[], from: number, limit: number, { skipOf = false, subject = false, determiner = false }: CountedNounOptions = {}): CountedNoun | null {
  let i = tokens.findIndex((t) => t.start >= from);
  if (i < 0) return null;
  const word = (k: number) => (tokens[k] && tokens[k]!.end <= limit ? text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase() : '');
  let skipped = false;
  if (skipOf && (word(i) === 'of' || word(i) === 'in')) {
    i++;
    skipped = true;
  }
  // "a quarter of them": the pronoun is all there is to name.
  if ((skipped || determiner) && PRONOUN_WHOLE.has(word(i))) return { about: text.slice(tokens[i]!.start, tokens[i]!.end), head: word(i), next: i + 1 };
  // "5% of the budget", "half the staff": the determiner belongs to what the share is taken of.
  const opener = (skipped || determiner) && OPENERS.has(word(i)) ? i++ : -1;
  const first = i;
  // "doubled to 90 last year": a time after a number says when, not what was counted.
  if (/^(?:last|this|next|that)$/.test(word(i)) && /^(?:week|month|year|quarter|season|spring|summer|autumn|fall|winter|weekend|night|morning)s?$/.test(word(i + 1))) return null;
  let last = -1;
  while (tokens[i] && tokens[i]!.end <= limit && (NOUNISH.has(tokens[i]!.pos ?? '') || (tokens[i]!.pos === 'VERB' && /ing$/.test(word(i)) && i === first)) && !/^(?:percent|%)$/.test(word(i))) {
    if (tokens[i]!.pos === 'NOUN' || tokens[i]!.pos === 'PROPN') last = i;
    i++;
  }
  // "the national average", "the injured": after a determiner an adjective can close the phrase.
  if (last < 0 && opener >= 0 && i > first && tokens[i - 1]!.pos === 'ADJ') last = i - 1;
  let bareParticiple = false;
  if (last < 0) {
    // "28,000 killed", "more than 300 wounded".
    if (!isParticiple(text, tokens[first], limit)) return null;
    last = first;
    bareParticiple = true;
  }
  if (opener >= 0 && bareParticiple) return null;
  const head = text.slice(tokens[opener >= 0 ? opener : first]!.start, tokens[last]!.end);
  const k = last + 1;
  const counted = (about: string): CountedNoun => ({
    about,
    head: bareParticiple ? null : text.slice(tokens[last]!.start, tokens[last]!.end).toLowerCase(),
    next: k,
  });
  if (!bareParticiple) {
    // "people were killed in the flooding" reads as "people killed in the flooding".
    let p = k;
    while (PASSIVE_AUX.has(word(p))) p++;
    // A participle without a prepositional phrase is the main verb ("protesters gathered").
    // In subject position a bare past form is the main verb ("boats capsized near ..."), not a modifier.
    const passive = p > k && tokens[k]!.pos === 'AUX';
    if (isParticiple(text, tokens[p], limit) && MODIFIER_PREPOSITIONS.has(word(p + 1)) && (passive || (p === k && !subject))) {
      const phraseEnd = prepositionalPhrase(text, tokens, p + 1, limit);
      if (phraseEnd !== null) return counted(`${head} ${text.slice(tokens[p]!.start, phraseEnd)}`);
    }
  }
  if (MODIFIER_PREPOSITIONS.has(word(k))) {
    const phraseEnd = prepositionalPhrase(text, tokens, k, limit);
    if (phraseEnd !== null) return counted(text.slice(tokens[opener >= 0 ? opener : first]!.start, phraseEnd));
  }
  return counted(head);
}

function isParticiple(text: string, token: Token | undefined, limit: number): boolean {
  if (!token || token.end > limit || (token.pos !== 'VERB' && token.pos !== 'ADJ')) return false;
  return PARTICIPLE.test(text.slice(token.start, token.end).toLowerCase());
}

/** The end of "in the flooding", "on Oct. 7", "for each hostage"; null when no noun follows. */
function prepositionalPhrase(text: string, tokens: readonly Token[], at: number, limit: number): number | null {
  let end: number | null = null;
  for (let k = at + 1; k < at + 1 + MAX_MODIFIER_TOKENS; k++) {
    const token = tokens[k];
    if (!token || token.end > limit) break;
    const pos = token.pos ?? '';
    const value = text.slice(token.start, token.end);
    if (pos === 'DET' || pos === 'ADJ') continue;
    const abbreviatedMonth = value === '.' && /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/.test(text.slice(tokens[k - 1]!.start, tokens[k - 1]!.end));
    if (pos === 'NOUN' || pos === 'PROPN' || pos === 'NUM' || abbreviatedMonth) {
      end = token.end;
      continue;
    }
    break;
  }
  return end;
}

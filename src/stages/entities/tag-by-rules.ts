import type { EntityType, Mention, Token } from '../../model/doc.js';
import type { MentionTagger, TaggerInput } from './mention-tagger.js';
import { entityTypeAt, isCommonWord, knownPhraseType, wordStats } from './gazetteer.js';
import {
  CITIES,
  COUNTRIES,
  DAYS,
  DEMONYMS,
  FIRST_NAMES,
  HONORIFICS,
  HYPHEN_PARTICLES,
  COUNTRY_POSSESSIONS,
  LOC_CUES,
  LOC_HEADS,
  MONTHS,
  NAME_PARTICLES,
  NEVER_NAMES,
  OF_HEADS,
  ORG_CUES,
  PLACE_OF_NOUNS,
  PLACE_PHRASES,
  SPEECH_VERBS,
  TITLE_HEADS,
  TITLE_WORDS,
  VESSEL_NOUNS,
} from './lexicon.js';
import { lineCasing, titleCase, type LineCasing } from './line-casing.js';

export interface RuleTaggerOptions {
  /** Type of a capitalised name of two or more words that no rule recognises; null drops it. */
  unknownPhraseType?: EntityType | null;
  /**
   * Type of a lone capitalised word that no rule recognises; null drops it.
   * Dropping scored best on CoNLL-2003 eng.testa (F1 86.5 vs 84.9 as ORG, 83.7 as PERSON).
   */
  unknownWordType?: EntityType | null;
}

/** A token, or tokens glued by hyphens ("al-Rashed", "Jean-Pierre"). */
interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly pos: string;
  /** Opens a sentence or a quotation: capitalised for grammar, not as a name. */
  readonly first: boolean;
}

interface Candidate {
  readonly words: readonly Word[];
  readonly casing: LineCasing;
  readonly title: string | null;
  readonly before: Word | undefined;
  readonly after: Word | undefined;
}

interface Typed {
  readonly candidate: Candidate;
  readonly type: EntityType | null;
  /** Decided by a list or a cue rather than by a guess; a guess may be revised by the document. */
  readonly sure: boolean;
  /** How the name is spelled elsewhere in running text, when it differs ("BRENNA" in a dateline). */
  readonly key?: string;
  /** Typed by the words around it: weaker than a list, stronger than a guess from the words alone. */
  readonly context?: boolean;
  readonly basis: RuleBasis;
}

/** "in Tarnowel": an unknown lone name after these is more often a place than anything else. */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'at', 'from', 'outside', 'across', 'into', 'towards', 'toward']);
/** "travelled to Tarnowel", "back to Tarnowel": "to" alone too often precedes a person. */
const TO_PLACE =
  /\b(?:back|travel(?:l?ed|l?ing|s)?|fl(?:ew|y|ies|ying)|return(?:ed|ing|s)?|went|go(?:es|ing)?|got|came|come|head(?:ed|ing|s)?|moved?|trip|visit|journey|road|way) to\s+$/i;
const TITLE_HEADS_LOWER = new Set([...TITLE_HEADS].map((w) => w.toLowerCase()));
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '-', '--', '—', '–', '«']);
const ACRONYM = /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,5})$/u;

/**
 * The v1 mention tagger: capitalised runs from the text, split around titles,
 * typed by gazetteers, cue words, name lists and the document's other names.
 */
export function tagByRules(options: RuleTaggerOptions = {}): MentionTagger {
  const explained = tagByRulesWithBasis(options);
  return (input: TaggerInput): Mention[] => explained(input).map(({ basis: _basis, ...mention }) => mention);
}

/** Which rule decided a mention's type. */
export type RuleBasis =
  | 'known-name'
  | 'place-list'
  | 'demonym'
  | 'title'
  | 'org-word'
  | 'place-word'
  | 'acronym'
  | 'first-name'
  | 'dateline'
  | 'place-context'
  | 'vessel'
  | 'role'
  | 'same-name'
  | 'surname'
  | 'place-adjective'
  | 'listed-place'
  | 'guess';

export interface RuledMention extends Mention {
  readonly basis: RuleBasis;
}

export type RuleTagger = (input: TaggerInput) => RuledMention[];

export function tagByRulesWithBasis({ unknownPhraseType = 'PERSON', unknownWordType = null }: RuleTaggerOptions = {}): RuleTagger {
  return (input: TaggerInput): RuledMention[] => {
    const candidates = input.sentences.flatMap((sentence) =>
      findCandidates(words(input.text, tokensIn(input.tokens, sentence.start, sentence.end))),
    );
    const firstPass = candidates.map((candidate) => typeCandidate(candidate, input.text, { unknownPhraseType, unknownWordType }));
    return reviseByDocument(firstPass, input.text);
  };
}

function tokensIn(tokens: readonly Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.start < end; i++) out.push(tokens[i]!);
  return out;
}

function words(text: string, tokens: readonly Token[]): Word[] {
  const out: Word[] = [];
  // Whether a word with a letter or digit came before: the sentence's first such word opens it.
  let opened = false;
  for (const token of tokens) {
    const value = text.slice(token.start, token.end);
    const last = out.at(-1);
    // wink splits "al-Rashed" into three tokens; a name keeps its hyphens.
    if (last && token.start === last.end && (value === '-' || last.text.endsWith('-')) && /\p{L}/u.test(last.text)) {
      out[out.length - 1] = { ...last, end: token.end, text: text.slice(last.start, token.end) };
      continue;
    }
    const first = !opened || OPENERS.has(last?.text ?? '');
    out.push({ start: token.start, end: token.end, text: value, pos: token.pos ?? 'X', first });
    if (/[\p{L}\p{N}]/u.test(value)) opened = true;
  }
  return out;
}

/** The spelling to look up in the lists: ALL-CAPS words are looked up in Title Case. */
function form(word: Word, casing: LineCasing): string {
  return casing === 'upper' && word.text.length > 1 && !/\p{Ll}/u.test(word.text) ? titleCase(word.text) : word.text;
}

function inHandLists(word: string): boolean {
  return COUNTRIES.has(word) || CITIES.has(word) || DEMONYMS.has(word) || FIRST_NAMES.has(word) || ORG_CUES.has(word);
}

function isTitleWord(word: string): boolean {
  return HONORIFICS.has(word) || TITLE_WORDS.has(word);
}

function looksEntity(word: string): boolean {
  const stats = wordStats(word);
  return stats !== null && stats.entity > 0 && stats.entity >= stats.other;
}

function startsCapitalised(text: string): boolean {
  if (/^\p{Lu}/u.test(text)) return true;
  const hyphen = text.indexOf('-');
  return hyphen > 0 && HYPHEN_PARTICLES.has(text.slice(0, hyphen).toLowerCase()) && /^\p{Lu}/u.test(text.slice(hyphen + 1));
}

function isNameWord(word: Word | undefined, casing: LineCasing, next?: Word): boolean {
  if (!word || !startsCapitalised(word.text)) return false;
  const text = form(word, casing);
  // "New" alone is an adjective; "New Zealand" opening a sentence is a name.
  if (next && startsCapitalised(next.text)) {
    const pair = `${text} ${form(next, casing)}`;
    if (knownPhraseType(pair) || PLACE_PHRASES.has(pair)) return true;
  }
  if (MONTHS.has(text) || DAYS.has(text) || NEVER_NAMES.has(text)) return false;
  if (isTitleWord(text)) return true;
  if (casing === 'upper') {
    if (looksEntity(word.text) || inHandLists(text)) return true;
    // "NORTHERN" is rarely a name on its own, even if "Northern" often starts one.
    if (looksEntity(text)) return !isCommonWord(text.toLowerCase());
    // A rare word in a headline is more likely a name than a word of the story.
    return wordStats(word.text) === null && wordStats(text) === null && !isCommonWord(text.toLowerCase());
  }
  if (casing === 'title' || word.first) {
    if (looksEntity(text) || inHandLists(text)) return true;
    if (isCommonWord(text.toLowerCase())) return false;
    return !word.first || word.pos === 'PROPN';
  }
  const stats = wordStats(text);
  // Capitalised mid-sentence yet almost never a name in the training text ("Internet", "Cup final").
  if (stats && stats.other >= 3 && stats.entity / (stats.entity + stats.other) < 0.15) return false;
  return true;
}

/** Maximal capitalised runs, with "of", "&" and name particles kept inside. */
function findCandidates(sentence: readonly Word[]): Candidate[] {
  const casing = lineCasing(sentence.map((w) => w.text));
  const out: Candidate[] = [];
  let i = 0;
  while (i < sentence.length) {
    if (!isNameWord(sentence[i], casing, sentence[i + 1])) {
      i++;
      continue;
    }
    const run: Word[] = [sentence[i]!];
    let j = i + 1;
    for (;;) {
      if (isNameWord(sentence[j], casing) && !sentence[j]!.first) {
        run.push(sentence[j]!);
        j++;
        continue;
      }
      const link = linkLength(sentence, j, run.at(-1)!, casing);
      if (link === 0) break;
      run.push(...sentence.slice(j, j + link + 1));
      j += link + 1;
    }
    out.push(...splitTitle(run, casing, sentence[i - 1], sentence[j]));
    i = j;
  }
  return out;
}

/** How many linking words at `at` continue the name (0: none). */
function linkLength(sentence: readonly Word[], at: number, previous: Word, casing: LineCasing): number {
  const word = sentence[at];
  if (!word) return 0;
  const text = word.text;
  if (text === '&' || (text === 'of' && OF_HEADS.has(form(previous, casing)))) {
    return isNameWord(sentence[at + 1], casing) ? 1 : 0;
  }
  let n = 0;
  while (sentence[at + n] && NAME_PARTICLES.has(sentence[at + n]!.text) && n < 3) n++;
  return n > 0 && isNameWord(sentence[at + n], casing) ? n : 0;
}

/**
 * "Lt. Gen. Amara Osei" -> title "Lt. Gen.", name "Amara Osei";
 * "CIA Director Ana Ruiz" -> title "CIA Director", and "CIA" is a name too.
 */
function splitTitle(run: readonly Word[], casing: LineCasing, before: Word | undefined, after: Word | undefined): Candidate[] {
  const whole: Candidate = { words: run, casing, title: null, before, after };
  const spelled = run.map((w) => form(w, casing));
  if (knownPhraseType(run.map((w) => w.text).join(' ')) || knownPhraseType(spelled.join(' '))) return [whole];
  // "Orvieto General Hospital", "Central Bank": a run ending in an organisation word names the organisation.
  const last = spelled.at(-1)!;
  if (ORG_CUES.has(last) && !isTitleWord(last)) return [whole];
  let end = -1;
  for (let k = 0; k < run.length - 1; k++) {
    const text = spelled[k]!;
    if (HONORIFICS.has(text) || TITLE_HEADS.has(text)) {
      end = k;
      // "Secretary of State John Kerry": the "of" phrase belongs to the title.
      if (spelled[k + 1] === 'of' && k + 3 < run.length) end = k = k + 2;
    } else if (!TITLE_WORDS.has(text) && end >= 0) {
      // A name after a title ends it: "President Osei Mensah Agyei" keeps all three.
      break;
    }
  }
  if (end < 0) {
    return spelled.every((text) => isTitleWord(text)) ? [] : [whole];
  }
  const name = run.slice(end + 1);
  const titleWords = run.slice(0, end + 1);
  const title = titleWords.map((w) => w.text).join(' ');
  const out: Candidate[] = [];
  // Names inside the title ("CIA", "U.S.") are mentions of their own: what
  // precedes the title words closing the title.
  let core = titleWords.length;
  while (core > 0 && (isTitleWord(form(titleWords[core - 1]!, casing)) || titleWords[core - 1]!.text === 'of')) core--;
  const prefix = titleWords.slice(0, core);
  if (prefix.length && !prefix.every((w) => isTitleWord(form(w, casing)))) {
    out.push({ words: prefix, casing, title: null, before, after: titleWords[core] });
  }
  if (name.every((w) => isTitleWord(form(w, casing)))) return out;
  out.push({ words: name, casing, title, before: titleWords.at(-1), after });
  return out;
}

function phraseOf(candidate: Candidate, text: string): string {
  return text.slice(candidate.words[0]!.start, candidate.words.at(-1)!.end);
}

function typeCandidate(candidate: Candidate, text: string, options: Required<RuleTaggerOptions>): Typed {
  const sure = (type: EntityType, basis: RuleBasis): Typed => ({ candidate, type, sure: true, basis });
  const guess = (type: EntityType | null, basis: RuleBasis = 'guess'): Typed => ({ candidate, type, sure: false, basis });
  const { words: ws, casing } = candidate;
  const spelled = ws.map((w) => form(w, casing));
  const phrase = phraseOf(candidate, text);
  const known = knownPhraseType(phrase) ?? knownPhraseType(spelled.join(' '));
  if (known) return sure(known, 'known-name');
  const joined = spelled.join(' ');
  const last = spelled.at(-1)!;
  if (PLACE_PHRASES.has(joined)) return sure('LOC', 'place-list');
  if (ws.length === 1 && (COUNTRIES.has(last) || CITIES.has(last))) return sure('LOC', 'place-list');
  if (spelled.every((w) => DEMONYMS.has(w))) return sure('MISC', 'demonym');
  if (candidate.title) return sure('PERSON', 'title');
  if (ORG_CUES.has(last) || spelled.slice(1).some((w) => ORG_CUES.has(w) && w !== 'City')) return sure('ORG', 'org-word');
  if (ws.length > 1 && (LOC_CUES.has(last) || LOC_HEADS.has(spelled[0]!))) return sure('LOC', 'place-word');
  if (isDateline(candidate, text)) return { ...guess('LOC', 'dateline'), context: true, key: titleCase(joined) };
  if (ws.length === 1 && casing !== 'upper' && ACRONYM.test(last)) return sure('ORG', 'acronym');
  if (FIRST_NAMES.has(spelled[0]!) && !spelled.slice(1).some((w) => COUNTRIES.has(w) || CITIES.has(w))) return sure('PERSON', 'first-name');
  const fromContext = typeByContext(candidate, text);
  if (fromContext) return { ...guess(fromContext.type, fromContext.basis), context: true };
  const after = candidate.after?.text ?? '';
  const placePreposition = ws.length === 1 && PLACE_PREPOSITIONS.has(candidate.before?.text ?? '');
  if (SPEECH_VERBS.has(after) && !placePreposition) return guess('PERSON');
  const voted = vote(spelled, ws);
  // People are rarely written after "the"; ships, events and works often are (eng.testa F1 +0.1 as MISC, +0.07 as ORG).
  const afterThe = /\bthe\s+$/i.test(text.slice(Math.max(0, ws[0]!.start - 5), ws[0]!.start));
  if (afterThe && (voted ?? (ws.length > 1 ? options.unknownPhraseType : null)) === 'PERSON') return guess('MISC');
  if (voted) return guess(voted);
  if (placePreposition) return guess('LOC');
  return guess(ws.length > 1 ? options.unknownPhraseType : options.unknownWordType);
}

/**
 * "BRENNA, May 23 —" or "TARNOWEL (Agency) -": an upper-case name opening a
 * paragraph and followed by a comma, a bracket or a dash is the place the report was filed from.
 */
function isDateline(candidate: Candidate, text: string): boolean {
  const start = candidate.words[0]!.start;
  const end = candidate.words.at(-1)!.end;
  const phrase = text.slice(start, end);
  if (/\p{Ll}/u.test(phrase) || phrase.replace(/[^\p{L}]/gu, '').length < 3) return false;
  if (!/(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 20), start))) return false;
  return /^(?:,\s*[\p{Lu}\d]|\s*\(|\s+[—–-]{1,2}\s)/u.test(text.slice(end, end + 8));
}

/**
 * What the words around a name say it is: "the government of X" and "X's
 * interior minister" a country, "the X ferry" a vessel, "X, the foreign
 * minister," a person.
 */
function typeByContext(candidate: Candidate, text: string): { type: EntityType; basis: RuleBasis } | null {
  const start = candidate.words[0]!.start;
  const end = candidate.words.at(-1)!.end;
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 80);
  const ofNoun = /\b(\p{L}+) of\s+(?:the\s+)?$/u.exec(before)?.[1];
  if (ofNoun && PLACE_OF_NOUNS.has(ofNoun.toLowerCase())) return { type: 'LOC', basis: 'place-context' };
  const possession = /^['’]s\s+(\p{L}+)/u.exec(after)?.[1];
  if (possession && COUNTRY_POSSESSIONS.has(possession.toLowerCase())) return { type: 'LOC', basis: 'place-context' };
  if (isVessel(before, after)) return { type: 'MISC', basis: 'vessel' };
  const role = /^,\s+(?:the|a|an|its|their|\p{Lu}[\p{L}-]*['’]s)\s+(?:[\p{L}.'’-]+\s+){0,3}?(\p{L}+)\s*[,.;]/u.exec(after)?.[1];
  if (role && TITLE_HEADS_LOWER.has(role.toLowerCase()) && /^\p{Ll}/u.test(role)) return { type: 'PERSON', basis: 'role' };
  if (candidate.words.length === 1 && TO_PLACE.test(before)) return { type: 'LOC', basis: 'place-context' };
  return null;
}

function isVessel(before: string, after: string): boolean {
  const vesselWord = (word: string | undefined): boolean => word !== undefined && VESSEL_NOUNS.has(word.toLowerCase());
  // "the Amber Tide ferry", "the Amber Tide, a 40-metre ferry"
  if (/\bthe\s+$/i.test(before)) {
    if (vesselWord(/^\s+(\p{Ll}+)/u.exec(after)?.[1])) return true;
    if (vesselWord(/^,\s+(?:a|an)\s+(?:[^,.;]{0,40}?\s)?(\p{Ll}+)\b/u.exec(after)?.[1])) return true;
  }
  // "the ferry Amber Tide", "its sister ship, the Amber Tide"
  return vesselWord(/\b(\p{Ll}+),?\s+the\s+$/u.exec(before)?.[1]) || vesselWord(/\bthe\s+(\p{Ll}+)\s+$/u.exec(before)?.[1]);
}

/** The type the training text gives the words, weighted by how often each was seen. */
function vote(spelled: readonly string[], ws: readonly Word[]): EntityType | null {
  const score = [0, 0, 0, 0];
  let any = false;
  spelled.forEach((text, i) => {
    const stats = wordStats(ws[i]!.text) ?? wordStats(text);
    if (!stats || stats.entity === 0) return;
    any = true;
    const weight = Math.log(1 + stats.entity);
    stats.types.forEach((n, t) => (score[t]! += (weight * n) / stats.entity));
  });
  if (!any) return null;
  return entityTypeAt(score.indexOf(Math.max(...score)));
}

/**
 * A guess gives way to what the rest of the document says: a lone "Osei"
 * after "Amara Osei" is a person, a name keeps the type it had elsewhere, and
 * "Tarnowel" is a place where the text also says "Tarnowelian".
 */
function reviseByDocument(typed: readonly Typed[], text: string): RuledMention[] {
  const keys = typed.map((t) => t.key ?? t.candidate.words.map((w) => form(w, t.candidate.casing)).join(' '));
  const surnames = new Set<string>();
  const sureTypes = new Map<string, EntityType>();
  const contextTypes = new Map<string, EntityType>();
  typed.forEach((t, i) => {
    if (!t.type) return;
    if (t.sure) sureTypes.set(keys[i]!, t.type);
    else if (t.context && !contextTypes.has(keys[i]!)) contextTypes.set(keys[i]!, t.type);
  });
  const decided = (key: string): EntityType | null => sureTypes.get(key) ?? contextTypes.get(key) ?? null;
  for (const [i, { candidate, type }] of typed.entries()) {
    // A guessed person that the document shows to be something else ("the Amber Tide, a ferry") lends no surname.
    if (type === 'PERSON' && candidate.words.length > 1 && (decided(keys[i]!) ?? 'PERSON') === 'PERSON') {
      surnames.add(form(candidate.words.at(-1)!, candidate.casing));
    }
  }
  const capitalised = new Set(text.match(/\p{Lu}[\p{L}'’]+/gu) ?? []);
  const mentions: RuledMention[] = [];
  let previousEnd = -1;
  let previousType: EntityType | null = null;
  for (const [i, t] of typed.entries()) {
    const { candidate, type, sure } = t;
    const start = candidate.words[0]!.start;
    const end = candidate.words.at(-1)!.end;
    const key = keys[i]!;
    const lone = candidate.words.length === 1;
    let final = type;
    let basis = t.basis;
    let guessed = false;
    if (!sure) {
      const last = form(candidate.words.at(-1)!, candidate.casing);
      const sameName = sureTypes.get(key);
      const surname = surnames.has(last) ? 'PERSON' : null;
      final = sameName ?? surname ?? contextTypes.get(key) ?? null;
      if (sameName) basis = 'same-name';
      else if (surname) basis = 'surname';
      else if (final && !t.context) basis = 'same-name';
      if (!final && !t.context && lone && hasDemonym(key, capitalised)) {
        final = 'LOC';
        basis = 'place-adjective';
      }
      // "from Tarnowel and Orvieto": a lone unknown name listed after a place is a place.
      const listed =
        previousType === 'LOC' && previousEnd >= 0 && /^\s*(?:,|and|or|, and)\s*$/.test(text.slice(previousEnd, start));
      if (!final && !type && lone && listed) {
        final = 'LOC';
        basis = 'listed-place';
      }
      // A guessed full name lends its own surname to itself; that confirms nothing.
      const ownSurname = !lone && type === 'PERSON' && final === 'PERSON' && !sureTypes.has(key) && !contextTypes.has(key);
      guessed = !t.context && (!final || ownSurname);
      if (guessed) basis = 'guess';
      final ??= type;
    }
    if (!final) continue;
    previousEnd = end;
    previousType = final;
    mentions.push({
      start,
      end,
      text: text.slice(start, end),
      type: final,
      entity: null,
      ...(candidate.title ? { title: candidate.title } : {}),
      ...(guessed ? { guessed } : {}),
      basis,
    });
  }
  return mentions;
}

/** "Tarnowelian", "Velmoran", "Japanese": the adjective of a place name, written in the same text. */
function hasDemonym(name: string, capitalised: ReadonlySet<string>): boolean {
  if (!/^\p{Lu}\p{Ll}{3,}$/u.test(name)) return false;
  const forms = /[aeiou]$/.test(name) ? [`${name}n`] : [`${name}ian`, `${name}ese`, `${name}i`];
  return forms.some((f) => capitalised.has(f));
}

import type { Token } from '../../model/index.js';

// Words between a counted noun and what happened to it: "are still", "remain", "have now been".
const LINKING = new Set([
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'remain', 'remains', 'remained',
  'stay', 'stays', 'stayed', 'still', 'now', 'also', 'reportedly', 'already', 'later', 'officially', 'all',
]);
const MODALS = new Set(['must', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'shall']);
// "are known to have died", "are feared dead": the stance is the reporter's, the outcome is what is counted.
const STANCE = new Set(['known', 'believed', 'feared', 'thought', 'reported', 'confirmed', 'presumed', 'understood', 'said', 'expected', 'likely']);
// A verb of saying before a number introduces a clause ("says 240 hostages are held"), not its object.
const SAYING = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'according', 'reported', 'reports', 'claimed', 'claims',
  'estimated', 'estimates', 'announced', 'announces', 'stated', 'wrote', 'confirmed', 'showed', 'shows',
]);
// "the death toll rose to 44": the number is where a running count got to.
const RISE = new Set([
  'rose', 'risen', 'rises', 'rise', 'climbed', 'climbs', 'climb', 'jumped', 'jumps', 'increased', 'increases', 'grew',
  'grown', 'reached', 'reaches', 'hit', 'hits', 'stood', 'stands', 'fell', 'falls', 'dropped', 'drops', 'reach',
]);

const POSTMODIFIER = new Set(['from', 'in', 'of', 'at', 'on', 'after']);
const LEVEL = new Set(['reached', 'reaches', 'reach', 'hit', 'hits']);

/**
 * The outcome said of a counted noun in subject position, read after it:
 * "41 people died", "200 were rescued", "Seven people are still missing",
 * "about 40 are known to have died", "264 passengers and crew were on board",
 * "nine people lost their lives". `at` is the token index right after the noun
 * (or the number when no noun follows). null when no verb or adjective does.
 */
export function predicateAfter(text: string, tokens: readonly Token[], at: number, limit: number): string | null {
  const word = (k: number) => (tokens[k] && tokens[k]!.end <= limit ? text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase() : '');
  const pos = (k: number) => (tokens[k] && tokens[k]!.end <= limit ? (tokens[k]!.pos ?? '') : '');
  let i = at;
  // "passengers and crew were on board": the conjoined noun shares the predicate.
  if (word(i) === 'and' && pos(i + 1) === 'NOUN') {
    i += 2;
    while (pos(i) === 'NOUN') i++;
  }
  for (let guard = 0; guard < 6; guard++) {
    // "must come home", "could rise": what may happen is not what the figure counts.
    if (MODALS.has(word(i))) return null;
    if (pos(i) === 'AUX' || LINKING.has(word(i))) i++;
    else if (STANCE.has(word(i)) && word(i + 1) === 'to' && (word(i + 2) === 'have' || word(i + 2) === 'be')) i += 3;
    else if (STANCE.has(word(i)) && (pos(i + 1) === 'ADJ' || pos(i + 1) === 'VERB')) i++;
    else break;
  }
  if (word(i) === 'aboard' || word(i) === 'onboard') return word(i);
  if (word(i) === 'on' && word(i + 1) === 'board') return 'on board';
  if (pos(i) !== 'VERB' && pos(i) !== 'ADJ') return null;
  if (SAYING.has(word(i))) return null;
  // A short object belongs to the outcome: "lost their lives", "bought tickets".
  let end = i;
  const det = pos(i + 1) === 'DET' || pos(i + 1) === 'PRON' ? 1 : 0;
  if (pos(i) === 'VERB' && pos(i + 1 + det) === 'NOUN') end = i + 1 + det;
  return text.slice(tokens[i]!.start, tokens[end]!.end).toLowerCase();
}

/**
 * The verb whose object a figure is ("rescued 77 people", "would free 1,200
 * prisoners", "has displaced about 90,000"), read before it; verbs of saying
 * and auxiliaries are not. `from` is where the figure starts.
 */
export function predicateBefore(text: string, tokens: readonly Token[], from: number, sentenceStart: number): string | null {
  let i = lastTokenBefore(tokens, from);
  // "release all 118 remaining hostages", "free its 240 hostages".
  for (let skipped = 0; skipped < 2 && i >= 0 && tokens[i]!.start >= sentenceStart && (tokens[i]!.pos === 'DET' || tokens[i]!.pos === 'PRON'); skipped++) i--;
  const token = tokens[i];
  if (!token || token.start < sentenceStart) return null;
  const verb = text.slice(token.start, token.end).toLowerCase();
  // The tagger reads a past tense after a noun as a noun ("the navy rescued 33"); right before a number it is a verb.
  if (token.pos !== 'VERB' && !(token.pos === 'NOUN' && /[a-z]{3,}ed$/.test(verb))) return null;
  return SAYING.has(verb) || RISE.has(verb) ? null : verb;
}

/** Verbs saying a running count went up: a later, higher figure is then an update, not a contradiction. */
const UPWARD = /^(?:rose|risen|rises|rise|climbed|climbs|climb|jumped|jumps|increased|increases|grew|grown|reached|reaches|reach|hit|hits|doubled|tripled|trebled|quadrupled)\b/;

const MULTIPLYING = /^(?:doubl|tripl|trebl|quadrupl|halv)(?:ed|ing|e)$/i;

/** "doubled", "tripled", "halved": verbs that multiply a count (their level: "doubled to 40"). */
export function isMultiplyingVerb(word: string): boolean {
  return MULTIPLYING.test(word);
}

export function isUpdateVerb(predicate: string | null | undefined): boolean {
  return UPWARD.test(predicate ?? '');
}

/**
 * The running count a number is the new level of: "the confirmed death toll
 * rose to 44" gives "death toll", with "rose to" as its predicate.
 */
export function risenCount(text: string, tokens: readonly Token[], from: number, sentenceStart: number): { about: string; head: string; predicate: string } | null {
  const word = (k: number) => (tokens[k] && tokens[k]!.start >= sentenceStart ? text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase() : '');
  let i = lastTokenBefore(tokens, from);
  const preposition = word(i);
  // Without "to"/"at", "rose 3 metres" is the size of a change, not the level reached.
  if (preposition === 'to' || preposition === 'at') i--;
  else if (!LEVEL.has(preposition)) return null;
  if (!RISE.has(word(i))) return null;
  const predicate = i === lastTokenBefore(tokens, from) ? word(i) : `${word(i)} ${preposition}`;
  i--;
  while (word(i) === 'has' || word(i) === 'have' || word(i) === 'had' || word(i) === 'now' || word(i) === 'since') i--;
  const pos = (k: number) => (tokens[k] && tokens[k]!.start >= sentenceStart ? (tokens[k]!.pos ?? '') : '');
  const runStart = (end: number) => {
    let k = end;
    while (pos(k) === 'NOUN') k--;
    return k + 1;
  };
  let last = i;
  let first = runStart(last);
  if (first > last) return null;
  // "the death toll from the bridge collapse rose to 36": the count is the noun before the modifier.
  let k = first - 1;
  while (pos(k) === 'DET' || pos(k) === 'PROPN' || pos(k) === 'ADJ') k--;
  if (POSTMODIFIER.has(word(k)) && pos(k - 1) === 'NOUN') {
    last = k - 1;
    first = runStart(last);
  }
  return { about: text.slice(tokens[first]!.start, tokens[last]!.end), head: word(last), predicate };
}

function lastTokenBefore(tokens: readonly Token[], offset: number): number {
  let i = tokens.length - 1;
  while (i >= 0 && tokens[i]!.end > offset) i--;
  return i;
}

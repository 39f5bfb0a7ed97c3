import {
  CITIES,
  COUNTRIES,
  DAYS,
  DEMONYMS,
  FIRST_NAMES,
  HONORIFICS,
  LOC_CUES,
  LOC_HEADS,
  MONTHS,
  NAME_PARTICLES,
  ORG_CUES,
  SPEECH_VERBS,
  TITLE_WORDS,
} from '../lexicon.js';
import { lineCasing, titleCase, type LineCasing } from '../line-casing.js';

/** What the first pass said about the same word elsewhere in the document: a type, O, or null when it occurs nowhere else. */
export type DocumentHint = 'PER' | 'ORG' | 'LOC' | 'MISC' | 'O' | null;

const LISTS: readonly [string, ReadonlySet<string>][] = [
  ['country', COUNTRIES],
  ['city', CITIES],
  ['demonym', DEMONYMS],
  ['first', FIRST_NAMES],
  ['honorific', HONORIFICS],
  ['title', TITLE_WORDS],
  ['orgcue', ORG_CUES],
  ['loccue', LOC_CUES],
  ['lochead', LOC_HEADS],
  ['month', MONTHS],
  ['day', DAYS],
  ['particle', NAME_PARTICLES],
  ['speech', SPEECH_VERBS],
];

/** "Xxxx" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d": classes with runs collapsed. */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    let c: string;
    // ASCII first: the Unicode property tests are the slow part of feature extraction.
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = ch;
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** The key words are compared by across a document: case folded, so "LEICESTERSHIRE" finds "Leicestershire". */
export function documentKey(word: string): string {
  return word.toLowerCase();
}

function normal(word: string): string {
  return word.toLowerCase().replace(/\p{N}/gu, '0');
}

function listNames(word: string, casing: LineCasing): string[] {
  const form = casing === 'upper' && word.length > 1 ? titleCase(word) : word;
  const out: string[] = [];
  for (const [name, list] of LISTS) if (list.has(form) || list.has(word)) out.push(name);
  return out;
}

interface Prepared {
  readonly norm: string;
  readonly shape: string;
  readonly lists: readonly string[];
}

const BOUNDARY: Prepared = { norm: '<s>', shape: '<s>', lists: [] };

/**
 * The feature strings of every word of one sentence. `hints` holds, per word,
 * what the document's first pass said about the same word elsewhere; it is
 * given only to the second-pass model.
 */
export function sentenceFeatures(words: readonly string[], hints?: readonly DocumentHint[]): string[][] {
  const casing = lineCasing(words);
  const prepared: Prepared[] = words.map((word) => ({ norm: normal(word), shape: wordShape(word), lists: listNames(word, casing) }));
  const at = (i: number): Prepared => prepared[i] ?? BOUNDARY;
  let firstWord = 0;
  while (firstWord < words.length && !/[\p{L}\p{N}]/u.test(words[firstWord]!)) firstWord++;
  return words.map((word, i) => {
    const here = prepared[i]!;
    const lower = word.toLowerCase();
    const initial = i === firstWord || /^["'`([:]$/.test(words[i - 1] ?? '');
    const f: string[] = [
      'b',
      `w=${word}`,
      `n=${here.norm}`,
      `s=${here.shape}`,
      `s|c=${here.shape}|${casing}`,
      `s|i=${here.shape}|${initial}`,
      `c=${casing}`,
      `len=${Math.min(word.length, 10)}`,
    ];
    for (let k = 1; k <= 4 && k <= lower.length; k++) f.push(`p${k}=${lower.slice(0, k)}`, `x${k}=${lower.slice(-k)}`);
    if (casing !== 'normal') f.push(`n|c=${here.norm}|${casing}`);
    if (word.includes('-')) f.push('hyphen', `hx=${lower.slice(lower.lastIndexOf('-'))}`);
    for (const list of here.lists) f.push(`L=${list}`, `L|s=${list}|${here.shape}`);
    for (const d of [-2, -1, 1, 2]) {
      const other = at(i + d);
      f.push(`n${d}=${other.norm}`, `s${d}=${other.shape}`);
      for (const list of other.lists) f.push(`L${d}=${list}`);
    }
    f.push(
      `n-1|n=${at(i - 1).norm}|${here.norm}`,
      `n|n+1=${here.norm}|${at(i + 1).norm}`,
      `s-1|s|s+1=${at(i - 1).shape}|${here.shape}|${at(i + 1).shape}`,
      `s|n+1=${here.shape}|${at(i + 1).norm}`,
      `n-1|s=${at(i - 1).norm}|${here.shape}`,
    );
    if (hints) f.push(...hintFeatures(hints[i] ?? null, here.shape, casing));
    return f;
  });
}

/** The second pass's extra features for one word; appended last, so the first pass's features are a prefix. */
export function hintFeatures(hint: DocumentHint, shape: string, casing: LineCasing): string[] {
  return hint ? [`d=${hint}`, `d|s=${hint}|${shape}`, `d|c=${hint}|${casing}`] : [];
}

import type { Token } from '../../model/index.js';

// Between a subject and its verb: "has", "have now", "more than", "nearly".
const BETWEEN = new Set([
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'now',
  'since',
  'also',
  'more',
  'than',
  'nearly',
  'almost',
  'roughly',
  'about',
  'reportedly',
  'already',
  'all',
  'but',
]);
const SUBJECT_WORDS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'ADP']);
/** Longest subject read: past it the words before a verb are rarely one noun phrase. */
const MAX_SUBJECT_TOKENS = 7;

/**
 * The noun phrase a verb says something of, read back from the verb to the
 * start of its clause: "Arrests", "Prices for rice", "Burglaries in Marden"
 * before "doubled", "rose tenfold", "tripled to 600". `verb` is the verb's
 * token index. null when no noun ends right before the verb group, or the
 * words before it are not one short noun phrase.
 */
export function subjectBefore(text: string, tokens: readonly Token[], verb: number, sentenceStart: number): string | null {
  const inside = (k: number) => k >= 0 && tokens[k]!.start >= sentenceStart;
  const word = (k: number) => text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase();
  let end = verb - 1;
  while (inside(end) && (tokens[end]!.pos === 'AUX' || tokens[end]!.pos === 'ADV' || BETWEEN.has(word(end)))) end--;
  if (!inside(end) || (tokens[end]!.pos !== 'NOUN' && tokens[end]!.pos !== 'PROPN' && tokens[end]!.pos !== 'PRON')) return null;
  let start = end;
  while (inside(start - 1) && SUBJECT_WORDS.has(tokens[start - 1]!.pos ?? '') && end - start < MAX_SUBJECT_TOKENS) start--;
  // A subject opens with its noun or determiner, not with "in Marden" left over from an introductory phrase.
  while (start < end && tokens[start]!.pos === 'ADP') start++;
  if (inside(start - 1) && SUBJECT_WORDS.has(tokens[start - 1]!.pos ?? '')) return null;
  return text.slice(tokens[start]!.start, tokens[end]!.end);
}

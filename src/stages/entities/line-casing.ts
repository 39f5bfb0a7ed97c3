/**
 * How a line is capitalised. In ALL-CAPS and Title Case lines (headlines,
 * datelines, sports tables) a capital letter says little about names: the rule
 * tagger then asks the word lists for evidence, and the model learns separate
 * weights for them.
 */
export type LineCasing = 'normal' | 'upper' | 'title';

/** The casing of one sentence's words; the thresholds were tuned on CoNLL-2003 eng.train. */
export function lineCasing(words: readonly string[]): LineCasing {
  let lettered = 0;
  let upper = 0;
  let long = 0;
  let capitalised = 0;
  for (const word of words) {
    if (!/\p{L}{2}/u.test(word)) continue;
    lettered++;
    if (!/\p{Ll}/u.test(word)) upper++;
    if (/^\p{L}{4}/u.test(word)) {
      long++;
      if (/^\p{Lu}/u.test(word)) capitalised++;
    }
  }
  if (lettered >= 2 && upper / lettered >= 0.6) return 'upper';
  if (long >= 4 && capitalised / long >= 0.8) return 'title';
  return 'normal';
}

/** "KENYA" -> "Kenya", "JEAN-PIERRE" -> "Jean-Pierre": how ALL-CAPS words are looked up in the word lists. */
export function titleCase(word: string): string {
  return word.replace(/\p{L}+/gu, (part) => part[0]! + part.slice(1).toLowerCase());
}

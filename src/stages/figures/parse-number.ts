/** Number words up to ninety-nine, plus the vague counts news writes as words. */
const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

export const MULTIPLIERS: Readonly<Record<string, number>> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12,
};

/** Alternation of the number words, longest first, for building patterns. */
export const NUMBER_WORD_PATTERN = Object.keys(SMALL)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * The value of a number written in digits ("1,139", "4.5") or words ("three",
 * "twenty-five", "a hundred"), or null when it is not one.
 */
export function parseNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (t === 'a' || t === 'an') return 1;
  if (t === 'a dozen' || t === 'dozen') return 12;
  const half = /^half an? (hundred|thousand|million|billion)$/.exec(t);
  if (half) return MULTIPLIERS[half[1]!]! / 2;
  const parts = t.split(/[\s-]+/).filter((p) => p !== 'and');
  if (parts.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const part of parts) {
    const small = SMALL[part];
    if (small !== undefined) {
      current += small;
      continue;
    }
    if (part === 'a' || part === 'an') {
      current += 1;
      continue;
    }
    if (part === 'hundred') {
      current = (current || 1) * 100;
      continue;
    }
    const multiplier = MULTIPLIERS[part];
    if (multiplier !== undefined && part.length > 2) {
      total += (current || 1) * multiplier;
      current = 0;
      continue;
    }
    return null;
  }
  return total + current;
}

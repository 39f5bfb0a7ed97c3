import type { Span } from '../../model/span.js';
import { contentWords } from './term-vectors.js';

/** One sentence as sentence alignment sees it: its content words, once each. */
export type SentenceWords = ReadonlySet<string>;

/**
 * The content words of each sentence of a text, leaving out the words inside
 * `quoted` spans (direct quotes: two independent reports carry the same
 * quote word for word) and then sentences too short to show copying.
 */
export function sentenceWords(
  text: string,
  sentences: readonly Span[],
  quoted: readonly Span[],
  minWords: number,
): SentenceWords[] {
  const out: SentenceWords[] = [];
  for (const s of sentences) {
    let own = '';
    let at = s.start;
    for (const q of quoted) {
      if (q.end <= at || q.start >= s.end) continue;
      own += `${text.slice(at, Math.max(at, q.start))} `;
      at = Math.max(at, Math.min(s.end, q.end));
    }
    own += text.slice(at, s.end);
    const set = new Set(contentWords(own));
    if (set.size >= minWords) out.push(set);
  }
  return out;
}

/**
 * How much of `a` is sentence for sentence in `b`: the share of `a`'s content
 * words that sit in a sentence whose words are, to at least `minOverlap`, in
 * one sentence of `b`. A spinner who swaps every fourth word leaves few word
 * trigrams intact but each sentence still matches its source sentence, and
 * reordering or dropping sentences changes nothing; two reporters who write up
 * the same event share words, not sentences, once the quotes they both carry
 * are left out (`sentenceWords`).
 */
export function alignedShare(a: readonly SentenceWords[], b: readonly SentenceWords[], minOverlap: number): number {
  if (a.length === 0 || b.length === 0) return 0;
  const where = new Map<string, number[]>();
  b.forEach((sentence, k) => {
    for (const word of sentence) {
      const list = where.get(word);
      if (list) list.push(k);
      else where.set(word, [k]);
    }
  });
  let total = 0;
  let aligned = 0;
  const shared = new Array<number>(b.length);
  for (const sentence of a) {
    shared.fill(0);
    let best = 0;
    for (const word of sentence) for (const k of where.get(word) ?? []) best = Math.max(best, ++shared[k]!);
    total += sentence.size;
    if (best >= minOverlap * sentence.size) aligned += sentence.size;
  }
  return aligned / total;
}

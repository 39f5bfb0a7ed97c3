import { words } from './term-vectors.js';

/** 32-bit FNV-1a: a stable hash, the same on every run and machine. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Distinct word k-grams of a text: the unit near-duplicate detection compares. */
export function wordShingles(text: string, size = 5): Set<string> {
  const list = words(text);
  const out = new Set<string>();
  if (list.length === 0) return out;
  if (list.length < size) {
    out.add(list.join(' '));
    return out;
  }
  for (let i = 0; i + size <= list.length; i++) out.add(list.slice(i, i + size).join(' '));
  return out;
}

// Mixes a 32-bit value (murmur3 finaliser) so that hash i is independent of hash j.
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** MinHash signature of a shingle set; `minHashSimilarity` of two estimates their Jaccard. */
export function minHash(shingles: ReadonlySet<string>, size = 128): Uint32Array {
  const signature = new Uint32Array(size).fill(0xffffffff);
  for (const shingle of shingles) {
    const a = fnv1a(shingle);
    const b = fnv1a(shingle, 0x9747b28c) | 1;
    for (let i = 0; i < size; i++) {
      const h = mix((a + Math.imul(i, b)) >>> 0);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

export function minHashSimilarity(a: Uint32Array, b: Uint32Array): number {
  const size = Math.min(a.length, b.length);
  if (size === 0) return 0;
  // An empty text's signature is all 0xffffffff: it resembles nothing.
  if (a[0] === 0xffffffff || b[0] === 0xffffffff) return 0;
  let same = 0;
  for (let i = 0; i < size; i++) if (a[i] === b[i]) same++;
  return same / size;
}

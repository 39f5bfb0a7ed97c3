/** A sparse vector over terms, L2-normalised when built by `tfIdfVectors`. */
export type TermVector = ReadonlyMap<string, number>;

// Function words carry no topic; a short list is enough since IDF discounts the rest.
const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from into onto over under about after before during as than then ' +
    'that this these those there here is are was were be been being am do does did done have has had having will would ' +
    'shall should can could may might must not no nor so too very just also only its it he she they we you i me him her ' +
    'them us our your their his my mine who whom whose which what when where why how all any both each few more most ' +
    'other some such own same up down out off again further once said says say told tells according one new s t'
  ).split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Lower-cased runs of letters and digits (inner apostrophes kept), in text order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/** Words that say what a text is about: no stopwords, no one-letter tokens, crude plural folding. */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}

/** Folds regular plurals and possessives so "hostages" meets "hostage"; nothing cleverer. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  return w;
}

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return dot;
}

/**
 * TF-IDF vectors for a batch of term lists: sublinear tf (1 + log tf), smoothed
 * idf, L2-normalised, so that `cosine` of two of them is their cosine similarity.
 * Terms found in one document only are kept: they still weigh in the norm.
 */
export function tfIdfVectors(termLists: readonly (readonly string[])[]): TermVector[] {
  const df = new Map<string, number>();
  const counts = termLists.map((terms) => {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return tf;
  });
  const n = termLists.length;
  return counts.map((tf) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of tf) {
      const weight = (1 + Math.log(c)) * (Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
      vector.set(t, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of vector) vector.set(t, w / norm);
    return vector;
  });
}

/** The `count` heaviest terms of a vector, ties broken alphabetically so output is stable. */
export function topTerms(vector: TermVector, count: number): string[] {
  return [...vector.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, count)
    .map(([t]) => t);
}

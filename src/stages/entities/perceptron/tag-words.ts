import { bucketsOf, decodeSentence, type NerModel } from './ner-model.js';
import { documentKey, hintFeatures, sentenceFeatures, wordShape, type DocumentHint } from './word-features.js';
import { lineCasing } from '../line-casing.js';

const HINT_ORDER: readonly Exclude<DocumentHint, null>[] = ['PER', 'ORG', 'LOC', 'MISC', 'O'];

function hintIndex(tag: number): number {
  return tag === 0 ? 4 : (tag - 1) >> 1;
}

/**
 * Per word, the label the other occurrences of the same word in the document
 * got (majority; ties go to the earlier of PER, ORG, LOC, MISC, O). Only words
 * with a capital letter get one: a name's spelling repeats, a function word's
 * tells nothing.
 */
export function documentHints(sentences: readonly (readonly string[])[], tags: readonly (readonly number[])[]): DocumentHint[][] {
  const counts = new Map<string, number[]>();
  sentences.forEach((words, s) =>
    words.forEach((word, i) => {
      if (!/\p{Lu}/u.test(word)) return;
      const key = documentKey(word);
      const row = counts.get(key) ?? [0, 0, 0, 0, 0];
      row[hintIndex(tags[s]![i]!)]!++;
      counts.set(key, row);
    }),
  );
  return sentences.map((words, s) =>
    words.map((word, i) => {
      const row = counts.get(documentKey(word));
      if (!row) return null;
      const own = hintIndex(tags[s]![i]!);
      let best = -1;
      let bestCount = 0;
      for (let k = 0; k < 5; k++) {
        const n = row[k]! - (k === own ? 1 : 0);
        if (n > bestCount) {
          best = k;
          bestCount = n;
        }
      }
      return best < 0 ? null : HINT_ORDER[best]!;
    }),
  );
}

/** BIO tag indices (into ner-model's NER_TAGS) for every word of one document, given as sentences of words. */
export function tagWords(model: NerModel, sentences: readonly (readonly string[])[]): number[][] {
  const base = sentences.map((words) => sentenceFeatures(words).map((f) => bucketsOf(f, model.bits)));
  const first = base.map((buckets) => decodeSentence(model.first, buckets));
  const hints = documentHints(sentences, first);
  return sentences.map((words, s) => {
    if (!hints[s]!.some((hint) => hint)) return decodeSentence(model.second, base[s]!);
    // The hint features come last in sentenceFeatures, so the first pass's buckets are reused as they are.
    const casing = lineCasing(words);
    const buckets = base[s]!.map((row, i) => {
      const extra = bucketsOf(hintFeatures(hints[s]![i]!, wordShape(words[i]!), casing), model.bits);
      if (extra.length === 0) return row;
      const joined = new Int32Array(row.length + extra.length);
      joined.set(row);
      joined.set(extra, row.length);
      return joined;
    });
    return decodeSentence(model.second, buckets);
  });
}

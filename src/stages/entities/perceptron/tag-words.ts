import { NER_TAGS, bucketsOf, decodeSentence, type NerModel, type PassWeights } from './ner-model.js';
import { documentKey, sentenceFeatures, type DocumentHint } from './word-features.js';

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

export function decodeWords(weights: PassWeights, bits: number, words: readonly string[], hints?: readonly DocumentHint[]): number[] {
  return decodeSentence(weights, sentenceFeatures(words, hints).map((f) => bucketsOf(f, bits)));
}

/** BIO tag indices (into NER_TAGS) for every word of one document, given as sentences of words. */
export function tagWords(model: NerModel, sentences: readonly (readonly string[])[]): number[][] {
  const first = sentences.map((words) => decodeWords(model.first, model.bits, words));
  const hints = documentHints(sentences, first);
  return sentences.map((words, s) => decodeWords(model.second, model.bits, words, hints[s]));
}

export function tagName(index: number): string {
  return NER_TAGS[index]!;
}

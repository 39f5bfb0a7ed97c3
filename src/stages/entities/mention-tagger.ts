import type { Mention, Sentence, Token } from '../../model/doc.js';

/** What a tagger reads: the clean text with its sentences and tokens. */
export interface TaggerInput {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
}

/**
 * Finds the names in one document. The rule tagger is the v1 implementation;
 * a trained sequence tagger can replace it behind the same signature.
 */
export type MentionTagger = (input: TaggerInput) => Mention[];

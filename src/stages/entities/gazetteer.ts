import type { EntityType } from '../../model/doc.js';
import data from './data/gazetteer.json' with { type: 'json' };

/**
 * Lists derived from CoNLL-2003 eng.train by scripts/build-gazetteer.ts:
 * a trained artefact, rebuilt by that script, never edited by hand.
 */
interface GazetteerData {
  readonly phrases: Record<string, string>;
  readonly tokens: Record<string, number[]>;
  readonly common: string[];
}

const gazetteer = data as GazetteerData;
const CONLL_TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };
const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'LOC', 'MISC'];
const common = new Set(gazetteer.common);
const phrases = new Map(Object.entries(gazetteer.phrases).map(([text, type]) => [text, CONLL_TYPES[type]!]));
const tokens = new Map(Object.entries(gazetteer.tokens));

/** How a capitalised word was tagged in the training text. */
export interface WordStats {
  /** Counts per type, in the order PERSON, ORG, LOC, MISC. */
  readonly types: readonly number[];
  readonly entity: number;
  readonly other: number;
}

/** The usual type of a whole name seen in the training text, if it has one. */
export function knownPhraseType(phrase: string): EntityType | null {
  return phrases.get(phrase) ?? null;
}

export function wordStats(word: string): WordStats | null {
  const counts = tokens.get(word);
  if (!counts) return null;
  const types = counts.slice(0, 4);
  return { types, entity: types.reduce((a, b) => a + b, 0), other: counts[4] ?? 0 };
}

/** Seen in lower case in running text: a common word rather than a name. */
export function isCommonWord(word: string): boolean {
  return common.has(word);
}

export function entityTypeAt(index: number): EntityType {
  return ENTITY_TYPES[index]!;
}

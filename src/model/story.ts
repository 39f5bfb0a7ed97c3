import type { EntityType, Quote } from './doc.js';
import type { Evidence } from './span.js';

/** A person, organisation or place across articles. */
export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly roles: readonly string[];
  readonly articles: readonly string[];
  /**
   * Each role with the publication dates (YYYY-MM-DD) of the first and last
   * article that wrote it with the name, and those articles; oldest first.
   * Dates are null when none of those articles has a date.
   */
  readonly roleHistory?: readonly {
    readonly role: string;
    readonly first: string | null;
    readonly last: string | null;
    readonly articles: readonly string[];
  }[];
}

export interface TimelineEvent {
  /** YYYY-MM-DD (or YYYY-MM / YYYY when that is all that is known). */
  readonly date: string;
  readonly text: string;
  readonly articles: readonly string[];
  readonly evidence?: readonly Evidence[];
  /** How many of `articles` are independent: an article and its copies count once. */
  readonly independentSources?: number;
}

/** One quote as carried by several outlets, possibly in slightly different wordings. */
export interface StoryQuote {
  readonly text: string;
  readonly speaker: string | null;
  /** When no entity was found: the source as most outlets wrote it ("a senior official"). */
  readonly speakerText?: string;
  /** How most outlets wrote the source (`Quote.sourceKind`). */
  readonly sourceKind?: Quote['sourceKind'];
  readonly articles: readonly string[];
  readonly variants?: readonly { readonly text: string; readonly articles: readonly string[] }[];
  readonly evidence?: readonly Evidence[];
  /** How many of `articles` are independent: an article and its copies count once. */
  readonly independentSources?: number;
}

export interface DiscrepancyValue {
  readonly value: number;
  readonly text: string;
  readonly article: string;
  readonly start?: number;
  readonly end?: number;
  readonly qualifier?: string | null;
  /** Set when this article is a copy of another in the story: not an independent report. */
  readonly copyOf?: string;
}

/** The same quantity reported differently by different articles. */
export interface Discrepancy {
  readonly about: string;
  readonly values: readonly DiscrepancyValue[];
  /** e.g. "compatible: 'more than 240' includes 253", or "conflict". */
  readonly note?: string;
  readonly kind?: 'compatible' | 'rounding' | 'conflict';
  /** Why the values may differ without contradicting each other: a later count, or different sources giving their own. */
  readonly cause?: 'as-of' | 'different-sources';
  /** Articles giving the values, a copy and its original counted once. */
  readonly independentSources?: number;
}

export interface Copy {
  /** The later article, a near-duplicate or rewrite of `of`. */
  readonly article: string;
  readonly of: string;
  readonly similarity: number;
}

export interface Story {
  readonly id: string;
  readonly title: string;
  readonly articles: readonly string[];
  readonly timeline: readonly TimelineEvent[];
  readonly quotes: readonly StoryQuote[];
  readonly discrepancies: readonly Discrepancy[];
  readonly copies?: readonly Copy[];
}

/** What story stages read and write: all docs of a batch plus cross-document results. */
export interface Corpus {
  readonly docs: readonly import('./doc.js').Doc[];
  readonly entities: readonly Entity[];
  readonly stories: readonly Story[];
}

export type CorpusLayer = 'docs' | 'entities' | 'stories';

import type { Message } from '../../model/message.js';
import type { Doc } from '../../model/doc.js';

/**
 * How the clean text was obtained. One name per strategy of the cascade, so a
 * report can say which fallback fired on which article.
 */
export type ExtractionStrategy =
  | 'verbatim'
  | 'readability'
  | 'dom-scorer'
  | 'all-paragraphs'
  | 'scraped-text'
  | 'refused'
  | 'empty'
  /** The site rule of `src/stages/clean/sites/<domain>/rules.json`. */
  | `site-rule:${string}`;

/** Where `published` was read from. */
export type PublishedSource = 'input' | 'json-ld' | 'meta' | 'time' | 'url' | 'text' | 'site-rule';

/** Everything one cleaning strategy yields; every strategy returns this same shape. */
export interface ArticleExtraction extends Pick<Doc, 'text' | 'removed' | 'title' | 'byline' | 'outlet' | 'published'> {
  readonly publishedFrom: PublishedSource | null;
  readonly strategy: ExtractionStrategy;
  /** Messages without a `stage`: the caller names itself. */
  readonly messages: readonly Omit<Message, 'stage'>[];
}

/**
 * Removal reasons, shared by the HTML and the plain-text cleaners and by the
 * site rules' schema, so a report counts a site's share bar with everyone else's.
 */
export const REMOVAL_REASONS = [
  'comments',
  'share-widget',
  'caption',
  'photo-credit',
  'related-links',
  'newsletter-promo',
  'author-box',
  'navigation',
  'advertisement',
  'donation-ask',
  'page-furniture',
] as const;

export type RemovalReason = (typeof REMOVAL_REASONS)[number];

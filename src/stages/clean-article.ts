import type { Doc, RawInput } from '../model/doc.js';
import type { DocStage, StageContext } from '../model/stage.js';
import type { ArticleExtraction } from './clean/article-extraction.js';
import { dateMessages } from './clean/body-messages.js';
import { cleanScrapedText } from './clean/clean-scraped-text.js';
import { extractArticle } from './clean/extract-article.js';
import { hostName } from './clean/extract-metadata.js';
import { dayFromUrl, isoDay } from './clean/parse-day.js';

export interface CleanArticleOptions {
  /** HTML larger than this is refused (error message, empty text) rather than parsed. */
  maxHtmlChars?: number;
  /** Bodies shorter than this get a clean/short-body warning. */
  shortBodyChars?: number;
  /** In scraped text, take a short unpunctuated first line standing alone as the headline. */
  titleFromFirstLine?: boolean;
}

/**
 * The article's clean text and metadata. One strategy per kind of input:
 * `clean: false` keeps the text verbatim, HTML goes through the extraction
 * cascade, scraped text through the line classifier. Metadata given with the
 * input always wins over what is extracted.
 */
export function cleanArticle({ maxHtmlChars = 10_000_000, shortBodyChars = 500, titleFromFirstLine = true }: CleanArticleOptions = {}): DocStage {
  const name = 'clean-article';
  return {
    kind: 'doc',
    name,
    version: '1',
    requires: ['raw'],
    provides: ['text', 'removed', 'title', 'byline', 'outlet', 'published'],
    run(doc: Doc, ctx: StageContext): Doc {
      const extraction = extract(doc.raw, ctx, { maxHtmlChars, shortBodyChars, titleFromFirstLine });
      const raw = doc.raw;
      const published = raw.published ?? extraction.published;
      return {
        ...doc,
        text: extraction.text,
        removed: extraction.removed,
        title: raw.title ?? extraction.title,
        byline: raw.byline ?? extraction.byline,
        outlet: raw.outlet ?? extraction.outlet,
        published,
        ...(published ? { publishedFrom: raw.published ? 'input' : (extraction.publishedFrom ?? undefined) } : {}),
        extractedBy: extraction.strategy,
        messages: [...doc.messages, ...[...extraction.messages, ...dateMessages(published, ctx.now, { given: Boolean(raw.published) })].map((m) => ({ ...m, stage: name }))],
      };
    },
  };
}

function extract(raw: RawInput, ctx: StageContext, options: Required<CleanArticleOptions>): ArticleExtraction {
  if (raw.clean === false) return verbatim(raw.text ?? '');
  if (raw.html !== undefined) {
    return extractArticle(raw.html, { url: raw.url, now: ctx.now, maxHtmlChars: options.maxHtmlChars, shortBodyChars: options.shortBodyChars });
  }
  const scraped = cleanScrapedText(raw.text ?? '', { now: ctx.now, title: raw.title ?? null, titleFromFirstLine: options.titleFromFirstLine, shortBodyChars: options.shortBodyChars });
  const outlet = hostName(raw.url);
  const fromUrl = dayFromUrl(raw.url);
  const withOutlet = { ...scraped, outlet };
  return fromUrl && fromUrl <= isoDay(ctx.now) && !scraped.published ? { ...withOutlet, published: fromUrl, publishedFrom: 'url' } : withOutlet;
}

function verbatim(text: string): ArticleExtraction {
  return {
    text,
    removed: [],
    title: null,
    byline: [],
    outlet: null,
    published: null,
    publishedFrom: null,
    strategy: 'verbatim',
    messages: text.trim() ? [] : [{ severity: 'error', rule: 'clean/no-text', text: 'the input text is empty; give a non-empty "text" or drop clean: false to extract from "html"' }],
  };
}

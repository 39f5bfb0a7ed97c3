import { parseHTML } from 'linkedom';
import { z } from 'zod';
import type { Removed } from '../../../model/doc.js';
import { REMOVAL_REASONS, type ExtractionStrategy, type PublishedSource } from '../article-extraction.js';
import type { CleanMessage } from '../body-messages.js';
import { domToBlocks, type TextBlock } from '../dom-to-blocks.js';
import { isJunkByline } from '../extract-metadata.js';
import { isoDay, parseDay } from '../parse-day.js';

// An empty page to try selectors on at load: linkedom throws on a malformed
// selector only when it is used, which would be on the first article of the site.
const probe = parseHTML('<html><body></body></html>').document as unknown as Document;

const selector = z
  .string()
  .trim()
  .min(1)
  .refine(
    (s) => {
      try {
        probe.querySelectorAll(s);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid CSS selector' },
  );

/** One site's extraction rule, as written in `sites/<domain>/rules.json`. */
export const SiteRuleSchema = z.strictObject({
  /** The host the rule is for; its subdomains match too ("www.", "news."). */
  domain: z
    .string()
    .regex(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, 'a lower-case host name such as "harbor-ledger.example"'),
  /** Containers of the article body; every match of every selector is read, in page order. */
  body: z.array(selector).min(1),
  /** Elements dropped before the body is read, each with the reason it is recorded under. */
  remove: z.array(z.strictObject({ selector, reason: z.enum(REMOVAL_REASONS) })).default([]),
  title: selector.optional(),
  byline: selector.optional(),
  /** The publication day: an attribute of the element (`datetime`, `content`...) or else its text. */
  published: z.strictObject({ selector, attribute: z.string().min(1).optional() }).optional(),
});

export type SiteRule = z.infer<typeof SiteRuleSchema>;

/**
 * A rules file's content as a `SiteRule`, or an error naming the file and
 * every problem in it, so a bad rule fails loudly at load and not as a
 * silently missed article.
 */
export function parseSiteRule(data: unknown, file: string): SiteRule {
  const parsed = SiteRuleSchema.safeParse(data);
  if (!parsed.success) throw new Error(`invalid site rule in ${file}:\n${z.prettifyError(parsed.error)}\nsee src/stages/clean/sites/README.md for the format`);
  return parsed.data;
}

/**
 * The rule for a page's host: the rule's domain itself or any subdomain of
 * it; the longest domain wins, so a rule for one section of a site can
 * override the site's own.
 */
export function siteRuleFor(url: string | undefined, rules: readonly SiteRule[]): SiteRule | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  let best: SiteRule | null = null;
  for (const rule of rules) {
    if ((host === rule.domain || host.endsWith(`.${rule.domain}`)) && (!best || rule.domain.length > best.domain.length)) best = rule;
  }
  return best;
}

/** What a site rule's metadata selectors found; a field is absent when its selector is missing or matched nothing usable. */
export interface SiteMetadata {
  title?: string;
  byline?: string[];
  published?: string;
  publishedFrom?: PublishedSource;
}

/**
 * Title, byline and publication day by the rule's selectors. Read before any
 * element is removed: a byline may sit in what the rule or the general
 * cleaner then drops as page furniture.
 */
export function readSiteMetadata(document: Document, rule: SiteRule, now: Date): SiteMetadata {
  const out: SiteMetadata = {};
  const title = rule.title ? textOf(document.querySelector(rule.title)) : '';
  if (title) out.title = title;
  if (rule.byline) {
    const names = Array.from(document.querySelectorAll(rule.byline)).flatMap((el) => namesIn(textOf(el)));
    const byline = [...new Set(names)].filter((name) => !isJunkByline(name, null));
    if (byline.length > 0) out.byline = byline;
  }
  if (rule.published) {
    const el = document.querySelector(rule.published.selector);
    const value = el && (rule.published.attribute ? el.getAttribute(rule.published.attribute) : textOf(el));
    const day = parseDay(value);
    // Same guard as the general cascade: a day after the fetch is a typo or a scheduled update, not the publication.
    if (day && day <= isoDay(now)) {
      out.published = day;
      out.publishedFrom = 'site-rule';
    }
  }
  return out;
}

export interface SiteBody {
  /** The body as the rule reads it, or null when its selectors found no text and the general cascade must run. */
  readonly candidate: { readonly strategy: ExtractionStrategy; readonly blocks: readonly TextBlock[] } | null;
  readonly removed: readonly Removed[];
  readonly messages: readonly CleanMessage[];
}

/** Removed text kept for inspection is capped, as in the general cleaner. */
const KEEP_CHARS = 500;

/**
 * Removes the rule's `remove` elements from the page, in place, then reads
 * the body containers. The removals stay even when the body is not found:
 * they are junk on this site whatever the layout.
 */
export function readSiteBody(document: Document, rule: SiteRule): SiteBody {
  const removed: Removed[] = [];
  for (const { selector, reason } of rule.remove) {
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (!el.isConnected) continue;
      const text = textOf(el);
      el.remove();
      if (text) removed.push({ text: text.length > KEEP_CHARS ? `${text.slice(0, KEEP_CHARS)}…` : text, reason });
    }
  }
  const matched = Array.from(document.querySelectorAll(rule.body.join(', ')));
  // A container inside another matched one would be read twice.
  const containers = matched.filter((el) => !matched.some((other) => other !== el && other.contains(el)));
  const blocks = containers.flatMap((el) => domToBlocks(el));
  if (blocks.length > 0) return { candidate: { strategy: `site-rule:${rule.domain}`, blocks }, removed, messages: [] };
  return {
    candidate: null,
    removed,
    messages: [
      {
        severity: 'info',
        rule: 'clean/site-rule-missed',
        text: `the site rule for ${rule.domain} found no article text with ${JSON.stringify(rule.body)}; the general cascade was used. The site may have changed its layout: update src/stages/clean/sites/${rule.domain}/rules.json`,
      },
    ],
  };
}

function textOf(el: Element | null): string {
  return (el?.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

// "By Mara Quill", "Reporting: Mara Quill and Ivo Tarn", "— Reported by Mara Quill, Tribune staff":
// a label, then names separated by commas, "and" or "&".
function namesIn(text: string): string[] {
  const bare = text.replace(/^[\s\-–—]*(?:by|reported\s+by|reporting(?:\s+by)?|words(?:\s+by)?|written\s+by|story\s+by|text)\b\s*[:\-–—]?\s*/i, '');
  return bare
    .split(/\s*(?:,|;|&|\band\b)\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

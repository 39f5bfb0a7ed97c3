import type { Message } from '../../model/message.js';
import { isCommentSignature } from './classify-blocks.js';
import { isoDay } from './parse-day.js';

export type CleanMessage = Omit<Message, 'stage'>;

/** Checks every cleaned body gets, whichever strategy produced it. */
export function bodyMessages(text: string, { shortBodyChars = 500 }: { shortBodyChars?: number } = {}): CleanMessage[] {
  if (!text.trim()) return [{ severity: 'error', rule: 'clean/no-text', text: 'no article text is left after cleaning; check that the input is an article page, or pass clean: false to keep the text as given' }];
  const messages: CleanMessage[] = [];
  if (text.length < shortBodyChars) {
    messages.push({ severity: 'warning', rule: 'clean/short-body', text: `the article text is only ${text.length} characters (expected at least ${shortBodyChars}); the page may be a teaser, a paywall or a failed extraction` });
  }
  const signatures = text.split('\n').filter((line) => line.trim() && isCommentSignature(line)).length;
  if (signatures >= 2) {
    messages.push({ severity: 'warning', rule: 'clean/leaked-comments', text: `${signatures} lines look like reader-comment headers ("… says:", "Reply"); comments may have leaked into the article text` });
  }
  const truncated = truncatedList(text);
  if (truncated) messages.push({ severity: 'warning', rule: 'clean/truncated-list', text: `the article text ends with ${JSON.stringify(truncated)}, which announces or continues a list that is not there; the page may have been cut off or the list dropped as boilerplate` });
  return messages;
}

// "The closures are:" as the last line, or a last list item ending in a
// comma, a semicolon or an ellipsis: the rest of the list did not make it.
function truncatedList(text: string): string | null {
  const last = text.trimEnd().split('\n').at(-1)?.trim() ?? '';
  if (/[:：]$/.test(last)) return last;
  if (/^(?:[-*•]|\d+[.)])\s/.test(last) && /(?:[,;]|\.\.\.|…)$/.test(last)) return last;
  return null;
}

/**
 * A publication day the article cannot have: after the fetch ("now"), or
 * before 1990, when no news site was on the web. Given or extracted alike.
 */
export function dateMessages(published: string | null, now: Date, { earliest = '1990-01-01', given = false }: { earliest?: string; given?: boolean } = {}): CleanMessage[] {
  if (!published) return [];
  const today = isoDay(now);
  if (published > today) return [{ severity: 'warning', rule: 'clean/implausible-date', text: `the publication date ${published} is after the fetch date ${today}; check the input's "published" or the page's clock` }];
  // An archive handed over with its dates (`"published"` in .jsonl, --published) is taken at its word.
  if (published < earliest && !given) return [{ severity: 'warning', rule: 'clean/implausible-date', text: `the publication date ${published} is before ${earliest}; it is probably a date mentioned in the page, not the day it was published` }];
  return [];
}

import type { Message } from '../../model/message.js';
import { isCommentSignature } from './classify-blocks.js';

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
  return messages;
}

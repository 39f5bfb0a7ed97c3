import { createHash } from 'node:crypto';

/**
 * The id of an article that brings none: the same decoded content always gets
 * the same id, so re-reading a folder does not duplicate its articles.
 */
export function contentId(content: string): string {
  return `a-${createHash('sha256').update(content, 'utf8').digest('hex').slice(0, 16)}`;
}

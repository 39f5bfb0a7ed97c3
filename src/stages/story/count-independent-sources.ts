import type { Copy } from '../../model/story.js';

/**
 * The article a copy was made from, following copies of copies to the first
 * one; an article that copies nothing is its own original. A loop in the
 * links (which grouping never writes) ends at the loop's first id, so that every
 * member of the loop names the same original.
 */
export function originalOf(article: string, copies: readonly Copy[] = []): string {
  const of = new Map(copies.map((c) => [c.article, c.of]));
  const path: string[] = [];
  let current = article;
  while (of.has(current)) {
    const loop = path.indexOf(current);
    if (loop >= 0) return path.slice(loop).sort()[0]!;
    path.push(current);
    current = of.get(current)!;
  }
  return current;
}

/**
 * How many independent sources a set of articles is: every article and its
 * copies count once, since a content farm's rewrite repeats its source rather
 * than confirming it. Articles named twice count once.
 */
export function countIndependentSources(articles: Iterable<string>, copies: readonly Copy[] = []): number {
  if (copies.length === 0) return new Set(articles).size;
  const originals = new Set<string>();
  for (const article of articles) originals.add(originalOf(article, copies));
  return originals.size;
}

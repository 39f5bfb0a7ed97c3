import type { Doc } from '../../model/doc.js';
import type { Corpus, Story } from '../../model/story.js';

/** The docs of a story, in the story's article order; ids with no doc are skipped. */
export function docsOfStory(corpus: Corpus, story: Story): Doc[] {
  const byId = new Map(corpus.docs.map((d) => [d.id, d]));
  return story.articles.map((id) => byId.get(id)).filter((d): d is Doc => d !== undefined);
}

import type { Doc } from '../../model/doc.js';
import type { Corpus, Story } from '../../model/story.js';

/**
 * The corpus with each story replaced by `update(story, docs)`, its docs in the
 * story's article order (ids with no doc skipped). The id map is built once per
 * run, not once per story: a batch has hundreds of stories over thousands of docs.
 */
export function mapStories(corpus: Corpus, update: (story: Story, docs: Doc[]) => Story): Corpus {
  const byId = new Map(corpus.docs.map((d) => [d.id, d]));
  const stories = corpus.stories.map((story) =>
    update(
      story,
      story.articles.map((id) => byId.get(id)).filter((d): d is Doc => d !== undefined),
    ),
  );
  return { ...corpus, stories };
}

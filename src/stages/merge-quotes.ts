import type { Corpus } from '../model/story.js';
import type { StoryStage } from '../model/stage.js';

// STUB: replaced by the real stage; passes the corpus through unchanged.
export function mergeQuotes(): StoryStage {
  return { kind: 'story', name: 'merge-quotes', version: '0', requires: ['stories', 'quotes'], provides: ['stories'], run: (corpus: Corpus) => corpus };
}

import type { Corpus } from '../model/story.js';
import type { StoryStage } from '../model/stage.js';

// STUB: replaced by the real stage; passes the corpus through unchanged.
export function groupStories(): StoryStage {
  return { kind: 'story', name: 'group-stories', version: '0', requires: ['text', 'mentions', 'dates', 'entities'], provides: ['stories'], run: (corpus: Corpus) => corpus };
}

import type { Corpus } from '../model/story.js';
import type { StoryStage } from '../model/stage.js';

// STUB: replaced by the real stage; passes the corpus through unchanged.
export function buildTimelines(): StoryStage {
  return { kind: 'story', name: 'build-timelines', version: '0', requires: ['stories', 'dates', 'sentences'], provides: ['stories'], run: (corpus: Corpus) => corpus };
}

import type { Corpus } from '../model/story.js';
import type { StoryStage } from '../model/stage.js';

// STUB: replaced by the real stage; passes the corpus through unchanged.
export function findDiscrepancies(): StoryStage {
  return { kind: 'story', name: 'find-discrepancies', version: '0', requires: ['stories', 'figures'], provides: ['stories'], run: (corpus: Corpus) => corpus };
}

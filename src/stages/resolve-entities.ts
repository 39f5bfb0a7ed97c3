import type { Corpus } from '../model/story.js';
import type { StoryStage } from '../model/stage.js';

// STUB: replaced by the real stage; passes the corpus through unchanged.
export function resolveEntities(): StoryStage {
  return { kind: 'story', name: 'resolve-entities', version: '0', requires: ['mentions', 'quotes', 'figures'], provides: ['entities', 'mentions', 'quotes', 'figures'], run: (corpus: Corpus) => corpus };
}

import type { Doc } from '../model/doc.js';
import type { DocStage } from '../model/stage.js';
import type { MentionTagger } from './entities/mention-tagger.js';
import { tagByRules } from './entities/tag-by-rules.js';

export interface FindMentionsOptions {
  /** What finds the names; the rule tagger until a trained one replaces it. */
  tagger?: MentionTagger;
}

/** Names of people, organisations, places and other named things (MISC), entity ids left for later. */
export function findMentions({ tagger = tagByRules() }: FindMentionsOptions = {}): DocStage {
  return {
    kind: 'doc',
    name: 'find-mentions',
    version: '1',
    requires: ['sentences', 'tokens'],
    provides: ['mentions'],
    run(doc: Doc): Doc {
      const mentions = tagger({ text: doc.text, sentences: doc.sentences, tokens: doc.tokens });
      return { ...doc, mentions };
    },
  };
}

import type { Doc } from '../model/doc.js';
import type { DocStage } from '../model/stage.js';
import type { MentionTagger } from './entities/mention-tagger.js';
import { tagByRulesWithBasis, type RuleBasis } from './entities/tag-by-rules.js';
import { committedNerModelVersion, tagByModel } from './entities/perceptron/tag-by-model.js';
import type { NerModel } from './entities/perceptron/ner-model.js';

/**
 * The rules whose type overrides the model's: those reading the article
 * itself (cue words, context, the same name elsewhere), which the CoNLL
 * training text cannot teach the model about invented names. Measured on
 * eng.testa (F1 with the model alone 92.62): these together 92.57; the
 * training-text phrase list would cost 1.57 and acronyms 0.22, the hand
 * lists of places, first names and demonyms 0.02 to 0.04 each.
 */
const DOCUMENT_RULE_BASES: readonly RuleBasis[] = [
  'title',
  'org-word',
  'place-word',
  'dateline',
  'place-context',
  'vessel',
  'role',
  'same-name',
  'surname',
  'place-adjective',
  'listed-place',
];

export interface FindMentionsOptions {
  /** What finds the names; defaults to tagForPipeline(). */
  tagger?: MentionTagger;
  /** Names the tagger in the stage's version; give it with your own tagger. */
  taggerVersion?: string;
}

/**
 * The pipeline's tagger: the trained model, with the rules' titles, their
 * document evidence, and their names in Title Case headlines. eng.testa F1
 * 92.34 (model alone 92.62): dropping unseen ORG words costs 0.07 and the
 * headline rule 0.16, for the sample corpus's goldens and Title Case
 * headlines, which CoNLL's ALL-CAPS ones do not teach.
 */
export function tagForPipeline({ model }: { model?: NerModel } = {}): MentionTagger {
  return tagByModel({ model, rules: tagByRulesWithBasis(), ruleTypesFrom: DOCUMENT_RULE_BASES, dropUnseenOrgWords: true, rulesInTitleCase: true });
}

/**
 * Names of people, organisations, places and other named things (MISC),
 * entity ids left for later. The version names the model, so a report says
 * which weights found its names.
 */
export function findMentions({ tagger, taggerVersion = tagger ? 'custom' : committedNerModelVersion() }: FindMentionsOptions = {}): DocStage {
  const tag = tagger ?? tagForPipeline();
  return {
    kind: 'doc',
    name: 'find-mentions',
    version: `2+${taggerVersion}`,
    requires: ['sentences', 'tokens'],
    provides: ['mentions'],
    run(doc: Doc): Doc {
      const mentions = tag({ text: doc.text, sentences: doc.sentences, tokens: doc.tokens });
      return { ...doc, mentions };
    },
  };
}

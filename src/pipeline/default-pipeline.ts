import type { Stage } from '../model/stage.js';
import { cleanArticle } from '../stages/clean-article.js';
import { detectLanguage } from '../stages/detect-language.js';
import { splitSentences } from '../stages/split-sentences.js';
import { findMentions } from '../stages/find-mentions.js';
import { extractQuotes } from '../stages/extract-quotes.js';
import { extractFigures } from '../stages/extract-figures.js';
import { resolveDates } from '../stages/resolve-dates.js';
import { resolveEntities } from '../stages/resolve-entities.js';
import { groupStories } from '../stages/group-stories.js';
import { buildTimelines } from '../stages/build-timelines.js';
import { mergeQuotes } from '../stages/merge-quotes.js';
import { findDiscrepancies } from '../stages/find-discrepancies.js';

/**
 * The whole pipeline, in order. Document stages run on each article on its
 * own; story stages then run once over all articles of the batch.
 */
export function defaultPipeline(): Stage[] {
  return [
    // Everything after cleaning reads `text`, which never changes again.
    cleanArticle(),
    detectLanguage(),
    splitSentences(),
    findMentions(),
    // Quotes and figures attribute to names, so they come after mentions.
    extractQuotes(),
    extractFigures(),
    // Dates last among document stages: it may infer `published` from the text.
    resolveDates(),
    // Entities merge aliases across articles and fill quote speakers and figure sources.
    resolveEntities(),
    // Grouping reads entity ids, so it follows entity resolution.
    groupStories(),
    buildTimelines(),
    mergeQuotes(),
    findDiscrepancies(),
  ];
}

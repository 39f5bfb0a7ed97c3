import type { Doc } from '../model/doc.js';
import type { DocStage } from '../model/stage.js';

// STUB: replaced by the real cleaner (HTML cascade, scraped-text classifier, metadata).
export function cleanArticle(): DocStage {
  return {
    kind: 'doc',
    name: 'clean-article',
    version: '0',
    requires: ['raw'],
    provides: ['text', 'removed', 'title', 'byline', 'outlet', 'published'],
    run: (doc: Doc) => ({ ...doc, text: doc.raw.text ?? doc.raw.html ?? '' }),
  };
}

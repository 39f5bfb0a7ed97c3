import type { Doc } from '../model/doc.js';
import type { DocStage } from '../model/stage.js';

// STUB: replaced by the real stage; passes documents through unchanged.
export function extractQuotes(): DocStage {
  return { kind: 'doc', name: 'extract-quotes', version: '0', requires: ['sentences', 'tokens', 'mentions'], provides: ['quotes'], run: (doc: Doc) => doc };
}

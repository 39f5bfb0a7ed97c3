import type { Doc } from '../model/doc.js';
import type { DocStage } from '../model/stage.js';

// STUB: replaced by the real stage; passes documents through unchanged.
export function extractFigures(): DocStage {
  return { kind: 'doc', name: 'extract-figures', version: '0', requires: ['sentences', 'tokens', 'mentions'], provides: ['figures'], run: (doc: Doc) => doc };
}

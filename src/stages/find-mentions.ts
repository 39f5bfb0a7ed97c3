import type { Doc } from '../model/doc.js';
import type { DocStage } from '../model/stage.js';

// STUB: replaced by the real stage; passes documents through unchanged.
export function findMentions(): DocStage {
  return { kind: 'doc', name: 'find-mentions', version: '0', requires: ['sentences', 'tokens'], provides: ['mentions'], run: (doc: Doc) => doc };
}

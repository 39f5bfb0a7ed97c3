import type { Doc } from '../model/doc.js';
import type { DocStage } from '../model/stage.js';

// STUB: replaced by the real stage; passes documents through unchanged.
export function resolveDates(): DocStage {
  return { kind: 'doc', name: 'resolve-dates', version: '0', requires: ['sentences', 'tokens', 'published'], provides: ['dates', 'published'], run: (doc: Doc) => doc };
}

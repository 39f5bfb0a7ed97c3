import type { Doc } from '../model/doc.js';
import type { DocStage } from '../model/stage.js';

// STUB: replaced by the real stage; passes documents through unchanged.
export function detectLanguage(): DocStage {
  return { kind: 'doc', name: 'detect-language', version: '0', requires: ['text'], provides: ['language'], run: (doc: Doc) => doc };
}

import { detect } from 'tinyld';
import type { Doc } from '../model/doc.js';
import type { DocStage } from '../model/stage.js';

export interface DetectLanguageOptions {
  /** Fewer letters than this and the language is 'und': tinyld guesses wildly on a headline. */
  minLetters?: number;
  /** Only this much of the text is read; a language does not change halfway through an article. */
  sampleChars?: number;
  /** The language the rest of the pipeline is built for; others get an info message. */
  expected?: string;
}

/** The article's language as an ISO 639-1 code (tinyld), 'und' when the text is too short to tell. */
export function detectLanguage({ minLetters = 40, sampleChars = 4_000, expected = 'en' }: DetectLanguageOptions = {}): DocStage {
  const name = 'detect-language';
  return {
    kind: 'doc',
    name,
    version: '1',
    requires: ['text'],
    provides: ['language'],
    run(doc: Doc): Doc {
      const language = languageOf(doc.text, { minLetters, sampleChars });
      if (language === 'und' || language === expected) return { ...doc, language };
      return {
        ...doc,
        language,
        messages: [
          ...doc.messages,
          { severity: 'info', rule: 'language/not-english', stage: name, text: `the article looks like "${language}", not "${expected}"; names, quotes and dates are extracted with English rules and may be missed` },
        ],
      };
    },
  };
}

/** ISO 639-1 code of a text, or 'und'. */
export function languageOf(text: string, { minLetters = 40, sampleChars = 4_000 }: { minLetters?: number; sampleChars?: number } = {}): string {
  const sample = text.slice(0, sampleChars);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < minLetters) return 'und';
  return detect(sample) || 'und';
}

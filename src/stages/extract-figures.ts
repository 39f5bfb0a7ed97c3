import type { Doc, Figure } from '../model/index.js';
import type { DocStage } from '../model/stage.js';
import { countedNoun } from './figures/counted-noun.js';
import { findAttribution } from './figures/find-attribution.js';
import { findNumbers } from './figures/find-numbers.js';

export interface ExtractFiguresOptions {
  /** Keep figures whose counted noun could not be found. */
  keepUnanchored?: boolean;
  /** Attribute figures to the sentence's source ("officials said"). */
  attribute?: boolean;
}

/**
 * Numbers that count something, with qualifier, unit, what they count and who
 * gives them. Years, dates, times, ages, street, phone, model and page numbers,
 * ordinals and "one" as a pronoun are not figures. An age ("the 33-year-old")
 * describes a person rather than counting anything in the story, so it is left
 * out rather than given a unit of years.
 */
export function extractFigures({ keepUnanchored = true, attribute = true }: ExtractFiguresOptions = {}): DocStage {
  return {
    kind: 'doc',
    name: 'extract-figures',
    version: '1',
    requires: ['sentences', 'tokens', 'mentions'],
    provides: ['figures'],
    run(doc: Doc): Doc {
      const figures: Figure[] = [];
      for (const sentence of doc.sentences) {
        const body = doc.text.slice(sentence.start, sentence.end);
        const numbers = findNumbers(body);
        if (numbers.length === 0) continue;
        const source = attribute ? findAttribution(doc.text, sentence, doc.mentions) : null;
        for (const n of numbers) {
          const start = sentence.start + n.start;
          const end = sentence.start + n.end;
          // A percentage counts what follows "of" ("60% of voters"), never the next noun ("3% next year").
          const percentOf = n.unit !== '%' || /^\s+of\s/.test(doc.text.slice(end, end + 5));
          const subject = !doc.tokens.some((t) => t.start >= sentence.start && t.end <= start && (t.pos === 'VERB' || t.pos === 'AUX'));
          const about = percentOf ? countedNoun(doc.text, doc.tokens, end, sentence.end, n.ofFollows || n.unit !== null, subject) : null;
          if (!about && !keepUnanchored) continue;
          figures.push({
            start,
            end,
            text: doc.text.slice(start, end),
            value: n.value,
            ...(n.high !== undefined ? { high: n.high } : {}),
            qualifier: n.qualifier,
            unit: n.unit,
            about,
            source: null,
            sourceText: source?.text ?? null,
            ...(source ? { sourceSpan: source.span } : {}),
          });
        }
      }
      return { ...doc, figures };
    },
  };
}

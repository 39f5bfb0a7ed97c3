import type { Doc, Figure, Span } from '../model/index.js';
import type { DocStage } from '../model/stage.js';
import { countedNoun, type CountedNoun } from './figures/counted-noun.js';
import { findAsOf } from './figures/find-as-of.js';
import { findAttribution } from './figures/find-attribution.js';
import { findHedge } from './figures/find-hedge.js';
import { findNumbers } from './figures/find-numbers.js';
import { predicateAfter, predicateBefore, risenCount } from './figures/find-predicate.js';
import { qualifierInterval } from './figures/qualifier-interval.js';

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
        const asOf = findAsOf(doc.text, sentence);
        const hedge = findHedge(doc.text, sentence);
        for (const n of numbers) {
          const start = sentence.start + n.start;
          const end = sentence.start + n.end;
          // A percentage counts what follows "of" ("60% of voters"), never the next noun ("3% next year").
          const percentOf = n.unit !== '%' || /^\s+of\s/.test(doc.text.slice(end, end + 5));
          const subject = !doc.tokens.some((t) => t.start >= sentence.start && t.end <= start && (t.pos === 'VERB' || t.pos === 'AUX'));
          const counted = percentOf ? countedNoun(doc.text, doc.tokens, end, sentence.end, n.ofFollows || n.unit !== null, subject) : null;
          const { about, head, predicate } = percentOf
            ? readCounted(doc, counted, n.unit, start, end, sentence)
            : { about: null, head: null, predicate: null };
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
            head,
            predicate,
            source: null,
            sourceText: source?.text ?? null,
            ...(source ? { sourceSpan: source.span } : {}),
            interval: qualifierInterval(n.value, n.qualifier, n.high),
            asOf: asOf?.text ?? null,
            hedge: hedge?.text ?? null,
          });
        }
      }
      return { ...doc, figures };
    },
  };
}

interface Counted {
  readonly about: string | null;
  readonly head: string | null;
  readonly predicate: string | null;
}

/**
 * What a figure counts and what happened to it. A number in object position
 * takes the verb before it ("rescued 77 people"); otherwise the outcome is read
 * after the noun ("41 people died"). A number with no noun after it is named by
 * that outcome ("more than 200 were rescued") or by the running count it is the
 * new level of ("the death toll rose to 44").
 */
function readCounted(doc: Doc, counted: CountedNoun | null, unit: string | null, start: number, end: number, sentence: Span): Counted {
  const before = predicateBefore(doc.text, doc.tokens, start, sentence.start);
  if (counted) {
    const after = counted.head ? predicateAfter(doc.text, doc.tokens, counted.next, sentence.end) : null;
    const bare = counted.head ? null : counted.about.split(/\s/)[0]!.toLowerCase();
    return { about: counted.about, head: counted.head, predicate: before ?? after ?? bare };
  }
  const next = doc.tokens.findIndex((t) => t.start >= end);
  const linked = next >= 0 && next < doc.tokens.length && doc.tokens[next]!.end <= sentence.end && doc.tokens[next]!.pos === 'AUX';
  // Money and measures are not people or things something happened to: "£40m has been spent" names no count.
  const outcome = linked && unit === null ? predicateAfter(doc.text, doc.tokens, next, sentence.end) : null;
  if (outcome) return { about: outcome, head: null, predicate: outcome };
  const risen = risenCount(doc.text, doc.tokens, start, sentence.start);
  if (risen) return risen;
  return { about: null, head: null, predicate: before };
}

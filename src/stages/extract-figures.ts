import type { Doc, Figure, Span } from '../model/index.js';
import type { DocStage } from '../model/stage.js';
import { countedNoun, type CountedNoun } from './figures/counted-noun.js';
import { findAsOf } from './figures/find-as-of.js';
import { findAttribution } from './figures/find-attribution.js';
import { findHedge } from './figures/find-hedge.js';
import { findNumbers, type NumberMatch } from './figures/find-numbers.js';
import { isMultiplyingVerb, predicateAfter, predicateBefore, risenCount } from './figures/find-predicate.js';
import { subjectBefore } from './figures/find-subject.js';
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
          const skipOf = n.ofFollows || n.unit !== null;
          const counted = percentOf && !n.reading ? countedNoun(doc.text, doc.tokens, end, sentence.end, { skipOf, subject }) : null;
          const { about, head, predicate } = n.reading
            ? readProportion(doc, n, start, end, sentence)
            : percentOf
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
  // "Arrests doubled to 40": the level a multiplied count reached counts what was multiplied.
  const to = doc.tokens.findLastIndex((t) => t.end <= start);
  const verb = to - 1;
  if (verb >= 0 && doc.tokens[verb]!.start >= sentence.start && /^to$/i.test(tokenText(doc, to)) && isMultiplyingVerb(tokenText(doc, verb))) {
    const subject = subjectBefore(doc.text, doc.tokens, verb, sentence.start);
    if (subject) return { about: subject, head: subject.split(/\s+/).at(-1)!.toLowerCase(), predicate: `${tokenText(doc, verb).toLowerCase()} to` };
  }
  return { about: null, head: null, predicate: before };
}

/**
 * What a fraction, multiplier or ratio is taken of (see `ProportionReading`):
 * "a quarter of the crew" -> "the crew", "three times as many engines" ->
 * "engines", "Arrests doubled" -> "Arrests", "a threefold rise in burglaries"
 * -> "burglaries", "a nurse-to-patient ratio of 1:8" -> "nurse-to-patient ratio".
 */
function readProportion(doc: Doc, n: NumberMatch, start: number, end: number, sentence: Span): Counted {
  const { text, tokens } = doc;
  const after = tokens.findIndex((t) => t.start >= end && t.end <= sentence.end);
  const following = (k: number) => (k >= 0 && tokens[k] && tokens[k]!.end <= sentence.end ? tokenText(doc, k).toLowerCase() : '');
  const noun = (from: number, options: { skipOf?: boolean; determiner?: boolean }): Counted | null => {
    const counted = countedNoun(text, tokens, from, sentence.end, { ...options, subject: true });
    if (!counted) return null;
    const predicate = counted.head ? predicateAfter(text, tokens, counted.next, sentence.end) : null;
    return { about: counted.about, head: counted.head, predicate: predicateBefore(text, tokens, start, sentence.start) ?? predicate };
  };
  const subject = (verb: number): Counted | null => {
    const about = subjectBefore(text, tokens, verb, sentence.start);
    return about ? { about, head: about.split(/\s+/).at(-1)!.toLowerCase(), predicate: tokenText(doc, verb).toLowerCase() } : null;
  };
  const none: Counted = { about: null, head: null, predicate: null };
  switch (n.reading) {
    case 'after':
      return noun(end, { skipOf: true, determiner: true }) ?? none;
    case 'as-many': {
      // "three times as many engines": past "as many".
      const many = after >= 0 && following(after) === 'as' ? after + 2 : after;
      return (many >= 0 && many < tokens.length && noun(tokens[many]!.start, {})) || none;
    }
    case 'change': {
      // "a threefold rise in burglaries", else "prices rose tenfold", "traffic has grown fivefold", "fares rose by a third".
      if (after >= 0 && CHANGE_NOUNS.test(following(after)) && /^(?:in|of)$/.test(following(after + 1)))
        return noun(tokens[after + 1]!.start, { skipOf: true, determiner: true }) ?? none;
      let verb = tokens.findLastIndex((t) => t.end <= start && t.start >= sentence.start);
      if (verb >= 0 && tokenText(doc, verb).toLowerCase() === 'by') verb--;
      return verb >= 0 && tokens[verb]!.pos === 'VERB' ? (subject(verb) ?? none) : none;
    }
    case 'verb': {
      // "tripled its workforce" is said of the object; "arrests doubled" of the subject.
      const verb = tokens.findIndex((t) => t.start >= start && t.end <= end && isMultiplyingVerb(text.slice(t.start, t.end)));
      // "a doubling of fees".
      if (following(after) === 'of') return noun(tokens[after]!.start, { skipOf: true, determiner: true }) ?? none;
      if (after >= 0 && (tokens[after]!.pos === 'DET' || tokens[after]!.pos === 'PRON') && following(after) !== 'to') {
        const object = noun(tokens[after]!.start, { determiner: true });
        if (object) return { ...object, predicate: tokenText(doc, verb).toLowerCase() };
      }
      return verb >= 0 ? (subject(verb) ?? none) : none;
    }
    case 'ratio': {
      // "a nurse-to-patient ratio of 1:8"; "a ratio of three to one" names nothing.
      const named = /(?:^|\s)([A-Za-z]+(?:-[A-Za-z]+)*)\s+ratio\s+of\s+$/i.exec(text.slice(sentence.start, start));
      const compound = named && !/^(?:a|an|the|its|their|this|that)$/i.test(named[1]!) ? `${named[1]} ratio` : null;
      return { about: compound, head: compound ? 'ratio' : null, predicate: null };
    }
    default:
      return none;
  }
}

const CHANGE_NOUNS = /^(?:rise|rises|increase|increases|jump|growth|fall|drop|decline|reduction|cut|surge)$/;

function tokenText(doc: Doc, k: number): string {
  return doc.text.slice(doc.tokens[k]!.start, doc.tokens[k]!.end);
}

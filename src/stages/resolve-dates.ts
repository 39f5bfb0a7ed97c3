import type { DateMention, Doc, Message } from '../model/index.js';
import type { DocStage, StageContext } from '../model/stage.js';
import { formatDay, parseDay } from './dates/calendar.js';
import { defaultRecognizers, findTimexes, type TimexRecognizer } from './dates/find-timexes.js';
import { inferPublished, titleYear } from './dates/infer-published.js';

export interface ResolveDatesOptions {
  /** The recognizers to run on each sentence, most specific first. */
  recognizers?: readonly TimexRecognizer[];
  /** Infer `published` from the text when the input gave none. */
  infer?: boolean;
}

const STAGE = 'resolve-dates';

/**
 * Time expressions with TIMEX3-style values, resolved against the publication
 * date: `doc.published`, else the run's reference date, else a date inferred
 * from the text (which then becomes `published`, marked "inferred"), else the
 * last day of a past year named in the title, else the run's "now"; the last
 * two with a warning. Neither the reference date nor a title year sets
 * `published` (a day, YYYY-MM-DD): they are guesses for resolving words, not
 * facts about the article.
 */
export function resolveDates({ recognizers = defaultRecognizers, infer = true }: ResolveDatesOptions = {}): DocStage {
  return {
    kind: 'doc',
    name: STAGE,
    version: '1',
    requires: ['sentences', 'tokens', 'published'],
    provides: ['dates', 'published'],
    run(doc: Doc, ctx: StageContext): Doc {
      const messages: Message[] = [];
      let published = doc.published;
      let publishedFrom = doc.publishedFrom;
      let ref = published ? parseDay(published) : null;
      if (!ref && ctx.referenceDate) ref = parseDay(ctx.referenceDate);
      if (!ref && infer) {
        const inferred = inferPublished(doc.text, ctx.now, { title: doc.title });
        if (inferred) {
          published = inferred.date;
          publishedFrom = 'inferred';
          ref = parseDay(inferred.date);
          messages.push({
            severity: 'info',
            rule: 'dates/published-inferred',
            stage: STAGE,
            span: inferred.span,
            text: `publication date ${inferred.date} inferred from a ${inferred.clue} in the text`,
          });
        }
      }
      const year = !ref && infer ? titleYear(doc.title, ctx.now) : null;
      if (!ref && year !== null && year < ctx.now.getUTCFullYear()) {
        // A year is no publication day, so `published` stays null; but the last day of the title's year places
        // "in March" and "last year" in the right year, where the run date would move them years off.
        ref = new Date(Date.UTC(year, 11, 31));
        messages.push({
          severity: 'warning',
          rule: 'dates/reference-from-title-year',
          stage: STAGE,
          text: `no publication date found; relative dates resolved against ${formatDay(ref)}, the end of ${year}, the year in the title; pass --published YYYY-MM-DD to fix`,
        });
      }
      if (!ref) {
        ref = parseDay(formatDay(ctx.now))!;
        messages.push({
          severity: 'warning',
          rule: 'dates/no-reference',
          stage: STAGE,
          text: `no publication date found; relative dates resolved against ${formatDay(ref)} (the run date); pass --published YYYY-MM-DD to fix`,
        });
      }
      const dates: DateMention[] = doc.sentences.flatMap((sentence) => findTimexes(doc.text, sentence, doc.tokens, ref, recognizers));
      return {
        ...doc,
        dates,
        published,
        ...(publishedFrom ? { publishedFrom } : {}),
        messages: messages.length ? [...doc.messages, ...messages] : doc.messages,
      };
    },
  };
}

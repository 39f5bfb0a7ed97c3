import type { Span } from '../../model/index.js';

/** The date words a count holds for, as written. */
export interface AsOf {
  readonly text: string;
  readonly span: Span;
}

const WEEKDAY = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?:\\s+(?:morning|afternoon|evening|night))?';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const CLOCK = "(?:noon|midnight|midday|\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b))(?:\\s+(?:on\\s+)?)?";
const DAY = `(?:${CLOCK})?(?:${WEEKDAY}|${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+${MONTH}|today|yesterday|tonight|the end of (?:${MONTH}|the (?:day|week|month|year)))`;
// "as of Tuesday", "by the end of May", "as at noon on Friday": the count is a running one, read at that time.
const AS_OF = new RegExp(`\\b(?:as of|as at|by|up to)\\s+(${DAY})`, 'i');
// "the toll reached 38 on March 4", "stood at 129 on Wednesday morning".
const LEVEL_ON = new RegExp(`\\b(?:stood at|stands at|reached|rose to|climbed to|risen to|was|were)\\s+(?:[^,;.]|[,.](?=\\d)){1,30}?\\s+on\\s+(${DAY})`, 'i');

/** The date a sentence's counts hold for, or null when it names none. */
export function findAsOf(text: string, sentence: Span): AsOf | null {
  const body = text.slice(sentence.start, sentence.end);
  const m = AS_OF.exec(body) ?? LEVEL_ON.exec(body);
  if (!m) return null;
  const start = sentence.start + m.index + m[0].lastIndexOf(m[1]!);
  return { text: m[1]!, span: { start, end: start + m[1]!.length } };
}

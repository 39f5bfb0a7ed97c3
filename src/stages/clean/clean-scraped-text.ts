import type { Removed } from '../../model/doc.js';
import type { ArticleExtraction } from './article-extraction.js';
import { bodyMessages } from './body-messages.js';
import { classifyBlocks, parseBylineLine } from './classify-blocks.js';
import { isJunkByline } from './extract-metadata.js';
import { dayFromDateline, dayFromStamp, isoDay, parseDay } from './parse-day.js';

export interface CleanScrapedTextOptions {
  now?: Date;
  /** A title given with the input: a first line repeating it is dropped. */
  title?: string | null;
  /** Take a short unpunctuated first line, standing alone, as the headline. */
  titleFromFirstLine?: boolean;
  shortBodyChars?: number;
}

/**
 * Plain text copied from a web page, cleaned line by line: share prompts,
 * photo credits, caption codes, related-link lists, newsletter prompts,
 * content-farm author boxes and the comments tail go to `removed`.
 */
export function cleanScrapedText(
  input: string,
  { now = new Date(), title = null, titleFromFirstLine = true, shortBodyChars = 500 }: CleanScrapedTextOptions = {},
): ArticleExtraction {
  const paragraphs = input
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => p.split('\n').map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);

  let foundTitle = title;
  const first = paragraphs[0];
  if (first) {
    const line = first[0]!;
    const repeatsTitle = title !== null && normalize(line) === normalize(title);
    const headlineShape = line.length <= 160 && !/[.:;,]$/.test(line) && !isMetaLine(line);
    // A headline stands alone above the body, or sits right above its byline
    // or date stamp, as scrapers copy a page's header: "Headline / By … / date".
    const alone = first.length === 1 && paragraphs.length >= 3;
    const aboveMeta = first.length > 1 && isMetaLine(first[1]!);
    const looksLikeHeadline = titleFromFirstLine && title === null && headlineShape && (alone || aboveMeta);
    if (repeatsTitle || looksLikeHeadline) {
      foundTitle = line;
      if (first.length === 1) paragraphs.shift();
      else first.shift();
    }
  }

  const lines = paragraphs.flatMap((lines, p) => lines.map((text) => ({ text, paragraph: p })));
  const verdicts = classifyBlocks(lines.map((l) => l.text));
  const removed: Removed[] = [];
  const byline: string[] = [];
  const kept: (typeof lines)[number][] = [];
  lines.forEach((line, i) => {
    const verdict = verdicts[i];
    if (verdict === 'byline') {
      for (const name of parseBylineLine(line.text) ?? []) if (!isJunkByline(name, null)) byline.push(name);
    }
    if (verdict) removed.push({ text: line.text, reason: verdict });
    else kept.push(line);
  });

  const groups: string[][] = [];
  kept.forEach((line, i) => {
    const last = groups.at(-1);
    if (last && kept[i - 1]?.paragraph === line.paragraph) last.push(line.text);
    else groups.push([line.text]);
  });
  const text = groups.map(joinLines).join('\n\n');

  const day = dayFromDateline(input, now);
  const published = day && day <= isoDay(now) ? day : null;
  return {
    text,
    removed,
    title: foundTitle,
    byline,
    outlet: null,
    published,
    publishedFrom: published ? 'text' : null,
    strategy: 'scraped-text',
    messages: bodyMessages(text, { shortBodyChars }),
  };
}

// Hard-wrapped prose (every line but the last long, none ending a sentence
// on purpose) becomes one paragraph; anything else keeps its line breaks,
// since lists and headings stand on lines of their own.
function joinLines(lines: string[]): string {
  if (lines.length < 2) return lines.join('');
  const body = lines.slice(0, -1);
  const wrapped = body.every((line) => line.length >= 50 && !/^(?:[-*•]|\d+[.)])\s/.test(line)) && body.filter((l) => /[.!?]["”’]?$/.test(l)).length <= body.length / 2;
  return wrapped ? lines.join(' ') : lines.join('\n');
}

// A byline, a "Published …" stamp or a bare date ("14 February 2024", "Thursday, 7 March 2024").
function isMetaLine(line: string): boolean {
  if (parseBylineLine(line)) return true;
  if (dayFromStamp(line)) return true;
  return line.length <= 40 && parseDay(line) !== null && !/[.!?]$/.test(line);
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

import type { Mention, Span } from '../../model/index.js';

/** Who a figure is attributed to, as written in the sentence. */
export interface Attribution {
  readonly text: string;
  readonly span: Span;
}

const VERBS = '(?:said|says|say|reported|reports|estimated|estimates|told|announced|stated|confirmed|claimed|put the (?:toll|figure|number) at)';
const SOURCE_NOUNS =
  '(?:officials?|police|ministry|authorities|spokes(?:man|woman|person)|agency|officers?|organi[sz]ers|witnesses|residents|rescuers|doctors|analysts|experts|government|army|military|council|department|office|service|committee|commission|union|group|company|hospital|coastguard|coast guard|institute|bureau|ministry of [a-z]+)';
// "the regional health ministry", "local officials", "a police spokeswoman".
// A modifier is any word but one that joins or places ("but officials", "outside the hospital",
// "a weekend that organisers"): those start another phrase, which is not the source.
const NOT_MODIFIER = '(?!(?:and|but|or|nor|so|yet|that|which|who|when|while|as|than|by|at|in|on|of|for|from|to|with|near|outside|inside|after|before)\\b)';
const SOURCE_PHRASE = `\\b(?:(?:the|a|an|local|regional|senior|state|federal|city|district|provincial|national|${NOT_MODIFIER}[a-z]+)\\s+){0,3}${SOURCE_NOUNS}`;

/**
 * The source a sentence attributes its claims to: "according to X", a named
 * mention next to a reporting verb ("Okafor said", "said Okafor"), or a
 * common-noun source ("officials said", "the health ministry said").
 * Mentions are preferred: the entity stage can resolve them.
 */
export function findAttribution(text: string, sentence: Span, mentions: readonly Mention[]): Attribution | null {
  const body = text.slice(sentence.start, sentence.end);
  const at = (from: number, end: number): Attribution => {
    const start = withArticle(body, from);
    return { text: text.slice(sentence.start + start, sentence.start + end), span: { start: sentence.start + start, end: sentence.start + end } };
  };
  const inside = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);

  const according = /\baccording to\s+/i.exec(body);
  if (according) {
    const from = according.index + according[0].length;
    const mention = inside.find((m) => m.start - sentence.start === from);
    if (mention) return at(mention.start - sentence.start, mention.end - sentence.start);
    const tail = /^[^,.;:!?()"“”]+/.exec(body.slice(from));
    if (tail) return at(from, from + trimWords(tail[0], 12).length);
  }
  for (const m of body.matchAll(new RegExp(`\\b${VERBS}\\b`, 'gi'))) {
    const verbStart = m.index;
    const verbEnd = m.index + m[0].length;
    const before = inside.filter((x) => x.end - sentence.start <= verbStart && /^[\s,]*$/.test(body.slice(x.end - sentence.start, verbStart))).at(-1);
    if (before) return at(before.start - sentence.start, before.end - sentence.start);
    const after = inside.find((x) => x.start - sentence.start >= verbEnd && /^\s*$/.test(body.slice(verbEnd, x.start - sentence.start)));
    if (after) return at(after.start - sentence.start, after.end - sentence.start);
    const common = new RegExp(`(${SOURCE_PHRASE})\\s*,?\\s*$`, 'i').exec(body.slice(0, verbStart));
    if (common) return at(common.index + common[0].indexOf(common[1]!), common.index + common[0].indexOf(common[1]!) + common[1]!.length);
    const following = new RegExp(`^\\s+(${SOURCE_PHRASE})\\b`, 'i').exec(body.slice(verbEnd));
    if (following) return at(verbEnd + following[0].indexOf(following[1]!), verbEnd + following[0].length);
  }
  return null;
}

/** "the Ferrin Cooperative", "the Treasury of Calvia": a name keeps its article and head. */
function withArticle(body: string, start: number): number {
  const ofHead = /(?:[A-Z][\w'-]*\s+)+of\s+$/.exec(body.slice(0, start));
  const from = ofHead ? ofHead.index : start;
  const article = /\bthe\s+$/i.exec(body.slice(0, from));
  return article ? article.index : from;
}

function trimWords(phrase: string, max: number): string {
  const words = phrase.trimEnd().split(/\s+/);
  return words.slice(0, max).join(' ');
}

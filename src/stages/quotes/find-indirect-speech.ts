import { overlaps, type Span } from '../../model/span.js';
import { SOURCE_PATTERNS, type Attribution } from './find-attribution.js';

/** Reported speech without quotation marks: "Okafor said (that) the ward was full." */
export interface IndirectSpeech {
  /** The reported clause, "that" included, without the final stop. */
  readonly content: Span;
  /** Null for the writer's own hedged claims ("X seems to …"), which name no source. */
  readonly attribution: Attribution | null;
}

export interface FindIndirectSpeechOptions {
  /** Shorter clauses are too often an object ("added a note") rather than what was said. */
  readonly minWords?: number;
  /** Statements already reported as direct quotes: a clause never overlaps one of them. */
  readonly quoted?: readonly Span[];
}

const { NP, APPOSITIVE, ADVERB } = SOURCE_PATTERNS;

// Verbs of saying, showing and holding a view. Attribution corpora (PolNeAR) count what
// someone thinks, wants, finds or denies as attributed content, not only what they say;
// "asked" and "wondered" take a question ("whether …"), which PolNeAR marks as content too.
const VERBS = [
  'say', 'tell', 'add', 'note', 'write', 'report', 'announce', 'suggest', 'show', 'find', 'tweet', 'argue',
  'explain', 'declare', 'acknowledge', 'claim', 'warn', 'insist', 'state', 'predict', 'concede', 'contend',
  'maintain', 'confirm', 'deny', 'reveal', 'estimate', 'indicate', 'admit', 'assert', 'allege', 'stress',
  'emphasize', 'complain', 'testify', 'mention', 'reply', 'respond', 'observe', 'conclude', 'recall',
  'promise', 'pledge', 'vow', 'believe', 'think', 'hope', 'fear', 'know', 'agree', 'want', 'urge', 'accuse',
  'criticize', 'praise', 'blame', 'cite', 'describe', 'propose', 'demand', 'reiterate', 'endorse', 'support',
  'oppose', 'defend', 'dismiss', 'question', 'decline', 'refuse', 'seek', 'see', 'recommend', 'welcome', 'reject',
  'attack', 'blast', 'condemn', 'call', 'ask', 'threaten', 'offer', 'aim', 'intend', 'decide', 'vote', 'favor', 'back',
  // Judging, naming and weighing something, and knowing or expecting it: PolNeAR marks their objects too.
  'prefer', 'order', 'discuss', 'express', 'consider', 'mock', 'regret', 'address', 'name', 'view', 'feel', 'expect',
  'learn', 'worry', 'identify', 'assure', 'echo', 'list', 'request', 'challenge', 'remind', 'slam', 'deem', 'encourage',
  'convince', 'project', 'remember', 'portray', 'decry', 'highlight', 'tout', 'understand', 'recognize', 'repeat',
  'imply', 'accept', 'advise', 'insult', 'ridicule', 'applaud', 'lambaste', 'denounce', 'hail', 'dispute', 'doubt',
  'signal', 'hint', 'assume', 'realize', 'label', 'brand', 'characterize', 'dub', 'deride', 'disparage', 'rebuke',
  'plead', 'unveil', 'outline', 'forecast', 'anticipate', 'suspect', 'guess', 'insinuate', 'demand', 'allege',
  'embrace', 'assail', 'disclose', 'boast', 'joke', 'advocate', 'post', 'release', 'sign', 'nominate', 'tout', 'wonder',
];
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['said'], tell: ['told'], write: ['wrote', 'written'], find: ['found'], show: ['showed', 'shown'], think: ['thought'],
  know: ['knew', 'known'], seek: ['sought'], see: ['saw', 'seen'], back: ['backed'], slam: ['slammed'], feel: ['felt'],
  learn: ['learned', 'learnt'], understand: ['understood'], dub: ['dubbed'], plead: ['pleaded', 'pled'], forecast: ['forecast'],
  label: ['labeled', 'labelled'], wonder: ['wondered'],
};

/** Every form of a verb a news report uses: says, said, saying. */
function forms(verb: string): string[] {
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  const third = /(?:s|sh|ch|x)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`;
  const past = /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied` : verb.endsWith('e') ? `${verb}d` : `${verb}ed`;
  const regular = IRREGULAR[verb] ?? [past];
  const ing = /[^aeiou]y$/.test(verb) || !verb.endsWith('e') ? `${verb}ing` : `${stem}ing`;
  return [verb, third, ing, ...regular];
}

const CUE_WORDS = [...new Set(VERBS.flatMap(forms)), 'planned', 'plans', 'planning', 'made clear', 'makes clear', 'making clear', 'called for', 'calls for', 'calling for', 'call for', 'pointed out', 'points out']
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(' ', '\\s+'))
  .join('|');
const CUE = new RegExp(`\\b(?:${CUE_WORDS})\\b`, 'gu');
const PRONOUN_CLAUSE = /^(?:he|she|they|it|we|I|you)\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|won['’]t|wouldn['’]t|didn['’]t|doesn['’]t|don['’]t|can['’]t|isn['’]t|wasn['’]t)$/iu;
const FINITE_NEXT = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do)\b/u;
const CUE_NEXT = new RegExp(`^\\s+(?:${CUE_WORDS})\\b`, 'u');
// Verbs whose object is a person, the clause after it: "told reporters (that) …", "urged Congress to …".
const TAKES_PERSON = /^(?:told|tells|tell|telling|urged|urges|urge|urging|warned|warns|reminded|asked|asks|ask|asking)$/u;
// What is asked is a question or a request, never a plain clause: "asked whether …", "asked the court to …".
const ASKED = /^(?:asked|asks|ask|asking)$/u;
const QUESTION = /^\s*(?:whether|if|why|how|what|when|who|to|for|about)\b/u;
const ASKED_WHAT = /^[^,.;:]{0,40}?\b(whether|if|why|how|what|when|who|to)\b/u;
const IN_DOCUMENT = /^\s*(?:(?:But|And|Yet)\s+)?(?:In|[Ii]n)\s+(?:a|an|the|its|their|his|her|this|that|one)\s+[^,.;:]{0,80}?\b(?:poll|polls|survey|surveys|interview|statement|letter|report|study|analysis|memo|speech|op-ed|column|post|tweet|filing|complaint|lawsuit|ruling|opinion|essay|editorial|email|video|ad|remarks|testimony|book|memoir)\b[^,.;:]{0,60},\s+/u;
// The comma that closes an attribution set inside a clause: "…, officials said (on Monday), …".
const PARENTHETICAL_END = /^(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|recently|later|again|privately|publicly))?\s*,\s+(?=\p{L})/u;
const SAID_VERB = /^(?:said|says|say|added|adds|noted|notes|argued|argues|explained|insisted|insists|believes|believe|thinks|think|wrote|writes|predicted|warned|warns|claimed|claims|suggested|suggests|contended|maintained)$/u;
const PASSIVE_ASKED = /(?:^\s*|\b(?:[Ww]hen|[Ii]f|[Oo]nce|[Aa]fter|[Bb]efore|[Ww]hile|[Aa]s|[Uu]pon\s+being)\s+|,\s+)(?:later\s+|again\s+|repeatedly\s+)?[Aa]sked\b/gu;
const ASKED_ABOUT = /^[^,.;:]{0,60}?\b(whether|if|why|how|what|when|where|who|which|about)\b/u;
const SIGN_NOUN = /^signs?$/u;
const CARRIES = /^\s+(?:reading|read|reads|that\s+read|which\s+read|saying|bearing|with\s+the\s+words)\b/u;
// "added a note of caution": without "that", "added" takes an object, not what was said.
const NEEDS_THAT = /^(?:added|adds)$/u;
// "saying", "adding": the subject is the one of the clause before, "…, Okafor said, adding that …".
const PARTICIPLE = /ing$/u;

// "Two in three", not "waited in the".
const NUMBER_WORD = '(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Tt]welve|[Tt]wenty)';
// Poll and crowd subjects: "Two in three said", "26 percent of Democrats say", "those who said".
const QUANTITY = `(?:(?:[Nn]early|[Aa]lmost|[Aa]bout|[Rr]oughly|[Oo]nly|[Jj]ust|[Mm]ore\\s+than|[Ff]ewer\\s+than|[Aa]s\\s+many\\s+as)\\s+)?(?:\\d[\\d.,]*\\s*(?:%|percent)|(?:\\d+|${NUMBER_WORD})\\s+(?:in|out\\s+of)\\s+(?:\\d+|${NUMBER_WORD})|(?:[Aa]|[Oo]ne|[Tt]wo)?\\s*(?:half|third|thirds|quarter|fifth)|[Aa]\\s+(?:majority|plurality|minority)|[Mm]ost|[Mm]any|[Ee]ach\\s+side|[Bb]oth\\s+sides|who)(?:\\s+of\\s+(?:the\\s+|those\\s+)?[\\p{L}-]+(?:\\s+[\\p{Ll}-]+)?)?`;
const SUBJECT_BEFORE = new RegExp(`(?:^|[\\s,;:(—–-])(?<np>${NP}|${QUANTITY})(?:${APPOSITIVE})?\\s+(?:${ADVERB}\\s+){0,2}$`, 'u');
const AFTER_COMMA = /,\s*$/u;
const AND_BEFORE = /\b(?:and|but)\s+(?:(?:also|later|then)\s+)?$/u;
const SENTENCE_SUBJECT = new RegExp(`^\\s*(?<np>${NP})`, 'u');
// NP's name pattern takes a capitalised "The" alone; a sentence subject runs to its first verb.
const ARTICLE_SUBJECT = /^\s*(?<np>(?:The|A|An)\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)\s+\p{Ll}+(?:ed|s)\b/u;
const PERSON_OBJECT = new RegExp(`^(?:${NP})\\s+`, 'u');
// "said in a statement (on Monday) that", "told CNN that": a short phrase, then "that". The phrase
// has no verb of its own and "that" follows no preposition: "said the group could return with that
// request" reports a clause that starts right after the verb.
const THAT = /^(?:(?!\s(?:is|are|was|were|be|been|has|have|had|can|could|will|would|shall|should|may|might|must|did|does|do)\s)[^.,;:!?"“”]){0,50}?(?<!\b(?:with|of|in|on|about|for|to|from|by|at|like|than|after|before|all|and|or)\s)\bthat\b/u;
// "said Tuesday the …": a bare day may sit between the verb and the clause; a longer phrase needs "that".
const LEAD_IN = /^\s*(?:(?:again|also|repeatedly|publicly|privately|today|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b,?\s+)?/u;
// A clause does not start with a preposition or a pronoun object: "told reporters about …", "said so".
const NOT_A_CLAUSE = /^\s*(?:,|\.|on|in|at|during|to|of|for|with|by|about|from|as|late|early|last|this|earlier|later|so|nothing|something|yes|no|otherwise|it\s*[.,])\b/u;
// Verbs of intention and refusal whose content is an infinitive: "declined to say whether …", "vowed to veto it".
const TAKES_INFINITIVE = /^(?:declin|refus|vow|promis|pledg|agree|want|hop|seek|sought|plan|threaten|offer|aim|intend|decid|urg)/u;
const INFINITIVE = /^\s*to\s+\p{Ll}/u;
// Where a reported clause stops: the next clause of the reporter, an attribution tacked on after it, or a
// second verb of the same subject ("said the ward was full and called for more nurses"), or a participle
// or concession the reporter adds after a comma (", often by guessing passwords", ", even if …").
const CLAUSE_END = new RegExp(
  `;|\\s[—–]\\s|\\s--\\s|,\\s+(?:saying|adding|noting|citing|arguing|explaining|according\\s+to|as\\s+well\\s+as|but|although|though|while|whereas|which|who|even\\s+as|and\\s+(?:he|she|they|then|later))\\b|,\\s+(?:${NP})\\s+(?:said|says|added|wrote|told)\\b|,\\s+(?:(?:often|usually|also|even|while|when|before|after|by|without)\\s+){0,2}\\p{Ll}{3,}ing\\b|,\\s+and\\s+(?:when|while|if|as|after|before)\\b|,\\s+(?:even\\s+if|even\\s+though|in\\s+what)\\b|\\s+and\\s+(?:(?:also|later|then|has|have|had|would|will)\\s+)?(?:\\p{Ll}{3,}ed|said|told|wrote|says|made|gave|took|went|sought|saw|spoke|met)\\b`,
  'u',
);
// The source after "according to" may be any phrase ("early results of exit polls conducted for …"):
// the preposition alone marks the attribution, so the phrase is taken up to the comma or the stop.
const ACCORDING_LEADING = new RegExp(`(?:^|[\\s,:;])(?<cue>[Aa]ccording\\s+to)\\s+(?<np>(?:${NP})(?:${APPOSITIVE})?|[^,.;:"“”]{2,160}?)\\s*,\\s*`, 'u');
const TRAILING_ACCORDING = /(?:,|\s[—–]|\s--)\s+(?<cue2>according\s+to)\s+(?<np2>[^;"“”]{2,200}?)[.!]?\s*$/u;
// "Israeli officials", "Senate Republican aides": capitalised modifiers before a plural head.
const MODIFIED_PLURAL = '(?:\\p{Lu}[\\p{L}.’\'-]*\\s+){1,3}(?:\\p{Ll}[\\p{Ll}-]*\\s+)?\\p{Ll}[\\p{Ll}-]*s';
const TRAILING = new RegExp(
  `,\\s+(?:(?<np>${NP}|${MODIFIED_PLURAL})(?:${APPOSITIVE})?\\s+(?:${ADVERB}\\s+)?(?<cue>said|says|added|wrote|told|reported|noted|announced|argued|claimed|warned|explained|predicted|insisted|believes|believe|think|thinks|say|found|concluded|estimated|acknowledged|confirmed|testified|suggested|stressed|contended|maintained|agreed|conceded)|(?<cue2>said|says|added|wrote|according\\s+to)\\s+(?<np2>${NP}))(?:\\s+[^,.;:]{1,40})?(?:,[^.;:]{1,150})?[.!]?["”’]?\\s*$`,
  'u',
);
// Verbs whose content is their object ("endorsed Clinton for president on Thursday"): the object
// stops at the first comma, conjunction or trailing time/place phrase, not at the sentence end.
const OBJECT_VERB = /^(?:endors|support|oppos|defend|dismiss|question|reject|attack|blast|condemn|prais|criticiz|accus|blam|cit|describ|call|want|welcom|recommend|seek|sought|see|saw|propos|demand|promis|pledg|urg|prefer|discuss|express|mock|regret|address|nam|echo|list|request|challeng|slam|portray|decr|highlight|tout|repeat|accept|insult|ridicul|applaud|lambast|denounc|hail|disput|label|brand|characteriz|dub|derid|disparag|rebuk|unveil|outlin|embrac|assail|disclos|releas|sign|nominat)/u;
const COUNTED_OBJECT = /^\s*(?:(?:about|some|nearly|almost|more\s+than|at\s+least|up\s+to)\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions)\b)/iu;
const OBJECT_END = /,(?!\d)|\s(?:and|but|after|before|because|as\s+an?\s+example|in\s+(?:a|an|the|his|her|their)\s+(?:ruling|statement|speech|interview|letter|post|tweet|debate|op-ed)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/u;
// A verb or noun and its preposition naming a stance or a topic. The first pairs named what was said or
// asked for at least half the time on PolNeAR train; the stance nouns after them ("support for",
// "opposition to", "attacks on") are marked as attributed content there even when they name an action.
const TOPIC_CUE = new RegExp(
  `\\b(?:${[
    'talk(?:s|ed|ing)?\\s+about', 'sp(?:oke|eak|eaks|eaking)\\s+about', 'questions?\\s+about', 'asked\\s+about', 'concerns?\\s+about',
    'doubts?\\s+about', 'worr(?:y|ied|ies)\\s+about', 'comments?\\s+(?:about|on)', 'criticism\\s+of', 'critical\\s+of', 'supportive\\s+of',
    'referr(?:ing|ed)\\s+to', 'refers\\s+to', 'respond(?:s|ed)?\\s+to', 'point(?:s|ed|ing)?\\s+to', 'called\\s+on', 'calls\\s+on', 'calling\\s+on',
    'support\\s+for', 'attacks?\\s+on', 'endorsement\\s+of', 'opposition\\s+to', 'praise\\s+for', 'concerns?\\s+over', 'focus(?:ed|es)?\\s+on',
    'debate\\s+over', 'campaign\\s+against', 'crusade\\s+against', 'lashed\\s+out\\s+at', 'sp(?:oke|eak|eaks)\\s+out\\s+against',
    'weigh(?:s|ed)?\\s+in\\s+on', 'came\\s+out\\s+(?:against|for|in\\s+favor\\s+of)', 'skeptical\\s+of', 'confident\\s+(?:in|of)',
    'railed\\s+against', 'advocat(?:e|ed|es|ing)\\s+for', 'push(?:ed|es|ing)?\\s+for', 'in\\s+favor\\s+of', 'mention\\s+of', 'agree(?:s|d)?\\s+with',
  ].join('|')})\\s+`,
  'giu',
);
// Nouns of saying, believing and intending with their clause: "the claim that …", "her decision to …".
const NOUN_CLAUSE_CUE = new RegExp(
  `\\b(?:(?:claims?|assertions?|allegations?|arguments?|belief|beliefs|view|warnings?|suggestions?|insistence|notion|idea|charges?|accusations?|contention|conclusion|statements?|message|fears?|hopes?|concerns?|worries|doubts?|admission|acknowledgment|denial|predictions?|assurances?|reports?|evidence|sense|impression|news|theory|rumou?rs?|promises?|pledges?)(?=\\s+that\\b)|(?:decision|plans?|pledges?|promises?|vows?|refusal|efforts?|attempts?|bid|push|calls?|threats?|offers?|proposals?|willingness|desire|intention|strategy|determination|eagerness|commitment|vote|demands?|urging|advice|order|orders|request|requests|invitation|reluctance|ability|right|freedom)(?=\\s+to\\s+\\p{Ll}))\\s+`,
  'giu',
);
// A name or a short capitalised label, then a colon, opening its line.
const SPEAKER_LABEL = /^\s*(?<np>(?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}):\s+(?=\S)/u;
const NOT_A_LABEL = /^(?:Note|Editor['’]s\s+Note|Update|Updated|Correction|Photo|Video|Watch|Read|Related|Source|Sources|Disclosure|Click|Follow|Contact|Email|Subscribe|Listen|See|Also|Share|Tags|Posted|Credit|Image|Caption|Graphic|Chart|Map|Q|A|Question|Answer|UPDATE|WATCH|READ|RELATED|PHOTOS|VIDEO|MORE)$/u;
const HEDGE = /\b(?:seems|seemed|seem|appears|appeared|appear|(?:is|are|was|were)\s+(?:widely\s+)?expected)\s+(?=to\s+\p{Ll}|\p{Ll}+(?:ed|ing|ful|ous|ive|ble|ic|al|ent|ant|ly)\b)/u;
const FRONTED = /^(?:(?:But|And)\s+)?(?:[Ii]n|[Oo]n|[Aa]t|[Aa]fter|[Bb]efore|[Ww]hen|[Ww]hile|[Dd]uring|[Ss]ince|[Ss]peaking|[Aa]sked|[Bb]ack|[Ll]ater|[Ee]arlier|Last\s+\p{Ll}+|This\s+(?:week|month|year|morning|afternoon|evening|spring|summer|fall|autumn|winter))\b/u;
// A finite verb: "And they found thousands of messages, he said" is a clause, "In her memoir, she said" is not.
const FINITE = /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|\p{Ll}{2,}ed)\b/u;

// "In her 2003 book, Clinton said": a fronted phrase alone, not what was said; "On Monday, the
// ferry sank, officials said" has a clause after the phrase.
const isFronted = (content: string): boolean => FRONTED.test(content) && !content.includes(',') && !(words(content) > 5 && FINITE.test(content));

const words = (s: string): number => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

function trimClause(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,:]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s.!,;:]/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

// Quotes this short inside a clause are words of it, not a statement of their own.
const FRAGMENT_WORDS = 4;

/**
 * Cuts a clause before the first direct quote inside it; null when a direct quote opens the clause
 * (`said: "…"`), which the quote itself already reports. A quote of a few words is a fragment of the
 * reporter's clause ("concluded that “top secret” files were kept in boxes"), as attribution corpora
 * delimit it, and stays inside, unless it opens the clause.
 */
function clipToQuotes(text: string, content: Span, quoted: readonly Span[], minWords: number): Span | null {
  const first = quoted
    .filter((q) => overlaps(q, content) && (words(text.slice(q.start, q.end)) > FRAGMENT_WORDS || words(text.slice(content.start, q.start)) === 0))
    .sort((a, b) => a.start - b.start)[0];
  if (!first) return words(text.slice(content.start, content.end)) >= minWords ? content : null;
  if (words(text.slice(content.start, first.start)) < minWords) return null;
  const clipped = trimClause(text, content.start, first.start);
  // The words that open a quote ("said the plan was") stay with it: strip a dangling cue or conjunction.
  const tail = /\s+(?:and|but|that|said|says|adding|saying|calling\s+it|,)?\s*[“"]?$/u.exec(text.slice(clipped.start, clipped.end));
  const end = tail ? clipped.start + tail.index : clipped.end;
  return words(text.slice(clipped.start, end)) >= minWords ? trimClause(text, clipped.start, end) : null;
}

/**
 * Sentences that report what someone said, thinks or wants without quoting it:
 * "X said (that) …", "X told reporters …", "X warned/denied/believes …",
 * "according to X, …", "…, officials said." Each reporting verb with a
 * subject right before it gives one clause, running to the end of the
 * reporter's clause; verbs inside a clause already taken are not read again,
 * so "X said Y believes Z" is one item, not two nested ones.
 */
export function findIndirectSpeech(text: string, sentences: readonly Span[], { minWords = 3, quoted = [] }: FindIndirectSpeechOptions = {}): IndirectSpeech[] {
  const found: IndirectSpeech[] = [];
  // Interview transcripts and headlines: "OKAFOR: We had no beds." / "Poll: Voters split on tax".
  const labelled: Span[] = [];
  for (const line of text.matchAll(/[^\n]+/gu)) {
    const m = SPEAKER_LABEL.exec(line[0]);
    if (!m?.groups?.['np'] || NOT_A_LABEL.test(m.groups['np'])) continue;
    const npAt = line.index + m[0].indexOf(m.groups['np']);
    const paragraph = { start: line.index, end: line.index + line[0].length };
    const content = clipToQuotes(text, trimClause(text, line.index + m[0].length, paragraph.end), quoted, minWords);
    if (!content) continue;
    labelled.push(paragraph);
    found.push({ content, attribution: { speaker: { start: npAt, end: npAt + m.groups['np'].length }, cue: { start: npAt + m.groups['np'].length, end: npAt + m.groups['np'].length + 1 }, rule: 'speaker-cue-before' } });
  }
  for (const sentence of mendSentences(text, sentences)) {
    if (labelled.some((p) => sentence.start >= p.start && sentence.start < p.end)) continue;
    const body = text.slice(sentence.start, sentence.end);
    if (body.trimEnd().endsWith('?')) continue;
    const inSentence: IndirectSpeech[] = [];
    const take = (content: Span, attribution: Attribution | null, least = minWords): void => {
      // "Flake said he would.": a pronoun and its verb are a whole clause.
      const short = least === minWords && PRONOUN_CLAUSE.test(text.slice(content.start, content.end));
      const clipped = clipToQuotes(text, content, quoted, short ? least - 1 : least);
      if (clipped && !inSentence.some((f) => overlaps(f.content, clipped))) inSentence.push({ content: clipped, attribution });
    };

    // "…, according to a report from X, the ABC affiliate.": the trailing source, not a leading one.
    // "The pier, according to the log, was shut": a clause after the source makes it a leading one.
    const leading = ACCORDING_LEADING.exec(body);
    const after = leading ? body.slice(leading.index + leading[0].length) : '';
    const according = leading && (!TRAILING_ACCORDING.test(body) || (FINITE.test(after) && words(after) >= minWords)) ? leading : null;
    if (according?.groups?.['np'] && according.groups['cue']) {
      const npAt = sentence.start + according.index + according[0].indexOf(according.groups['np'], according.groups['cue'].length);
      const from = sentence.start + according.index + according[0].length;
      const content = trimClause(text, from, clauseEnd(text, from, sentence.end));
      const cueAt = sentence.start + according.index + according[0].indexOf(according.groups['cue']);
      const speaker = { start: npAt, end: npAt + according.groups['np'].length };
      const attribution: Attribution = { speaker, cue: { start: cueAt, end: cueAt + according.groups['cue'].length }, rule: 'according-to' };
      // "The pier, according to the log, was shut twice": the clause runs on both sides of the source.
      const before = text.slice(sentence.start, cueAt);
      if (/,\s*$/u.test(before) && words(before) >= minWords && !isFronted(before.trim().replace(/,$/u, ''))) {
        take(trimClause(text, lastQuoteEnd(quoted, { start: sentence.start, end: cueAt }) ?? sentence.start, cueAt), attribution);
      }
      take(content, attribution);
    }

    const trailing = TRAILING.exec(body) ?? (according ? null : TRAILING_ACCORDING.exec(body));
    if (trailing) {
      const np = trailing.groups?.['np'] ?? trailing.groups?.['np2'];
      const cueWord = trailing.groups?.['cue'] ?? trailing.groups?.['cue2'];
      const contentSpan = trimClause(text, sentence.start, sentence.start + trailing.index);
      const before = text.slice(contentSpan.start, contentSpan.end);
      // "Okafor, the nurse, said the ward was full": a subject and its appositive, not a clause.
      const subjectOnly = trailing.groups?.['cue2'] !== undefined && !FINITE.test(before) && words(before) <= 6;
      if (np && cueWord && !isFronted(before) && !subjectOnly) {
        const cueFirst = trailing.groups?.['cue2'] !== undefined;
        const cueAt = sentence.start + trailing.index + trailing[0].indexOf(cueWord, cueFirst ? 0 : trailing[0].indexOf(np) + np.length);
        const npAt = sentence.start + trailing.index + trailing[0].indexOf(np, cueFirst ? cueAt - sentence.start - trailing.index + cueWord.length : 0);
        const start = lastQuoteEnd(quoted, contentSpan) ?? contentSpan.start;
        take(trimClause(text, start, contentSpan.end), {
          speaker: { start: npAt, end: npAt + np.length },
          cue: { start: cueAt, end: cueAt + cueWord.length },
          rule: /^according/.test(cueWord) ? 'according-to' : cueFirst ? 'cue-then-speaker' : 'speaker-then-cue',
        });
      }
    }

    // "The plan appears to have stalled", "Okafor is expected to resign": the writer's hedged claim,
    // which attribution corpora mark as content with no source. The subject belongs to it.
    const hedge = HEDGE.exec(body);
    if (hedge && !inSentence.length) {
      const head = body.slice(0, hedge.index);
      const relative = /\b(?:which|who)\s+$/u.exec(head);
      const fronted = /^\s*(?:(?:In|On|At|After|Before|During|Since|For|By|With|But|And|Yet|Still|So|Now|Today|Still)\b[^,]{0,60},\s*)?/u.exec(head)?.[0] ?? '';
      const from = sentence.start + (relative ? relative.index : fronted.length);
      const after = sentence.start + hedge.index + hedge[0].length;
      if (words(head.slice(from - sentence.start)) >= 1) take(trimClause(text, from, clauseEnd(text, after, sentence.end)), null);
    }

    let lastSpeaker: Span | null = null;
    for (const cue of body.matchAll(CUE)) {
      const cueStart = sentence.start + cue.index;
      const cueEnd = cueStart + cue[0].length;
      if (inSentence.some((f) => cueStart >= f.content.start && cueStart < f.content.end)) continue;
      // "the port report warned": a cue word right before a verb is the noun heading its subject.
      if (CUE_NEXT.test(body.slice(cue.index + cue[0].length))) continue;
      // "held signs reading …": the sign carries the words, nobody signs anything.
      if (SIGN_NOUN.test(cue[0]) && CARRIES.test(body.slice(cue.index + cue[0].length))) continue;
      const head = body.slice(0, cue.index);
      const subject = SUBJECT_BEFORE.exec(head);
      let speaker: Span | null = null;
      if (subject?.groups?.['np'] && isSubject(subject.groups['np'])) {
        const at = sentence.start + subject.index + subject[0].indexOf(subject.groups['np']);
        speaker = { start: at, end: at + subject.groups['np'].length };
      } else if ((PARTICIPLE.test(cue[0]) && AFTER_COMMA.test(head)) || AND_BEFORE.test(head)) {
        // "…, saying", "… and said": the subject is the one of the clause before.
        speaker = lastSpeaker ?? sentenceSubject(text, sentence) ?? lastSpeakerOf(found);
      } else if (LOOSE_CUE.test(cue[0])) speaker = looseSubject(text, sentence.start, head);
      if (!speaker) continue;
      lastSpeaker = speaker;
      const rest = text.slice(cueEnd, sentence.end);
      // "Whatever progress was made, officials said, could unravel": the attribution sits inside the
      // clause, which is the content on both sides of it.
      const resumes = PARENTHETICAL_END.exec(rest);
      const opensAt = speaker.start - sentence.start;
      if (resumes && SAID_VERB.test(cue[0]) && /[\p{L}\p{N}”"’'')],\s*$/u.test(body.slice(0, opensAt))) {
        const from = lastQuoteEnd(quoted, { start: sentence.start, end: speaker.start }) ?? sentence.start;
        const first = trimClause(text, from, speaker.start);
        const second = cueEnd + resumes[0].length;
        if (!isFronted(text.slice(first.start, first.end))) take(first, { speaker, cue: { start: cueStart, end: cueEnd }, rule: 'speaker-then-cue' });
        take(trimClause(text, second, clauseEnd(text, second, sentence.end)), { speaker, cue: { start: cueStart, end: cueEnd }, rule: 'speaker-then-cue' });
        continue;
      }
      const that = THAT.exec(rest);
      let start: number;
      if (that) start = cueEnd + that[0].length - 4;
      else {
        // Without "that", "told" and "urged" take a person first; "told reporters about" is no clause.
        if (NEEDS_THAT.test(cue[0])) continue;
        const lead = LEAD_IN.exec(rest)?.[0] ?? '';
        let from = cueEnd + lead.length;
        const question = ASKED.test(cue[0]) ? ASKED_WHAT.exec(text.slice(from, sentence.end)) : null;
        if (question) from += question.index + question[0].length - question[1]!.length;
        else if (TAKES_PERSON.test(cue[0])) {
          const person = PERSON_OBJECT.exec(text.slice(from, sentence.end));
          if (!person) continue;
          // "warned the pier was unsafe": the phrase is the subject of the clause, not a person told.
          if (!FINITE_NEXT.test(text.slice(from + person[0].length, sentence.end))) from += person[0].length;
        }
        const clause = text.slice(from, sentence.end);
        const infinitive = TAKES_INFINITIVE.test(cue[0]) && INFINITIVE.test(clause);
        if (ASKED.test(cue[0]) ? !QUESTION.test(clause) : !infinitive && NOT_A_CLAUSE.test(clause)) continue;
        start = from;
      }
      let end = clauseEnd(text, start, sentence.end);
      if (!that && OBJECT_VERB.test(cue[0])) {
        // "would release 1,200 prisoners", "signed 14 bills": a counted object is a thing done, not said.
        if (COUNTED_OBJECT.test(text.slice(start, end))) continue;
        const stop = OBJECT_END.exec(text.slice(start, end));
        if (stop) end = start + stop.index;
      }
      // An object may be a bare name ("endorsed Okafor"), shorter than any clause.
      const least = !that && OBJECT_VERB.test(cue[0]) ? 1 : minWords;
      take(trimClause(text, start, end), { speaker, cue: { start: cueStart, end: cueEnd }, rule: 'speaker-cue-before' }, least);
    }
    // "In a harbour board survey released Monday, most pilots backed the plan": the source is the
    // fronted document; what follows the comma is its content, unless a cue inside took it already.
    const document = IN_DOCUMENT.exec(body);
    if (document) {
      const from = sentence.start + document[0].length;
      take(trimClause(text, from, clauseEnd(text, from, sentence.end)), null);
    }
    // "criticism of the plan", "talked about the economy": a stance or a topic named by a noun or
    // a verb and its preposition; the object is the content (PolNeAR marks these), no source is read.
    for (const cue of body.matchAll(TOPIC_CUE)) {
      const from = sentence.start + cue.index + cue[0].length;
      if (inSentence.some((f) => from > f.content.start && from <= f.content.end)) continue;
      let end = clauseEnd(text, from, sentence.end);
      const stop = OBJECT_END.exec(text.slice(from, end));
      if (stop) end = from + stop.index;
      take(trimClause(text, from, end), null, 2);
    }
    // "When asked whether the pier would reopen, Okafor …", "Asked about the fares, she …": the question
    // put to the subject of the main clause, running to the comma.
    for (const cue of body.matchAll(PASSIVE_ASKED)) {
      const after = cue.index + cue[0].length;
      const question = ASKED_ABOUT.exec(body.slice(after));
      if (!question?.[1]) continue;
      const from = sentence.start + after + question.index + question[0].length - question[1].length;
      if (inSentence.some((f) => from >= f.content.start && from < f.content.end)) continue;
      const comma = text.slice(from, sentence.end).search(/,\s/u);
      take(trimClause(text, from, comma < 0 ? clauseEnd(text, from, sentence.end) : from + comma), null, 1);
    }
    for (const cue of body.matchAll(NOUN_CLAUSE_CUE)) {
      const from = sentence.start + cue.index + cue[0].length;
      if (inSentence.some((f) => from > f.content.start && from <= f.content.end)) continue;
      take(trimClause(text, from, clauseEnd(text, from, sentence.end)), null);
    }
    found.push(...inSentence.sort((a, b) => a.content.start - b.content.start));
  }
  return found;
}

// Forms that are verbs wherever they stand (nouns such as "reports" or "claims" are left out), so the
// phrase before them is their subject even when the source patterns do not know its shape.
const LOOSE_CUE = { test: (cue: string): boolean => !/ing$/u.test(cue) && !NOUN_FORMS.test(cue) };
// Cue forms that are nouns as often as verbs: "reports", "the call", "support for".
const NOUN_FORMS = /^(?:reports?|claims?|notes?|states?|calls?|plans?|promises?|demands?|questions?|attacks?|views?|hopes?|fears?|offers?|aims?|votes?|backs?|favors?|tweets?|posts?|charges?|remarks?|answers?|responses?|comments?|replies|reply|estimates?|cites?|blames?|praise|praises|defends?|decline|declines|hope|ask|asks|concerns?|shows?)$/u;
// A subject does not end in a determiner, a preposition, an auxiliary left over, a conjunction or an
// object pronoun: "the said property", "to say", "in what he told", "asked them".
const NOT_SUBJECT_END = /(?:^|[\s(—–-])(?:the|a|an|this|these|those|his|her|its|their|our|my|your|to|be|been|being|am|do|of|in|on|at|for|with|by|from|as|than|about|into|over|after|before|if|whether|and|or|but|nor|so|because|when|while|where|why|how|what|whom|ever|only|please|let|me|him|us|them|[\p{L}]+['’]s?|\p{L}+s['’])$/iu;
const TRAILING_ADVERBS = new RegExp(`(?:\\s+(?:${ADVERB}))+$`, 'u');

/**
 * The phrase before a reporting verb when no source pattern matched it: "People with direct knowledge
 * of the deal said", "The Supreme Court justice -- who … -- said". A parenthesis, a pair of dashes or
 * an appositive right before the verb is skipped; the phrase runs back to the clause boundary.
 */
function looseSubject(text: string, base: number, head: string): Span | null {
  let h = head.replace(/\s+$/u, '').replace(TRAILING_ADVERBS, '');
  for (let i = 0; i < 2; i++) {
    const skipped = h
      .replace(/\s*\([^()]{1,80}\)$/u, '')
      .replace(/\s+(?:--|[—–])\s[^—–]{1,150}?\s(?:--|[—–])$/u, '')
      .replace(/,\s[^,]{1,150},$/u, '');
    if (skipped === h) break;
    h = skipped;
  }
  if (!/[\p{L}\p{N}.)]$/u.test(h) || NOT_SUBJECT_END.test(h)) return null;
  const boundary = Math.max(h.lastIndexOf(', '), h.lastIndexOf('; '), h.lastIndexOf(': '), h.lastIndexOf(' — '), h.lastIndexOf(' -- '));
  const from = boundary < 0 ? 0 : boundary + 2;
  const phrase = /\S.*$/u.exec(h.slice(from));
  if (!phrase || words(phrase[0]) > 12) return null;
  const at = base + from + phrase.index;
  return { start: at, end: at + phrase[0].length };
}

// "Editor’s note", "The former secretary of": a possessive or a dangling word is not a subject.
const NOT_SUBJECT = /(?:['’]s|\b(?:of|for|at|with|in|from))$|^(?:The|This|That|It|There|Here|What|When|If|Once|After|Before|While|As|Because|Although|Though|Since|Until|Unless|Where|Why|How)$/u;
const isSubject = (np: string): boolean => !NOT_SUBJECT.test(np);

/**
 * Joins sentences the splitter cut after an abbreviation inside a name: "Rep. Ana Ruiz (D-N." /
 * "Y.) said …". A sentence never starts with a lower-case word, a closing bracket or a lone initial.
 */
function mendSentences(text: string, sentences: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const sentence of sentences) {
    const prev = out.at(-1);
    const head = text.slice(sentence.start, sentence.start + 3);
    if (prev && /^(?:[\p{Ll})\],;]|\p{Lu}\.[\s),])/u.test(head) && /\b\p{Lu}\.["”’)]?\s*$/u.test(text.slice(prev.start, prev.end))) {
      out[out.length - 1] = { start: prev.start, end: sentence.end };
    } else out.push(sentence);
  }
  return out;
}

function clauseEnd(text: string, start: number, end: number): number {
  const stop = CLAUSE_END.exec(text.slice(start, end));
  return stop ? start + stop.index : end;
}

function lastQuoteEnd(quoted: readonly Span[], content: Span): number | null {
  const inside = quoted.filter((q) => q.end > content.start && q.end <= content.end);
  return inside.length ? Math.max(...inside.map((q) => q.end)) : null;
}

function sentenceSubject(text: string, sentence: Span): Span | null {
  const body = text.slice(sentence.start, sentence.end);
  const named = SENTENCE_SUBJECT.exec(body);
  const m = named?.groups?.['np'] && isSubject(named.groups['np']) ? named : ARTICLE_SUBJECT.exec(body);
  const np = m?.groups?.['np'];
  if (!m || !np) return null;
  const at = sentence.start + m[0].indexOf(np);
  return { start: at, end: at + np.length };
}

function lastSpeakerOf(found: readonly IndirectSpeech[]): Span | null {
  return found.at(-1)?.attribution?.speaker ?? null;
}

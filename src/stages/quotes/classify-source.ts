import type { Quote } from '../../model/doc.js';
import type { Span } from '../../model/span.js';

export type SourceKind = NonNullable<Quote['sourceKind']>;

/** Where a source phrase sits, for the clues around it. */
export interface SourceContext {
  /** The rest of its sentence after the phrase: "…, who spoke on condition of anonymity, said". */
  readonly after: string;
  /** The text of the article before the phrase: an earlier "a senior official" makes "the official" one too. */
  readonly earlier: string;
  /**
   * Whether the phrase was found by a loose subject search (indirect speech), so a head that
   * cannot say anything ("a haven", "the election") means no source was found at all.
   */
  readonly loose?: boolean;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'who']);
// Determiners of a phrase that introduces someone new: they never point back to a name.
const INDEFINITE = new Set(
  (
    'a an one another two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty dozens hundreds ' +
    'thousands millions several some many few multiple numerous various other others most half more fewer nearly almost about ' +
    'roughly only just majority no every each any'
  ).split(' '),
);
const DEFINITE = new Set('the this that these those his her its their our my your'.split(' '));
// Heads that name a person only by role. A definite one ("the official") is anonymous when the
// article introduced it without a name ("a senior official"); "the minister" is left nominal.
const ANONYMOUS_HEADS =
  /^(?:officials?|sources?|persons?|people|diplomats?|aides?|spokes(?:person|man|woman|people|persons|men|women)|advis[eo]rs?|staffers?|insiders?|employees?|officers?|members?|individuals?|lawmakers?|negotiators?|investigators?|executives?|analysts?)$/u;
// Nouns that may open a sentence and so be capitalised without being names.
const COMMON = new Set(
  (
    'officials official sources source people person police authorities residents witnesses analysts experts critics ' +
    'investigators prosecutors lawmakers aides diplomats observers economists scientists researchers doctors officers ' +
    'protesters activists voters supporters opponents leaders members staff staffers insiders employees workers ' +
    'organizers organisers observers journalists reporters historians scholars survivors passengers victims families ' +
    'relatives rescuers villagers residents farmers fishermen students teachers nurses patients neighbours neighbors ' +
    'shoppers traders drivers crew sailors soldiers refugees parents officers mediators negotiators bakers'
  ).split(' '),
);
// Things that carry words without anyone saying them. "message" and "announcement" count when recorded.
const CARRIER_NOUNS =
  'banners?|signs?|placards?|posters?|slogans?|chants?|graffiti|billboards?|t-shirts?|shirts?|captions?|inscriptions?|plaques?|stickers?|murals?|headlines?|recordings?|voicemails?|leaflets?|flyers?|pamphlets?|marquees?|hashtags?|tattoos?';
const CARRIER_HEAD = new RegExp(`^(?:${CARRIER_NOUNS})$`, 'u');
const RECORDED = /\b(?:recorded|pre-recorded|prerecorded|automated|robotic)\b/iu;
const RECORDED_HEAD = /^(?:messages?|announcements?|voices?|greetings?)$/u;
// Written in the phrase or in the rest of its sentence, these keep a source unnamed.
const ANONYMITY =
  /\b(?:(?:on|under)\s+(?:the\s+)?(?:condition|conditions)\s+(?:of|that\s+(?:he|she|they)\s+not\s+be\s+(?:named|identified))|anonymity|(?:asked|requested|declined|refused|wished)\s+not\s+to\s+be\s+(?:named|identified)|(?:declined|refused)\s+to\s+be\s+(?:named|identified)|not\s+authori[sz]ed\s+to\s+(?:speak|discuss|comment|talk)|speaking\s+anonymously|on\s+background)\b/iu;
// "people familiar with the talks", "a person close to the family": the complement that keeps them unnamed.
const UNNAMED_COMPLEMENT =
  /^(?:familiar\s+with|close\s+to|with\s+(?:direct\s+|first-hand\s+|firsthand\s+)?knowledge\s+of|briefed\s+on|knowledgeable\s+about|involved\s+in|in\s+the\s+know)\b/iu;
// Where the head of a phrase ends and what qualifies it begins.
const COMPLEMENT =
  /\s+(?=(?:of|for|at|with|from|in|on|inside|within|near|close\s+to|familiar\s+with|briefed\s+on|knowledgeable\s+about|involved\s+in|who|representing|to)\b)/u;
const DOCUMENT_HEAD =
  /^(?:statements?|reports?|letters?|memos?|memorandums?|filings?|documents?|releases?|posts?|tweets?|emails?|notes?|study|studies|surveys?|polls?|analysis|analyses|data|figures|records|findings|results|transcripts?|complaints?|lawsuits?|indictments?|rulings?|orders?|ads?|videos?|clips?|articles?|papers?|slides?|websites?|editorials?|columns?)$/u;
const AUTHOR = /^(?:from|by|of|issued\s+by|released\s+by)\s+(.+)$/u;
const POSSESSIVE = /^\p{L}[\p{L}.'’-]*['’]s?$/u;
// Words a source phrase found by a loose subject search runs on into: "Trump this week", "The agency
// isn't", "his aides increasingly", "regulators and advisers". The phrase is read up to the first.
const BREAK =
  /^(?:and|or|but|nor|that|which|who|whom|whose|because|despite|when|while|if|this|now|further|just|long|still|yet|also|then|again|currently|already|even|never|not|ever|all|both|almost|generally|perhaps|is|isn['’]t|are|aren['’]t|was|wasn['’]t|were|has|have|haven['’]t|hasn['’]t|had|would|wouldn['’]t|will|won['’]t|can|can['’]t|could|did|didn['’]t|do|don['’]t|does|doesn['’]t|may|might|should|must|went|took|made|came|sits|faced|i|he|she|they|we|you|it)$/iu;
const ADVERB = /^\p{Ll}+ly$/u;
const NOT_ADVERB =
  /^(?:family|ally|assembly|rally|supply|monopoly|anomaly|bully|belly|lily|jelly|reply|daily|weekly|monthly|quarterly|elderly)$/u;
// Words that open a phrase without belonging to it: "But the endorsements", "Although Mrs. Clinton's plan".
const LEADING =
  /^(?:but|and|or|although|though|if|when|while|yet|then|so|as|because|since|including|perhaps|even|also|still|only|lest|like|let['’]s)$/iu;
// "no one", "someone", "everyone": a source nobody names.
const INDEFINITE_PRONOUN =
  /^(?:someone|somebody|no\s+one|nobody|everyone|everybody|anyone|anybody|none|many|most|some|few|several|others|one)$/iu;
// Heads that can say something: people by role ("official", "critics"), groups and bodies, and the
// documents that speak for them ("a poll", "the statement"). Other heads found by a loose subject
// search ("a haven", "the election", "many cases") are not sources, and the quote gets none.
const SOURCE_SUFFIX = /(?:er|or|ist|ian|ant|ent|man|men|woman|women|person|persons|people|ee|ive|ary|ic|crat|ite|ess)s?$/u;
const SOURCE_HEAD = new RegExp(
  `^(?:${[
    'officials?',
    'sources?',
    'police',
    'staff',
    'public',
    'crowds?',
    'audiences?',
    'groups?',
    'campaigns?',
    'committees?',
    'government',
    'governments',
    'administrations?',
    'part(?:y|ies)',
    'unions?',
    'boards?',
    'courts?',
    'council',
    'councils',
    'ministr(?:y|ies)',
    'departments?',
    'offices?',
    'panels?',
    'teams?',
    'networks?',
    'organi[sz]ations?',
    'institutes?',
    'coalitions?',
    'commissions?',
    'industr(?:y|ies)',
    'banks?',
    'compan(?:y|ies)',
    'firms?',
    'agenc(?:y|ies)',
    'famil(?:y|ies)',
    'communit(?:y|ies)',
    'military',
    'arm(?:y|ies)',
    'navy',
    'forces?',
    'majority',
    'minority',
    'electorate',
    'aides?',
    'diplomats?',
    'experts?',
    'critics?',
    'candidates?',
    'nominees?',
    'advocates?',
    'delegates?',
    'judges?',
    'jur(?:y|ies)',
    'clergy',
    'cabinet',
    'regimes?',
    'states?',
    'countr(?:y|ies)',
    'nations?',
    'cit(?:y|ies)',
    'count(?:y|ies)',
    'districts?',
    'schools?',
    'universit(?:y|ies)',
    'colleges?',
    'hospitals?',
    'churche?s?',
    'hosts?',
    'guests?',
    'colleagues?',
    'friends?',
    'relatives?',
    'parents?',
    'child',
    'children',
    'kids?',
    'students?',
    'doctors?',
    'nurses?',
    'chiefs?',
    'heads?',
    'secretar(?:y|ies)',
    'ministers?',
    'envoys?',
    'troops',
    'fighters',
    'militants',
    'rebels',
    'conservatives',
    'liberals',
    'progressives',
    'allies',
    'ally',
    'couples?',
    'mothers?',
    'fathers?',
    'sons?',
    'daughters?',
    'wi(?:fe|ves)',
    'husbands?',
    'sisters?',
    'brothers?',
    'moms?',
    'dads?',
    'teens?',
    'youths?',
    'boys?',
    'girls?',
    'moguls?',
    'tycoons?',
    'magnates?',
    'billionaires?',
    'millionaires?',
    'celebrit(?:y|ies)',
    'stars?',
    'veterans?',
    'chairs?',
    'leadership',
    'management',
    'personnel',
    'authorit(?:y|ies)',
    'residents?',
    'citizens?',
    'voters?',
    'statements?',
    'reports?',
    'letters?',
    'memos?',
    'polls?',
    'surveys?',
    'study',
    'studies',
    'analys[ie]s',
    'data',
    'ads?',
    'videos?',
    'clips?',
    'articles?',
    'books?',
    'papers?',
    'slides?',
    'websites?',
    'posts?',
    'tweets?',
    'filings?',
    'rulings?',
    'versions?',
    'speech(?:es)?',
    'transcripts?',
    'records?',
    'documents?',
    'releases?',
    'editorials?',
    'columns?',
    'op-eds?',
    'emails?',
    'messages?',
    'findings',
    'results',
    'figures',
    'estimates?',
    'projections?',
    'models?',
    'complaints?',
    'lawsuits?',
    'indictments?',
    'orders?',
    'accounts?',
    'sites?',
    'pages?',
  ].join('|')})$`,
  'u',
);
const NOT_SOURCE =
  /^(?:terror|error|horror|honou?r|colou?r|favou?r|flavou?r|humou?r|rumou?r|mirror|corridor|matter|order|border|water|power|center|centre|quarter|corner|manner|nature|event|moment|element|comment|statement|amount|content|intent|extent)s?$/u;
const isSourceHead = (head: string): boolean => SOURCE_HEAD.test(head) || (SOURCE_SUFFIX.test(head) && !NOT_SOURCE.test(head));

interface Parts {
  /** The determiner, lower-cased ("the", "a", "two", "okafor's" as "'s"), or null for a bare phrase. */
  readonly determiner: string | null;
  /** The words after the determiner up to the complement: "senior U.S. official". */
  readonly words: readonly string[];
  /** What follows the head: "for the campaign", "familiar with the talks". */
  readonly complement: string;
}

/** The phrase without what a loose subject search let in around it. */
function trimmedPhrase(phrase: string): string {
  const words = phrase
    .replace(/\s*\([^()]*\)/gu, '')
    .replace(/,?\s+(?:Jr|Sr)\.?$/u, '')
    .replace(/^["“”'‘’]+|["“”'‘’.,]+$/gu, '')
    .trim()
    .split(/\s+/u);
  while (words.length > 1 && LEADING.test(words[0] ?? '')) words.shift();
  const stop = words.findIndex((w, i) => i > 0 && (BREAK.test(w) || (ADVERB.test(w) && !NOT_ADVERB.test(w))));
  return (stop < 0 ? words : words.slice(0, stop)).join(' ');
}

function partsOf(phrase: string): Parts {
  const clean = trimmedPhrase(phrase);
  const cut = COMPLEMENT.exec(clean);
  const head = cut ? clean.slice(0, cut.index) : clean;
  const complement = cut ? clean.slice(cut.index + cut[0].length) : '';
  const words = head.split(/\s+/u).filter(Boolean);
  const first = words[0]?.toLowerCase() ?? '';
  if (DEFINITE.has(first) || INDEFINITE.has(first)) return { determiner: first, words: words.slice(1), complement };
  if (/^\d/u.test(first)) return { determiner: 'a', words: words.slice(1), complement };
  // "Okafor's spokesman": a possessive determines the phrase like "his".
  if (words.length > 1 && POSSESSIVE.test(words[0] ?? '') && /['’]s?$/u.test(words[0] ?? ''))
    return { determiner: "'s", words: words.slice(1), complement };
  return { determiner: null, words, complement };
}

// "al-Mansouri", "d'Arcy": a lower-case particle joined to a capitalised name.
const isCapitalised = (word: string): boolean => /^(?:\p{Lu}|(?:al|el|bin|ibn|de|da|di|van|von|le|la|d)['’-]\p{Lu})/u.test(word);
const isPlural = (word: string): boolean =>
  /^(?:people|police|staff|personnel|authorities|media|press|public|clergy|military|management|leadership)$/u.test(word) ||
  /[^s']s$/u.test(word);

/** Whether a source phrase names something that carries words nobody speaks: a banner, a sign, a recorded message. */
export function isCarrier(phrase: string): boolean {
  const { words } = partsOf(phrase);
  const head = (words.at(-1) ?? '').toLowerCase();
  return CARRIER_HEAD.test(head) || (RECORDED_HEAD.test(head) && RECORDED.test(phrase));
}

// `held signs reading “…”`, `a banner read: “…”`, `the crowd chanted “…”`: the words before the
// opening mark say the quote is written or chanted, not spoken.
// "will sign the order and said": after a modal or "to", "sign" is a verb.
const NOT_A_VERB = String.raw`(?<!\b(?:to|will|would|could|should|must|may|might|can|did|not|n['’]t)\s)`;
const CARRIED_BEFORE = new RegExp(
  `(?:${NOT_A_VERB}\\b(?:${CARRIER_NOUNS})\\b[^.!?“”",]{0,30}?\\b(?:read|reads|reading|that\\s+read|said|says|saying|proclaim\\w*|declar\\w*|bearing|bore|bears|with\\s+the\\s+(?:words?|slogan|message)|stating)|\\b(?:chant(?:s|ed|ing)?|sang|sings?|singing)(?:\\s+\\p{Ll}+){0,2}|\\b(?:scrawled|spray-painted|painted|etched|carved|emblazoned|stencil(?:l)?ed)\\b[^.!?“”"]{0,40}|\\b(?:recorded|automated)\\s+(?:message|announcement|voice)\\b[^.!?“”"]{0,30}?\\b(?:said|says|saying|told|warned|announced)|${NOT_A_VERB}\\b(?:${CARRIER_NOUNS})\\b)\\s*[:,]?\\s*$`,
  'iu',
);
const CARRIED_AFTER =
  /^[\s,.!?]*(?:(?:the|a|an|one|some|many)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:chant(?:s|ed|ing)?|sang|sing|sings|singing)\b/iu;

/** Whether the words around a quote's marks say it is written on something or chanted: no one is its speaker. */
export function isCarried(before: string, after: string): boolean {
  return CARRIED_BEFORE.test(before) || CARRIED_AFTER.test(after.slice(0, 60));
}

/**
 * The kind of source a phrase is. Read from the phrase alone first (a pronoun, a determiner, a
 * capitalised head), then from its surroundings: an anonymity clause after it, or, for a definite
 * role ("the official"), an earlier unnamed introduction of the same role.
 */
export function classifySource(phrase: string | null, context: SourceContext): SourceKind {
  const trimmed = trimmedPhrase(phrase ?? '');
  if (!trimmed) return 'unattributed';
  if (PRONOUNS.has(trimmed.toLowerCase())) return 'pronoun';
  // "his" or "which" left alone when the words after them were cut.
  if (/^(?:his|her|its|their|our|my|your|which|that|this|these|those|whom)$/iu.test(trimmed)) return 'pronoun';
  if (INDEFINITE_PRONOUN.test(trimmed)) return 'anonymous';
  if (isCarrier(trimmed)) return 'unattributed';
  const parts = partsOf(trimmed);
  const author = AUTHOR.exec(parts.complement);
  const head = parts.words.at(-1) ?? '';
  // "a statement from the Health Ministry": the document speaks for whoever issued it.
  if (DOCUMENT_HEAD.test(head.toLowerCase()) && author?.[1]) return classifySource(author[1], { ...context, after: '' });
  // "A Quinnipiac University poll", "a memorable Hillary Clinton ad": the name before the document is who issued it.
  if (
    DOCUMENT_HEAD.test(head.toLowerCase()) &&
    parts.words.slice(0, -1).some((w) => isCapitalised(w) && !/^(?:\p{Lu}\.)+$/u.test(w))
  )
    return 'named';
  const kind = byForm(parts);
  if (kind === 'named') return kind;
  if (context.loose && head && !isSourceHead(head.toLowerCase())) return 'unattributed';
  const unnamed = UNNAMED_COMPLEMENT.test(parts.complement) || ANONYMITY.test(trimmed) || ANONYMITY.test(context.after);
  if (kind === 'nominal' && (unnamed || pointsToUnnamed(head.toLowerCase(), context.earlier))) return 'anonymous';
  return kind;
}

function byForm({ determiner, words, complement }: Parts): SourceKind {
  const head = words.at(-1) ?? '';
  const lower = head.toLowerCase();
  // "Two in three", "Most": a quantity with no head is a crowd nobody names.
  if (!head) return determiner && DEFINITE.has(determiner) ? 'nominal' : 'anonymous';
  if (determiner && INDEFINITE.has(determiner)) {
    // "the former senator Ana Ruiz" or "a former senator Ana Ruiz": a role, then the name.
    return rolesThenName(words) ? 'named' : 'anonymous';
  }
  if (determiner) {
    // "the Health Ministry", "the Rev. Peter Wherry"; "the source" is anonymous whatever it refers to.
    if (isCapitalised(head)) return 'named';
    return /^sources?$/u.test(lower) && !/^of\b/u.test(complement) ? 'anonymous' : 'nominal';
  }
  // A bare phrase: "Okafor", "press secretary Ana Ruiz", "Officials" opening a sentence, "U.S. officials".
  if (isCapitalised(head) && !(words.length === 1 && COMMON.has(lower))) return 'named';
  if (/^sources?$/u.test(lower) && !/^of\b/u.test(complement)) return 'anonymous';
  return isPlural(lower) ? 'anonymous' : 'nominal';
}

/** "former senator Ana Ruiz": lower-case words, then capitalised ones to the end. */
function rolesThenName(words: readonly string[]): boolean {
  const firstCap = words.findIndex((w, i) => isCapitalised(w) && words.slice(i).every(isCapitalised));
  // "a senior U.S." cut short before its head: an initialism is a modifier, not a name.
  const name = words.slice(firstCap);
  return firstCap > 0 && words.slice(0, firstCap).some((w) => !isCapitalised(w)) && name.some((w) => !/^(?:\p{Lu}\.)+$/u.test(w));
}

/**
 * Whether "the official" points back to an unnamed one: the article earlier wrote "a senior
 * official" or bare "officials" as a subject, not as an appositive or predicate of a name
 * ("Ana Ruiz, a transport official", "Ruiz is an official").
 */
function pointsToUnnamed(head: string, earlier: string): boolean {
  if (!ANONYMOUS_HEADS.test(head)) return false;
  const stem = head.replace(/s$/u, '');
  const introduced = new RegExp(
    `(?<lead>^|.{0,12})\\b(?:an?|one|two|three|four|several|some|many|other)\\s+(?:[\\p{L}.'’-]+\\s+){0,4}?${stem}s?\\b`,
    'giu',
  );
  for (const m of earlier.matchAll(introduced)) {
    const lead = m.groups?.['lead'] ?? '';
    if (/(?:,|\b(?:is|was|are|were|as|became|becomes|being|been|named|like))\s*$/iu.test(lead)) continue;
    return true;
  }
  return ANONYMITY.test(earlier.slice(-600)) && new RegExp(`\\b${stem}`, 'iu').test(earlier.slice(-600));
}

/** Where the phrase of a quote's source is, and the words after it to the end of its sentence. */
export function sourceContextOf(text: string, span: Span, { loose = false }: { loose?: boolean } = {}): SourceContext {
  const rest = text.slice(span.end, span.end + 240);
  const stop = /[.!?](?=["”’']?\s)|\n/u.exec(rest);
  return { after: stop ? rest.slice(0, stop.index) : rest, earlier: text.slice(0, span.start), loose };
}

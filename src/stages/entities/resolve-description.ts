import type { EntityType } from '../../model/doc.js';
import { overlaps, type Span } from '../../model/span.js';
import { isRoleNoun, roleWords } from './role-nouns.js';

/** A mention a description may refer back to. */
export interface Antecedent extends Span {
  readonly type: EntityType;
  readonly entity: string;
  /** Lower-case words of the name as written here and of the entity's name. */
  readonly nameWords: readonly string[];
  /** Roles written with the entity's mentions in this article. */
  readonly roles: readonly string[];
  /** Roles the entity is known by anywhere in the batch. */
  readonly knownRoles: readonly string[];
  /** Index of the sentence the mention is in. */
  readonly sentence: number;
}

/** How many sentences back "the group" may look for its organisation: further back, it is more often a group of people. */
const GENERIC_SENTENCES = 2;

/** How a speaker or source written as a common noun phrase ("the ministry", "a senior official") is read. */
export type Description =
  | {
      /** "a senior official", "two people briefed", "officials", "the mediators": no one in particular. */
      readonly kind: 'anonymous';
      /** Whether words follow the head ("a spokesman for the NMSA"): then a name there may still be the source. */
      readonly complement: boolean;
    }
  | {
      /** "the ministry", "the foreign minister", "the Indiana governor". */
      readonly kind: 'definite';
      readonly head: string;
      readonly headClass: 'person' | 'org' | 'other';
      /** Words between "the" and the head, as written. */
      readonly modifiers: readonly string[];
      readonly complement: boolean;
    };

/** Heads that stand for people without naming a role: "two people familiar with", "a source". */
const PEOPLE = new Set(['people', 'person', 'source', 'insider', 'observer']);
const INDEFINITE = new Set(
  'a an one two three four five six seven eight nine ten several some many other another few most more numerous various unnamed anonymous'.split(
    ' ',
  ),
);
/** Words that end the noun phrase the head closes ("minister of ...", "official who ..."). */
const AFTER_HEAD = new Set('of in at for from with on who which that whose by to and or as'.split(' '));
/** Modifiers that describe without narrowing down who is meant ("the former minister" is still the minister). */
const SOFT_MODIFIERS = new Set(
  'former new current then top senior outgoing incoming veteran longtime long-time embattled powerful influential acting interim same local'.split(
    ' ',
  ),
);
/** Words before a title that make it another office: "the president" is not the vice president. */
const LESSER = new Set(['vice', 'deputy', 'assistant', 'under', 'associate', 'lieutenant', 'lt']);
const PERSON_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  spokesman: ['spokesman', 'spokeswoman', 'spokesperson'],
  spokeswoman: ['spokesman', 'spokeswoman', 'spokesperson'],
  spokesperson: ['spokesman', 'spokeswoman', 'spokesperson'],
  chairman: ['chairman', 'chairwoman', 'chair', 'chairperson'],
  chairwoman: ['chairman', 'chairwoman', 'chair', 'chairperson'],
  chair: ['chairman', 'chairwoman', 'chair', 'chairperson'],
  congressman: ['congressman', 'congresswoman', 'representative'],
  congresswoman: ['congressman', 'congresswoman', 'representative'],
  lawmaker: ['lawmaker', 'senator', 'representative', 'congressman', 'congresswoman', 'legislator'],
};

/**
 * Heads that name an organisation, each with the name words that answer to it
 * ("the agency" is the National Maritime Safety Authority); `generic` heads
 * ("the group", "the company") answer to the nearest organisation, whatever its name.
 */
const ORG_HEADS: Readonly<Record<string, readonly string[] | 'generic'>> = {
  group: 'generic',
  organisation: 'generic',
  organization: 'generic',
  company: 'generic',
  firm: 'generic',
  body: 'generic',
  outfit: 'generic',
  operator: 'generic',
  charity: 'generic',
  carrier: 'generic',
  airline: 'generic',
  ministry: ['ministry', 'department'],
  department: ['department', 'ministry'],
  agency: ['agency', 'authority', 'bureau', 'service', 'administration', 'commission', 'office'],
  authority: ['authority', 'agency'],
  government: ['government'],
  administration: ['administration'],
  council: ['council'],
  committee: ['committee'],
  commission: ['commission'],
  court: ['court', 'tribunal'],
  police: ['police'],
  army: ['army', 'military', 'forces'],
  military: ['military', 'army', 'forces'],
  office: ['office'],
  bank: ['bank'],
  society: ['society'],
  guard: ['guard'],
  service: ['service'],
  bureau: ['bureau'],
  board: ['board'],
  campaign: ['campaign'],
  network: ['network'],
  university: ['university', 'college'],
  hospital: ['hospital', 'clinic'],
  coalition: ['coalition'],
  alliance: ['alliance'],
  front: ['front'],
  movement: ['movement'],
  federation: ['federation'],
  association: ['association'],
  foundation: ['foundation'],
  institute: ['institute', 'institution'],
  club: ['club'],
  team: ['team'],
  league: ['league'],
  fund: ['fund'],
  embassy: ['embassy'],
  union: ['union'],
  party: ['party'],
  parliament: ['parliament'],
  assembly: ['assembly'],
  cabinet: ['cabinet'],
  regulator: ['regulator', 'authority', 'commission'],
};

/** Reads speaker words as a description; null when they are a name, a pronoun or a possessive ("its negotiator"). */
export function readDescription(words: string): Description | null {
  const tokens = words
    .trim()
    .split(/\s+/)
    .filter((t) => t.length > 0);
  const first = tokens[0]?.toLowerCase();
  if (!first) return null;
  let body: string[];
  let definite: boolean;
  if (first === 'the') {
    body = tokens.slice(1);
    definite = true;
  } else if (INDEFINITE.has(first)) {
    body = tokens.slice(1);
    definite = false;
  } else if (/^\p{Ll}/u.test(tokens[0]!)) {
    // A bare noun phrase ("officials", "provincial officials") names people in general; anything else is left alone.
    body = tokens;
    definite = false;
  } else return null;
  const cut = body.findIndex((t, i) => i > 0 && AFTER_HEAD.has(t.toLowerCase()));
  const phrase = cut < 0 ? body : body.slice(0, cut);
  const complement = cut >= 0;
  const head = bare(phrase.at(-1) ?? '');
  if (!head || /^\p{Lu}/u.test(head)) return null;
  const lower = head.toLowerCase();
  const single = singular(lower);
  const someone = single in ORG_HEADS || isRoleNoun(single) || PEOPLE.has(single);
  const plural = single !== lower && someone;
  if (!definite) {
    // "officials", "a senior official" are anonymous; "a Bloomberg poll", "police", "bakers" are left to the name lookup.
    if ((tokens[0] === body[0] && !plural) || !someone) return null;
    return { kind: 'anonymous', complement };
  }
  if (plural) return { kind: 'anonymous', complement };
  const headClass = lower in ORG_HEADS ? 'org' : isRoleNoun(lower) ? 'person' : 'other';
  return { kind: 'definite', head: lower, headClass, modifiers: phrase.slice(0, -1).map(bare), complement };
}

/**
 * The entity a description refers to, from the mentions before it: an
 * organisation whose name answers to the head (any organisation for "the
 * group"), a person whose role has the head word ("the minister": Foreign
 * Minister Varga). A name set off right after it ("the governor, Mirela
 * Tadesse,") wins. Null when the description is anonymous or nothing fits;
 * undefined when the description does not decide (the caller's name lookup
 * applies: "the government of Karsova", "a spokesman for the NMSA").
 */
export function resolveDescription(
  description: Description,
  span: Span & { readonly sentence: number },
  text: string,
  antecedents: readonly Antecedent[],
): string | null | undefined {
  if (description.kind === 'anonymous') {
    // "a Homeland Security Department official" speaks for the department, as "a spokesman for the NMSA" does;
    // "a Tavorian official", "a New York judge" are no one the names around them identify.
    const organisation = antecedents.some((a) => a.type === 'ORG' && overlaps(a, span));
    return description.complement || organisation ? undefined : null;
  }
  if (description.headClass === 'other') return undefined;
  const wanted: EntityType = description.headClass === 'person' ? 'PERSON' : 'ORG';
  const appositive = /^\s*,\s*/.exec(text.slice(span.end, span.end + 4));
  if (appositive) {
    const at = span.end + appositive[0].length;
    const named = antecedents.find((a) => a.start === at && a.type === wanted);
    if (named) return named.entity;
  }
  const before = antecedents.filter((a) => a.end <= span.start && a.type === wanted).sort((a, b) => b.start - a.start);
  const found = description.headClass === 'person' ? bySomeRole(description, before) : byName(description, before, span.sentence);
  if (found) return found;
  return description.complement || description.headClass === 'org' ? undefined : null;
}

function bySomeRole(description: Extract<Description, { kind: 'definite' }>, before: readonly Antecedent[]): string | null {
  const heads = PERSON_SYNONYMS[description.head] ?? [description.head];
  const required = description.modifiers.map((m) => m.toLowerCase()).filter((m) => isNarrowing(m));
  const fits = (role: string): boolean => {
    const words = roleWords(role);
    const at = words.findIndex((w) => heads.includes(w));
    if (at < 0) return false;
    // "the president" is not "Vice President"; "the deputy minister" needs "deputy" in the role, as any narrowing modifier.
    if (at > 0 && LESSER.has(words[at - 1]!) && !required.includes(words[at - 1]!)) return false;
    return required.every((m) => words.includes(m));
  };
  // A role written in this article first ("Former President Bill Clinton ... the former president"), then one known from others.
  return before.find((a) => a.roles.some(fits))?.entity ?? before.find((a) => a.knownRoles.some(fits))?.entity ?? null;
}

function byName(
  description: Extract<Description, { kind: 'definite' }>,
  before: readonly Antecedent[],
  sentence: number,
): string | null {
  const answers = ORG_HEADS[description.head]!;
  const modifiers = description.modifiers.filter((m) => isNarrowing(m.toLowerCase()));
  // Capitalised modifiers ("the Tavorian government") must be in the name; lower-case ones only prefer a name that has them.
  const named = modifiers.filter((m) => /^\p{Lu}/u.test(m)).map((m) => m.toLowerCase());
  const described = modifiers.filter((m) => /^\p{Ll}/u.test(m)).map((m) => m.toLowerCase());
  const candidates = before.filter(
    (a) => (answers === 'generic' || a.nameWords.some((w) => answers.includes(w))) && named.every((m) => a.nameWords.includes(m)),
  );
  if (answers === 'generic') return candidates.find((a) => a.sentence >= sentence - GENERIC_SENTENCES)?.entity ?? null;
  const best = candidates.find((a) => described.every((m) => a.nameWords.includes(m))) ?? candidates[0];
  return best?.entity ?? null;
}

/** A modifier that says which one is meant: not a possessive ("the company's"), a soft word ("former") or "-based". */
function isNarrowing(modifier: string): boolean {
  return modifier.length > 0 && !SOFT_MODIFIERS.has(modifier) && !/['’]s?$/u.test(modifier) && !/-based$/.test(modifier);
}

function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’]+$/gu, '');
}

function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word) || !/s$/.test(word)) return word;
  return word.slice(0, -1);
}

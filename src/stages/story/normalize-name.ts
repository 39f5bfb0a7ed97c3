/** Courtesy and rank words dropped before names are compared ("Ms. Okafor" = "Okafor"). */
const HONORIFICS = new Set(
  'mr mrs ms miss mx dr prof sir dame lord lady rev fr sen rep gov gen lt col capt cpt sgt maj adm cmdr insp det supt st hon'.split(
    ' ',
  ),
);

/**
 * Words that make the capitalised words before a name a title, not part of the
 * name ("Health Minister Adaeze Okafor", "CIA Director Okafor"). Kept as roles.
 */
const TITLE_WORDS = new Set(
  (
    'president vice minister secretary director chief chairman chairwoman chair spokesman spokeswoman spokesperson ' +
    'governor senator representative mayor ambassador commissioner general judge justice prosecutor attorney ' +
    'officer sheriff inspector superintendent chancellor premier king queen prince princess pope bishop ' +
    'ceo cfo coo head leader captain coach manager editor professor doctor detective sergeant lieutenant colonel ' +
    'major admiral commander councillor councilor deputy envoy founder'
  ).split(' '),
);

// Lower-case words that may sit inside a name or acronym expansion ("Bank of England").
const NAME_PARTICLES = new Set(['of', 'the', 'and', 'for', 'de', 'la', 'van', 'von', 'der', 'du', 'da', 'del', 'dos', '&']);

export interface NameParts {
  /** The name as written, without honorific, title, leading "the" or possessive. */
  readonly display: string;
  /** Lower-case tokens for matching; "al-Rashed", "Al Rashed", "Al-Rashed" all give "al-rashed". */
  readonly tokens: readonly string[];
  /** A title written inside the mention ("Health Minister"), if any. */
  readonly title: string | null;
}

/** Splits a mention's text into a matchable name and the title written with it. */
export function normalizeName(text: string): NameParts {
  let parts = text
    .replace(/['’]s?$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .filter((p) => p.length > 0);
  while (parts.length > 1 && /^(the|a|an)$/i.test(parts[0]!)) parts = parts.slice(1);
  while (parts.length > 1 && isHonorific(parts[0]!)) parts = parts.slice(1);
  let title: string | null = null;
  // The last title word before the final token ends the title: "CIA Director Adaeze Okafor".
  let cut = -1;
  for (let i = 0; i < parts.length - 1; i++) if (isTitleWord(parts[i]!)) cut = i;
  if (cut >= 0 && /^\p{Lu}/u.test(parts[cut + 1] ?? '')) {
    title = parts.slice(0, cut + 1).join(' ');
    parts = parts.slice(cut + 1);
    while (parts.length > 1 && isHonorific(parts[0]!)) parts = parts.slice(1);
  }
  const display = parts.join(' ');
  const tokens = nameTokens(display);
  // "Joseph Doyle Jr" and "Joseph Doyle" are one person; the suffix stays in the display name.
  while (tokens.length > 1 && GENERATIONS.has(tokens.at(-1)!)) tokens.pop();
  return { display, tokens, title };
}

const GENERATIONS = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Words naming a company's legal form ("Corp.", "Inc"), which writers drop at will. */
const LEGAL_FORMS = new Set(['corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'co', 'gmbh', 'ag']);

/** An organisation's tokens without a trailing legal form: "Halvorsen Shipping Inc." matches "Halvorsen Shipping". */
export function withoutLegalForm(tokens: readonly string[]): readonly string[] {
  let end = tokens.length;
  while (end > 1 && LEGAL_FORMS.has(tokens[end - 1]!)) end--;
  return end === tokens.length ? tokens : tokens.slice(0, end);
}

/** Lower-case tokens of a name, with the Arabic article joined to the word it belongs to. */
function nameTokens(name: string): string[] {
  const joined = name
    .toLowerCase()
    .replace(/\b(al|el)[-‐\s]+(?=\p{L})/gu, '$1-')
    .replace(/[’']/g, "'");
  return joined
    .split(/[\s,]+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/\.$/, ''))
    .filter((t) => t.length > 0);
}

/** "C.I.A." and "CIA" give "CIA"; anything that is not an acronym gives null. */
export function asAcronym(name: string): string | null {
  const compact = name.replace(/\./g, '').trim();
  if (!/^[\p{Lu}&]{2,8}$/u.test(compact)) return null;
  return compact.replace(/&/g, '');
}

/** The initials of a multi-word name: "World Health Council" gives "WHC"; null for one word. */
export function acronymOf(name: string): string | null {
  const parts = name.split(/[\s-]+/).filter((p) => p.length > 0 && !NAME_PARTICLES.has(p.toLowerCase()));
  if (parts.length < 2 || !parts.every((p) => /^\p{Lu}/u.test(p))) return null;
  return parts.map((p) => p[0]!.toUpperCase()).join('');
}

/**
 * Whether one person's name can be a shorter form of another's: same surname
 * and, where the short form gives one, a matching first name or initial
 * ("A. Okafor", "Adaeze Okafor", "Adaeze N. Okafor").
 */
export function isShortFormOf(short: readonly string[], full: readonly string[]): boolean {
  if (short.length === 0 || full.length === 0 || short.at(-1) !== full.at(-1)) return false;
  if (short.length === 1) return true;
  const first = short[0]!;
  const fullFirst = full[0]!;
  if (first === fullFirst) return short.length <= full.length;
  return first.length === 1 && fullFirst.startsWith(first) && short.length <= full.length;
}

/** "Ms", "Dr.", "Sen." and the like: courtesy words, not roles. */
export function isHonorific(word: string): boolean {
  return HONORIFICS.has(word.replace(/\.$/, '').toLowerCase());
}

export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase());
}

/** "e-" ids and other slugs: lower-case ASCII words joined by dashes. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'x';
}

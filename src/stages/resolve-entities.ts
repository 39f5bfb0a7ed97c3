import type { Doc, EntityType, Figure, Mention, Quote } from '../model/doc.js';
import { overlaps, type Span } from '../model/span.js';
import type { StageContext, StoryStage } from '../model/stage.js';
import type { Corpus, Entity } from '../model/story.js';
import { isCommonWord, knownPhraseType, wordStats } from './entities/gazetteer.js';
import {
  acronymOf,
  asAcronym,
  isHonorific,
  isShortFormOf,
  isTitleWord,
  normalizeName,
  slugify,
  withoutLegalForm,
  type NameParts,
} from './story/normalize-name.js';
import { lineCasing } from './entities/line-casing.js';
import { isRoleNoun, roleHead } from './entities/role-nouns.js';
import { readDescription, resolveDescription, type Antecedent } from './entities/resolve-description.js';
import aliasData from './entities/data/aliases.json' with { type: 'json' };

export interface ResolveEntitiesOptions {
  /** Characters after a name searched for an appositive role (", the director of ..."). */
  appositiveWindow?: number;
  /** Longest role kept, in characters: longer appositives are clauses, not roles. */
  maxRoleChars?: number;
  /**
   * A name found as a mention, always with one type and typed by more than a
   * guess in at least this many articles of the batch, is also a mention
   * wherever else it is written in the batch (the tagger may have had no cue
   * there). 0 turns this off; 1 cost 0.012 B-cubed F1 on ECB+ stories (0.889 vs 0.901).
   */
  knownNameMinArticles?: number;
  /**
   * Resolve speakers and sources written as descriptions ("the ministry", "the
   * minister") to the organisation or person they refer back to; anonymous ones
   * ("a senior official", "officials") get none. false leaves descriptions to
   * the name lookup, as before #6.
   */
  resolveDescriptions?: boolean;
}

interface MentionRef {
  readonly doc: number;
  readonly index: number;
  readonly mention: Mention;
  /** The entity type: the mention's, unless the batch types this name otherwise (voteTypes). */
  readonly type: EntityType;
  readonly parts: NameParts;
  /** Group key: type plus normalised tokens (or the acronym). */
  readonly key: string;
  readonly acronym: string | null;
}

/**
 * Merges the names of all articles into entities: surname and initial forms
 * attach to the full name they stand for, honorifics and titles are ignored
 * when matching, "al-" variants and dotted acronyms are folded, an acronym meets
 * its expansion when both occur. Fills `mention.entity`, `quote.speaker` and
 * `figure.source`.
 */
export function resolveEntities({
  appositiveWindow = 120,
  maxRoleChars = 60,
  knownNameMinArticles = 2,
  resolveDescriptions = true,
}: ResolveEntitiesOptions = {}): StoryStage {
  return {
    kind: 'story',
    name: 'resolve-entities',
    version: '1',
    requires: ['mentions', 'quotes', 'figures'],
    provides: ['entities', 'mentions', 'quotes', 'figures'],
    run(corpus: Corpus, _ctx: StageContext): Corpus {
      const withKnown = knownNameMinArticles > 0 ? addKnownNames(corpus.docs, knownNameMinArticles) : corpus.docs;
      const refs = collectMentions(withKnown);
      const groupOf = assignGroups(refs);
      const roleOptions = { appositiveWindow, maxRoleChars };
      const entities = buildEntities(withKnown, refs, groupOf, roleOptions);
      const fill = { ...roleOptions, resolveDescriptions };
      const docs = withKnown.map((doc, d) => fillDoc(doc, d, refs, groupOf, entities, fill));
      return { ...corpus, docs, entities: entities.list };
    },
  };
}

/**
 * One sense per batch: "Tarnowel", typed LOC wherever the tagger found it,
 * is a place too in the article where it only appears as "talks between
 * Tarnowel and the rebels". Only names with one type everywhere, seen in
 * several articles, typed somewhere by more than a guess, and not common words.
 */
function addKnownNames(docs: readonly Doc[], minArticles: number): readonly Doc[] {
  const types = new Map<string, Set<EntityType>>();
  const confirmed = new Map<string, Set<number>>();
  docs.forEach((doc, d) => {
    for (const m of doc.mentions) {
      types.set(m.text, (types.get(m.text) ?? new Set()).add(m.type));
      if (!m.guessed) confirmed.set(m.text, (confirmed.get(m.text) ?? new Set()).add(d));
    }
  });
  const known = new Map<string, EntityType>();
  for (const [text, kinds] of types) {
    // Spreading a guess ("in Watergate" as a place) would repeat its error in every article.
    if (kinds.size !== 1 || (confirmed.get(text)?.size ?? 0) < minArticles) continue;
    if (text.length < 3 || !/^\p{Lu}/u.test(text) || isCommonWord(text.toLowerCase())) continue;
    // A name the word lists know was already weighed by the tagger where it was skipped; only new names lack their cue.
    if (knownPhraseType(text) !== null || wordStats(text) !== null) continue;
    known.set(text, [...kinds][0]!);
  }
  if (known.size === 0) return docs;
  const pattern = new RegExp(
    [...known.keys()]
      .sort((a, b) => b.length - a.length)
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'gu',
  );
  return docs.map((doc) => {
    const added: Mention[] = [];
    for (const match of doc.text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!standsAlone(doc.text, start, end) || doc.mentions.some((m) => overlaps(m, { start, end }))) continue;
      added.push({ start, end, text: match[0], type: known.get(match[0])!, entity: null });
    }
    if (added.length === 0) return doc;
    return { ...doc, mentions: [...doc.mentions, ...added].sort((a, b) => a.start - b.start || b.end - a.end) };
  });
}

/** A whole word, not part of a longer capitalised name ("Tarnowel Today", "North Tarnowel"). */
function standsAlone(text: string, start: number, end: number): boolean {
  if (/[\p{L}\p{N}-]/u.test(text[start - 1] ?? '') || /[\p{L}\p{N}-]/u.test(text[end] ?? '')) return false;
  if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3))) return false;
  const previous = /(\p{Lu}[\p{L}'’]*) $/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  // A capitalised word just before is part of the name, unless it is a common word opening the sentence ("In").
  return previous === undefined || isCommonWord(previous.toLowerCase());
}

/** How a mention is matched: its type and name after the batch vote, the alias table and headline trimming. */
interface NameForm {
  readonly type: EntityType;
  readonly parts: NameParts;
  readonly acronym: string | null;
}

function collectMentions(docs: readonly Doc[]): MentionRef[][] {
  const parsed = docs.map((doc) => doc.mentions.map((mention) => ({ mention, parts: normalizeName(mention.text) })));
  const typeOf = voteTypes(parsed.flat());
  const forms = parsed.map((list) => list.map(({ mention, parts }) => nameForm(typeOf(mention.type, parts.tokens), parts)));
  const trimmed = trimHeadlineWords(docs, forms);
  return parsed.map((list, d) =>
    list.map(({ mention }, index) => {
      const { type, parts, acronym } = trimmed[d]![index]!;
      const body = acronym ? acronym.toLowerCase() : parts.tokens.join(' ');
      return { doc: d, index, mention, type, parts, key: `${type}:${body}`, acronym };
    }),
  );
}

function nameForm(type: EntityType, parts: NameParts): NameForm {
  const known = aliasEntry(type, parts);
  if (known) return { type: known.type, parts: known.parts, acronym: null };
  const tokens = type === 'ORG' ? withoutLegalForm(parts.tokens) : parts.tokens;
  return {
    type,
    parts: tokens === parts.tokens ? parts : { ...parts, tokens },
    acronym: type === 'ORG' || type === 'MISC' ? asAcronym(parts.display) : null,
  };
}

/**
 * "Sixers Hire Mo Dunn" in a Title Case headline is a name the tagger ran into
 * the words around it. A mention of several words on a Title Case or ALL-CAPS
 * line, itself named in no other article, stands for the longest name inside
 * it that two or more articles name, when exactly one name is that long.
 */
function trimHeadlineWords(docs: readonly Doc[], forms: readonly NameForm[][]): NameForm[][] {
  const known = new Map<string, { form: NameForm; docs: Set<number> }>();
  forms.forEach((list, d) => {
    for (const form of list) {
      const key = form.parts.tokens.join(' ');
      const seen = known.get(key);
      if (seen) seen.docs.add(d);
      else known.set(key, { form, docs: new Set([d]) });
    }
  });
  const shared = (key: string): NameForm | null => {
    const seen = known.get(key);
    return seen && seen.docs.size >= 2 ? seen.form : null;
  };
  return forms.map((list, d) =>
    list.map((form, i) => {
      const tokens = form.parts.tokens;
      if (tokens.length < 2 || shared(tokens.join(' ')) || !onHeadlineLine(docs[d]!.text, docs[d]!.mentions[i]!.start))
        return form;
      for (let length = tokens.length - 1; length >= 1; length--) {
        const found = new Set<NameForm>();
        for (let start = 0; start + length <= tokens.length; start++) {
          const inner = shared(tokens.slice(start, start + length).join(' '));
          if (inner) found.add(inner);
        }
        if (found.size === 1) return [...found][0]!;
        if (found.size > 1) return form;
      }
      return form;
    }),
  );
}

function onHeadlineLine(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return lineCasing(text.slice(start, end < 0 ? text.length : end).split(/\s+/)) !== 'normal';
}

interface AliasEntry {
  readonly type: EntityType;
  readonly parts: NameParts;
}

/** The alias table: lower-case name tokens, and acronyms as written, to the entity they name. */
const ALIASES = (() => {
  const byWords = new Map<string, AliasEntry>();
  const byAcronym = new Map<string, AliasEntry>();
  for (const entry of aliasData.entries) {
    const canonical = { type: entry.type as EntityType, parts: normalizeName(entry.name) };
    for (const alias of [entry.name, ...entry.aliases]) {
      const acronym = asAcronym(alias);
      if (acronym) byAcronym.set(acronym, canonical);
      else byWords.set(normalizeName(alias).tokens.join(' '), canonical);
    }
  }
  return { byWords, byAcronym };
})();

/** An organisation entry is met by ORG and MISC mentions, a place entry by LOC mentions only. */
function aliasEntry(type: EntityType, parts: NameParts): AliasEntry | null {
  const acronym = asAcronym(parts.display);
  const entry = acronym ? ALIASES.byAcronym.get(acronym) : ALIASES.byWords.get(parts.tokens.join(' '));
  if (!entry) return null;
  const fits = entry.type === 'ORG' ? type === 'ORG' || type === 'MISC' : entry.type === type;
  return fits ? entry : null;
}

/**
 * One type per name in a batch: the tagger types "Hunger Games" MISC in one
 * article and PERSON in another, which would split it into two entities. A name
 * written with several types takes the type most of its mentions have, when
 * that majority is clear: half or more for a name of several words (a tie goes
 * to the first of PERSON, ORG, LOC, MISC), four in five for one word ("Jordan", "Washington" name different things). Places and
 * organisations stay apart whatever the counts: "Philadelphia" is a city and a team.
 */
function voteTypes(
  all: readonly { mention: Mention; parts: NameParts }[],
): (type: EntityType, tokens: readonly string[]) => EntityType {
  const counts = new Map<string, Map<EntityType, number>>();
  for (const { mention, parts } of all) {
    const key = parts.tokens.join(' ');
    const byType = counts.get(key) ?? new Map<EntityType, number>();
    counts.set(key, byType.set(mention.type, (byType.get(mention.type) ?? 0) + 1));
  }
  return (type, tokens) => {
    const byType = counts.get(tokens.join(' '));
    if (!byType || byType.size < 2) return type;
    const ranked = [...byType.entries()].sort((a, b) => b[1] - a[1] || TYPE_RANK[a[0]] - TYPE_RANK[b[0]]);
    const [top, n] = ranked[0]!;
    // A tie is a toss-up for one word; a name of several words is one thing, so the fixed type order decides.
    const tie = ranked[1]![1] === n && tokens.length === 1;
    if (top === type || tie || (top === 'LOC' && type === 'ORG') || (top === 'ORG' && type === 'LOC')) return type;
    const total = ranked.reduce((sum, [, c]) => sum + c, 0);
    return n / total >= (tokens.length > 1 ? 0.5 : 0.8) ? top : type;
  };
}

/** A mention that names someone only in part: a bare surname or an initial with a surname. */
function isShortForm(ref: MentionRef): boolean {
  const t = ref.parts.tokens;
  return ref.type === 'PERSON' && (t.length === 1 || (t.length >= 2 && t[0]!.length === 1));
}

/**
 * Maps every mention to a group key. Full names group by their normalised form;
 * a short form or an acronym joins a full form only when that choice is clear:
 * the only candidate in the batch, else the candidate named most recently before
 * it in the same article, else the only one in that article.
 */
function assignGroups(refs: readonly MentionRef[][]): Map<MentionRef, string> {
  const all = refs.flat();
  const fullKeys = new Map<string, MentionRef>();
  for (const ref of all) if (!isShortForm(ref) && !ref.acronym && !fullKeys.has(ref.key)) fullKeys.set(ref.key, ref);

  // Full person names that differ only by a middle name or initial are one person,
  // and so is a person written by middle name and surname ("Joseph Doyle" for "Arcade Joseph Doyle").
  const alias = new Map<string, string>();
  const persons = [...fullKeys.values()]
    .filter((r) => r.type === 'PERSON')
    .sort((a, b) => b.parts.tokens.length - a.parts.tokens.length || cmp(a.key, b.key));
  for (const ref of persons) {
    const t = ref.parts.tokens;
    const longer = persons.find(
      (p) =>
        p !== ref &&
        p.parts.tokens.length > t.length &&
        (isShortFormOf(t, p.parts.tokens) || p.parts.tokens.slice(-t.length).join(' ') === t.join(' ')),
    );
    if (longer) alias.set(ref.key, alias.get(longer.key) ?? longer.key);
  }
  const canonical = (key: string): string => alias.get(key) ?? key;

  // Candidates are looked up by surname or by acronym, not by scanning every full name.
  // An acronym meets an ORG or a MISC expansion: the tagger types "IE" and "Internet Explorer" either way.
  const byHandle = new Map<string, MentionRef[]>();
  for (const full of fullKeys.values()) {
    const handles = [`${full.type}:${full.parts.tokens.at(-1) ?? ''}`];
    const acronym = full.type === 'ORG' || full.type === 'MISC' ? acronymOf(full.parts.display) : null;
    if (acronym) handles.push(`acronym:${acronym}`);
    for (const h of handles) {
      const list = byHandle.get(h);
      if (list) list.push(full);
      else byHandle.set(h, [full]);
    }
  }
  const related = relatedNames(refs, canonical);
  const groupOf = new Map<MentionRef, string>();
  for (const docRefs of refs) {
    for (const ref of docRefs) {
      if (!isShortForm(ref) && !ref.acronym) {
        groupOf.set(ref, canonical(ref.key));
        continue;
      }
      const matches = (full: MentionRef): boolean =>
        ref.acronym
          ? (full.type === 'ORG' || full.type === 'MISC') && acronymOf(full.parts.display) === ref.acronym
          : full.type === ref.type && isShortFormOf(ref.parts.tokens, full.parts.tokens);
      const handle = ref.acronym ? `acronym:${ref.acronym}` : `${ref.type}:${ref.parts.tokens.at(-1) ?? ''}`;
      const candidates = new Set<string>();
      for (const full of byHandle.get(handle) ?? []) if (matches(full)) candidates.add(canonical(full.key));
      const picked =
        pickCandidate(ref, docRefs, candidates, matches, canonical) ??
        (candidates.size > 1 ? related(ref.doc, candidates) : firstNameOf(ref, docRefs, canonical));
      groupOf.set(ref, picked ?? ref.key);
    }
  }
  return groupOf;
}

/**
 * For a short form with several full names in the batch and none in its own
 * article ("Doyle": Ann Doyle and Tom Doyle): the full name named in the articles
 * that share most other names with this one, each shared name weighted by how
 * rare it is in the batch (idf). Null when no name is shared or two tie.
 */
function relatedNames(
  refs: readonly MentionRef[][],
  canonical: (key: string) => string,
): (doc: number, candidates: ReadonlySet<string>) => string | null {
  const keysOfDoc = refs.map(
    (docRefs) => new Set(docRefs.filter((r) => !isShortForm(r) && !r.acronym).map((r) => canonical(r.key))),
  );
  const docsOfKey = new Map<string, number[]>();
  keysOfDoc.forEach((keys, d) => {
    for (const key of keys) {
      const list = docsOfKey.get(key);
      if (list) list.push(d);
      else docsOfKey.set(key, [d]);
    }
  });
  const weight = (key: string): number => Math.log(refs.length / (docsOfKey.get(key)?.length ?? refs.length));
  return (doc, candidates) => {
    const own = [...keysOfDoc[doc]!].filter((k) => !candidates.has(k));
    const scored = [...candidates].map((candidate) => {
      const near = new Set<string>();
      for (const d of docsOfKey.get(candidate) ?? []) for (const k of keysOfDoc[d]!) near.add(k);
      return { candidate, score: own.filter((k) => near.has(k)).reduce((sum, k) => sum + weight(k), 0) };
    });
    scored.sort((a, b) => b.score - a.score || cmp(a.candidate, b.candidate));
    const [best, next] = scored;
    return best && best.score > 0 && best.score > (next?.score ?? 0) ? best.candidate : null;
  };
}

/** A lone given name ("Ellen") that no one in the batch has as a surname: the one full name in its article that starts with it. */
function firstNameOf(ref: MentionRef, docRefs: readonly MentionRef[], canonical: (key: string) => string): string | null {
  const t = ref.parts.tokens;
  if (ref.type !== 'PERSON' || t.length !== 1) return null;
  const named = new Set(
    docRefs
      .filter((r) => r.type === 'PERSON' && r.parts.tokens.length >= 2 && r.parts.tokens[0] === t[0] && !isShortForm(r))
      .map((r) => canonical(r.key)),
  );
  return named.size === 1 ? [...named][0]! : null;
}

function pickCandidate(
  ref: MentionRef,
  docRefs: readonly MentionRef[],
  candidates: ReadonlySet<string>,
  matches: (full: MentionRef) => boolean,
  canonical: (key: string) => string,
): string | null {
  if (candidates.size === 1) return [...candidates][0]!;
  if (candidates.size === 0) return null;
  const inDoc = docRefs.filter((r) => !isShortForm(r) && !r.acronym && matches(r));
  const before = inDoc.filter((r) => r.mention.start < ref.mention.start).sort((a, b) => b.mention.start - a.mention.start);
  if (before[0]) return canonical(before[0].key);
  const named = new Set(inDoc.map((r) => canonical(r.key)));
  return named.size === 1 ? [...named][0]! : null;
}

/** What collectRoles reads of the stage's options. */
type RoleOptions = Required<Pick<ResolveEntitiesOptions, 'appositiveWindow' | 'maxRoleChars'>>;

interface EntityTable {
  readonly list: Entity[];
  readonly idOfGroup: Map<string, string>;
  /** Normalised name keys (name and aliases) to entity ids, for speakerText / sourceText. */
  readonly idsOfKey: Map<string, Set<string>>;
}

function buildEntities(
  docs: readonly Doc[],
  refs: readonly MentionRef[][],
  groupOf: ReadonlyMap<MentionRef, string>,
  options: RoleOptions,
): EntityTable {
  const members = new Map<string, MentionRef[]>();
  for (const ref of refs.flat()) {
    const group = groupOf.get(ref)!;
    const list = members.get(group);
    if (list) list.push(ref);
    else members.set(group, [ref]);
  }
  const drafts = [...members.entries()].map(([group, list]) => {
    const type = list[0]!.type;
    const counts = new Map<string, number>();
    for (const r of list) counts.set(r.parts.display, (counts.get(r.parts.display) ?? 0) + 1);
    const name = [...counts.entries()].sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || cmp(a[0], b[0]))[0]![0];
    const aliases = [...new Set(list.map((r) => r.mention.text.trim()))].filter((a) => a !== name).sort(cmp);
    const { roles, roleHistory } = collectRoles(docs, list, type, options);
    const articles = [...new Set(list.map((r) => docs[r.doc]!.id))].sort(cmp);
    return {
      group,
      type,
      name,
      aliases,
      roles,
      roleHistory,
      articles,
      keys: new Set(list.map((r) => r.key.slice(r.key.indexOf(':') + 1))),
    };
  });
  drafts.sort(
    (a, b) =>
      cmp(a.name, b.name) || cmp(a.type, b.type) || cmp(a.articles[0] ?? '', b.articles[0] ?? '') || cmp(a.group, b.group),
  );
  const used = new Set<string>();
  const idOfGroup = new Map<string, string>();
  const idsOfKey = new Map<string, Set<string>>();
  const list = drafts.map((d) => {
    let id = `e-${slugify(d.name)}`;
    if (used.has(id)) id = `${id}-${d.type.toLowerCase()}`;
    for (let n = 2; used.has(id); n++) id = `e-${slugify(d.name)}-${n}`;
    used.add(id);
    idOfGroup.set(d.group, id);
    for (const key of [...d.keys, normalizeName(d.name).tokens.join(' ')]) {
      idsOfKey.set(key, (idsOfKey.get(key) ?? new Set()).add(id));
    }
    const entity: Entity = {
      id,
      name: d.name,
      type: d.type,
      aliases: d.aliases,
      roles: d.roles,
      articles: d.articles,
      roleHistory: d.roleHistory,
    };
    return entity;
  });
  return { list, idOfGroup, idsOfKey };
}

/** One role as collected across a group's mentions: how often, in which articles, on which dates. */
interface RoleDraft {
  readonly role: string;
  n: number;
  readonly articles: Set<string>;
  readonly dates: string[];
}

type RoleHistory = NonNullable<Entity['roleHistory']>;

function collectRoles(
  docs: readonly Doc[],
  list: readonly MentionRef[],
  type: EntityType,
  options: RoleOptions,
): { roles: string[]; roleHistory: RoleHistory } {
  if (type !== 'PERSON') return { roles: [], roleHistory: [] };
  const drafts = new Map<string, RoleDraft>();
  for (const ref of list) {
    const doc = docs[ref.doc]!;
    for (const role of rolesAt(doc.text, ref, options)) {
      const key = role.toLowerCase();
      const draft = drafts.get(key) ?? { role, n: 0, articles: new Set<string>(), dates: [] };
      draft.n++;
      draft.articles.add(doc.id);
      if (doc.published) draft.dates.push(doc.published);
      drafts.set(key, draft);
    }
  }
  const all = [...drafts.values()];
  const roles = [...all].sort((a, b) => b.n - a.n || cmp(a.role, b.role)).map((r) => r.role);
  const roleHistory = all
    .map((r) => {
      const dates = [...r.dates].sort(cmp);
      return { role: r.role, first: dates[0] ?? null, last: dates.at(-1) ?? null, articles: [...r.articles].sort(cmp) };
    })
    .sort((a, b) => cmp(a.first ?? '9999', b.first ?? '9999') || cmp(a.last ?? '9999', b.last ?? '9999') || cmp(a.role, b.role));
  return { roles, roleHistory };
}

/** The roles written with one mention: its title, a title before it, an appositive after it. */
function rolesAt(text: string, ref: MentionRef, options: RoleOptions): string[] {
  const found: string[] = [];
  const add = (role: string | null): void => {
    if (
      role &&
      role.length <= options.maxRoleChars &&
      !isHonorific(role) &&
      !found.some((f) => f.toLowerCase() === role.toLowerCase())
    )
      found.push(role);
  };
  // A title written before a name ends in its title word: "Rep. Don" (the given name glued on) is none.
  for (const raw of [ref.mention.title, ref.parts.title, titleBefore(text, ref.mention)]) {
    const role = cleanRole(raw);
    if (role && isRoleNoun(roleHead(role))) add(role);
  }
  add(cleanAppositive(appositiveAfter(text, ref.mention, options.appositiveWindow)));
  return found;
}

/** "historian who attended the session" gives "historian"; "campaign worker for Mrs" (the next name cut off) gives "campaign worker". */
function cleanAppositive(role: string | null): string | null {
  if (!role) return null;
  let words = role.split(/\s+[-–—]{1,2}\s+/)[0]!.split(/\s+/);
  const relative = words.findIndex((w, i) => i > 0 && /^(?:who|whom|whose|which|that)$/i.test(w));
  if (relative > 0) words = words.slice(0, relative);
  if (words.length > 1 && isHonorific(words.at(-1)!)) words = words.slice(0, -1);
  while (words.length > 1 && /^(?:for|to|of|with|and|or|by|at|in|the|a|--|-|–|—)$/i.test(words.at(-1)!))
    words = words.slice(0, -1);
  const clean = words.join(' ');
  return clean && isRoleNoun(roleHead(clean)) ? clean : null;
}

function cleanRole(role: string | null | undefined): string | null {
  if (!role) return null;
  const words = role.replace(/\s+/g, ' ').trim().split(' ');
  // "March. Foreign Minister": a word closing the previous sentence is not part of the title (#7).
  const closes = words.findLastIndex((w, i) => i < words.length - 1 && closesSentence(w));
  const kept = words.slice(closes + 1);
  // "AM" / "PM" before a title are the end of a clock time ("10 AM President ..."), not part of it;
  // "As President", "Like President": a sentence opening on a preposition or conjunction.
  while (kept.length > 1 && (/^[AP]\.?M\.?$/.test(kept[0]!) || LEADING_FUNCTION_WORDS.has(kept[0]!.toLowerCase()))) kept.shift();
  const clean = kept.join(' ').trim();
  return clean || null;
}

const LEADING_FUNCTION_WORDS = new Set(
  'as like when while after before but and or if then under with for from by to at in on of since because unlike including so yet'.split(
    ' ',
  ),
);

/** A word ending in a full stop that ends a sentence: not an honorific ("Sen."), an initial ("J.") or a dotted acronym ("U.N."). */
function closesSentence(word: string): boolean {
  if (!/[.!?]["'”’)]*$/.test(word)) return false;
  if (/[!?]/.test(word)) return true;
  const bare = word.replace(/["'”’)]+$/, '');
  return !isHonorific(bare) && !/^(?:\p{L}\.)+$/u.test(bare) && !/^\p{Lu}\.$/u.test(bare);
}

/** "Health Minister" in "Health Minister Okafor": capitalised words ending in a title word, on the name's line. */
function titleBefore(text: string, span: Span): string | null {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const before = text.slice(Math.max(lineStart, span.start - 60), span.start);
  const m = /((?:[\p{Lu}][\p{L}.&-]*[ \t]+){0,3})$/u.exec(before);
  const words = (m?.[1] ?? '')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  while (words.length > 0 && /^(the|a|an)$/i.test(words[0]!)) words.shift();
  const last = words.at(-1);
  return last && isTitleWord(last.replace(/\.$/, '')) ? words.join(' ') : null;
}

const ROLE_END = String.raw`(?=\s*[,.;:()]|\s+(?:said|says|told|added)\b)`;
/** ", the director of ...", ", the CBA director,": an article, then the role (an acronym may open it). */
const APPOSITIVE_WITH_ARTICLE = new RegExp(
  String.raw`^,\s+(?:the|a|an|its|their)\s+((?:\p{Lu}[\p{L}.&-]*\s+){0,2}\p{Ll}[^,.;:()"“”\n]{2,}?)` + ROLE_END,
  'u',
);
/** ", director of the Central Bureau (CB)": no article, so the role must open with a title word. */
const APPOSITIVE_BARE = new RegExp(String.raw`^,\s+((\p{Ll}+)\s+of\s+[^,.;:()"“”\n]{2,}?)` + ROLE_END, 'u');

/** "director of the Central Bureau" in "Okafor, the director of the Central Bureau, said". */
function appositiveAfter(text: string, span: Span, window: number): string | null {
  const after = text.slice(span.end, span.end + window);
  const withArticle = APPOSITIVE_WITH_ARTICLE.exec(after);
  // ", the largest crowd since the festival began": an appositive names a role only when its head noun is one.
  if (withArticle) return isRoleNoun(roleHead(withArticle[1]!)) ? withArticle[1]! : null;
  const bare = APPOSITIVE_BARE.exec(after);
  return bare && isTitleWord(bare[2]!) ? bare[1]! : null;
}

function fillDoc(
  doc: Doc,
  d: number,
  refs: readonly MentionRef[][],
  groupOf: ReadonlyMap<MentionRef, string>,
  table: EntityTable,
  options: RoleOptions & { readonly resolveDescriptions: boolean },
): Doc {
  const docRefs = refs[d]!;
  const idOf = (ref: MentionRef): string => table.idOfGroup.get(groupOf.get(ref)!)!;
  const mentions = doc.mentions.map((m, i) => ({ ...m, entity: idOf(docRefs[i]!) }));
  const local = new Set(mentions.map((m) => m.entity));
  let antecedents: Antecedent[] | null = null;
  const resolve = (span: Span | undefined, words: string | null | undefined): string | null => {
    // Only where the span is the words themselves: a pronoun's span points at the name the quote stage tied it to.
    const described = options.resolveDescriptions && words ? readDescription(words) : null;
    if (described && span && doc.text.slice(span.start, span.end) === words) {
      antecedents ??= antecedentsOf(doc, docRefs, idOf, table, options);
      const found = resolveDescription(described, { ...span, sentence: sentenceIndex(doc, span.start) }, doc.text, antecedents);
      if (found !== undefined) return found;
    }
    if (span) {
      const hit = docRefs
        .filter((r) => overlaps(r.mention, span))
        .sort((a, b) => TYPE_RANK[a.mention.type] - TYPE_RANK[b.mention.type] || a.mention.start - b.mention.start)[0];
      if (hit) return idOf(hit);
    }
    // Lower-case words are no name ("who", "the government"): a batch-wide lookup would find a stray mention.
    return words && /\p{Lu}/u.test(words) ? matchWords(words, local, table) : null;
  };
  const quotes: Quote[] = doc.quotes.map((q) => ({ ...q, speaker: resolve(q.speakerSpan, q.speakerText) }));
  const figures: Figure[] = doc.figures.map((f) => ({ ...f, source: resolve(f.sourceSpan, f.sourceText) }));
  return { ...doc, mentions, quotes, figures };
}

/** The mentions of one article with the roles written with their entities here and known in the batch. */
function antecedentsOf(
  doc: Doc,
  docRefs: readonly MentionRef[],
  idOf: (ref: MentionRef) => string,
  table: EntityTable,
  options: RoleOptions,
): Antecedent[] {
  const byId = new Map(table.list.map((e) => [e.id, e]));
  const written = new Map<string, string[]>();
  for (const ref of docRefs) {
    if (ref.type !== 'PERSON') continue;
    const id = idOf(ref);
    written.set(id, [...(written.get(id) ?? []), ...rolesAt(doc.text, ref, options), ...titleWordsIn(doc.text, ref)]);
  }
  return docRefs.map((ref) => {
    const entity = byId.get(idOf(ref))!;
    return {
      start: ref.mention.start,
      end: ref.mention.end,
      type: ref.type,
      entity: entity.id,
      nameWords: [...new Set([...ref.parts.tokens, ...normalizeName(entity.name).tokens])],
      roles: written.get(entity.id) ?? [],
      knownRoles: ref.type === 'PERSON' ? entity.roles : [],
      sentence: sentenceIndex(doc, ref.mention.start),
    };
  });
}

/** The index of the sentence holding an offset (the number of sentences starting at or before it). */
function sentenceIndex(doc: Doc, at: number): number {
  let n = -1;
  for (const s of doc.sentences) if (s.start <= at) n++;
  return Math.max(0, n);
}

/** Titles written as abbreviations, which roles leave out: "Sen." in "Sen. Okafor" or "Gov. Tadesse said". */
function titleWordsIn(text: string, ref: MentionRef): string[] {
  const inside = /^(?:[\p{Lu}][\p{L}]*\.\s+)+/u.exec(ref.mention.text)?.[0];
  const lineStart = text.lastIndexOf('\n', ref.mention.start - 1) + 1;
  const before = /((?:[\p{Lu}][\p{L}.&-]*[ \t]+){1,3})$/u.exec(
    text.slice(Math.max(lineStart, ref.mention.start - 40), ref.mention.start),
  )?.[1];
  return [inside, before, ref.mention.title].filter((t): t is string => !!t && t.trim().length > 0);
}

const TYPE_RANK: Record<EntityType, number> = { PERSON: 0, ORG: 1, LOC: 2, MISC: 3 };

/** An entity whose name or alias is these words: one named in this article first, else the only one in the batch. */
function matchWords(words: string, local: ReadonlySet<string>, table: EntityTable): string | null {
  const parts = normalizeName(words);
  const acronym = asAcronym(parts.display);
  const key = acronym ? acronym.toLowerCase() : parts.tokens.join(' ');
  const ids = [...(table.idsOfKey.get(key) ?? [])];
  const here = ids.filter((id) => local.has(id));
  if (here.length === 1) return here[0]!;
  if (ids.length === 1) return ids[0]!;
  // A surname or initial form not written as a mention: the one full name it fits in this article.
  const fits = table.list.filter(
    (e) => local.has(e.id) && e.type === 'PERSON' && isShortFormOf(parts.tokens, normalizeName(e.name).tokens),
  );
  return fits.length === 1 ? fits[0]!.id : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { readFileSync } from 'node:fs';
import type { EntityType, Mention, Token } from '../../../model/doc.js';
import type { MentionTagger, TaggerInput } from '../mention-tagger.js';
import type { RuleBasis, RuleTagger, RuledMention } from '../tag-by-rules.js';
import { NER_TAGS, decodeModel, type NerModel } from './ner-model.js';
import { tagWords } from './tag-words.js';
import { lineCasing } from '../line-casing.js';
import { wordStats } from '../gazetteer.js';

/** The committed model, trained by scripts/train-ner.ts (npm run train:ner). */
export const NER_MODEL_URL = new URL('../../../../models/ner/ner-perceptron.bin.gz', import.meta.url);

/** Written beside the model by the training script: its version and how it was trained. */
const NER_MODEL_CARD_URL = new URL('../../../../models/ner/ner-perceptron.json', import.meta.url);

/** The committed model's version, read from its small card so that naming it does not load the weights. */
export function committedNerModelVersion(): string {
  return (JSON.parse(readFileSync(NER_MODEL_CARD_URL, 'utf8')) as { version: string }).version;
}

let committed: NerModel | undefined;
/** Loads the committed model once, on first use: a pipeline that never tags names never pays for it. */
export function committedNerModel(): NerModel {
  committed ??= decodeModel(readFileSync(NER_MODEL_URL));
  return committed;
}

export interface ModelTaggerOptions {
  /** Defaults to the committed model, loaded on first use. */
  model?: NerModel;
  /**
   * The v1 rule tagger, whose titles ("Lt. Gen.", "CIA Director") are copied
   * onto the model's mentions of the same name (the model finds names, not
   * titles). null: titles are left out.
   */
  rules?: RuleTagger | null;
  /** Take the rule tagger's type where one of these rules decided it and the spans match. */
  ruleTypesFrom?: readonly RuleBasis[];
  /**
   * Leave out a lone word never seen capitalised in the training text that the
   * model types ORG and no rule confirms, as the rule tagger leaves out lone
   * unknown words: those are the model's least reliable calls.
   */
  dropUnseenOrgWords?: boolean;
  /**
   * In Title Case lines (headlines) take the rule tagger's names instead of the
   * model's: the model, trained on ALL-CAPS headlines, reads a Title Case
   * headline as one long name.
   */
  rulesInTitleCase?: boolean;
}

const TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

interface Word {
  readonly start: number;
  readonly end: number;
}

/**
 * Words as CoNLL-2003 writes them: tokens glued by a hyphen with no space
 * ("al-Rashed", "Anglo-French") are one word, as the model was trained.
 */
function wordsOf(text: string, tokens: readonly Token[], from: number, to: number): Word[] {
  const out: Word[] = [];
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    const last = out.at(-1);
    if (last && token.start === last.end && (text[token.start] === '-' || text[last.end - 1] === '-')) {
      out[out.length - 1] = { start: last.start, end: token.end };
    } else {
      out.push({ start: token.start, end: token.end });
    }
  }
  return out;
}

function sentencesOfWords(input: TaggerInput): Word[][] {
  const out: Word[][] = [];
  let t = 0;
  for (const sentence of input.sentences) {
    while (t < input.tokens.length && input.tokens[t]!.start < sentence.start) t++;
    const from = t;
    while (t < input.tokens.length && input.tokens[t]!.start < sentence.end) t++;
    if (t > from) out.push(wordsOf(input.text, input.tokens, from, t));
  }
  return out;
}

function mentionsOf(text: string, words: readonly Word[], tags: readonly number[]): Mention[] {
  const out: Mention[] = [];
  let open: { start: number; end: number; type: string } | null = null;
  const close = (): void => {
    if (open) out.push({ start: open.start, end: open.end, text: text.slice(open.start, open.end), type: TYPES[open.type]!, entity: null });
    open = null;
  };
  words.forEach((word, i) => {
    const tag = NER_TAGS[tags[i]!]!;
    if (tag === 'O') return close();
    const type = tag.slice(2);
    if (tag.startsWith('B-') || !open || open.type !== type) {
      close();
      open = { start: word.start, end: word.end, type };
    } else {
      open.end = word.end;
    }
  });
  close();
  return out;
}

interface Ruled {
  readonly mention: Mention;
  /** A rule the caller trusts decided the type. */
  readonly confirmed: boolean;
}

/**
 * Where the rule tagger found the same name (same end), its title is copied
 * onto the model's mention, and its type wins when a trusted rule decided it
 * and the spans match: invented vessels, "Port X" and places named by their
 * adjective in the same article are typed by rules the CoNLL training text
 * has no examples of.
 */
function withRules(mentions: readonly Mention[], ruled: readonly RuledMention[], typesFrom: ReadonlySet<RuleBasis>): Ruled[] {
  const byEnd = new Map<number, RuledMention>();
  for (const m of ruled) byEnd.set(m.end, m);
  return mentions.map((m) => {
    const rule = byEnd.get(m.end);
    if (!rule) return { mention: m, confirmed: false };
    const confirmed = typesFrom.has(rule.basis) && rule.start === m.start;
    const type = confirmed ? rule.type : m.type;
    const title = type === 'PERSON' ? rule.title : undefined;
    return { mention: type === m.type && !title ? m : { ...m, type, ...(title ? { title } : {}) }, confirmed };
  });
}

/**
 * A lone Title-case word absent from the training text, typed ORG by its
 * context alone. Dropping these costs 0.05 F1 on eng.testa (about half are
 * right), and a name that other articles of the batch confirm comes back with
 * their type (resolve-entities); kept, a wrong ORG blocks that.
 */
function isUnseenOrgWord(m: Mention): boolean {
  return m.type === 'ORG' && /^\p{Lu}\p{Ll}+$/u.test(m.text) && wordStats(m.text) === null;
}

function nameKey(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, ' ');
}

/**
 * A name that ends a person's full name elsewhere in the document is that
 * person ("Al-Mansouri" after "Khalil al-Mansouri"): news names someone in
 * full once, then by family name, which alone looks like an organisation.
 */
function asPeopleByFamilyName(mentions: readonly Mention[]): Mention[] {
  const tails = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const parts = nameKey(m.text).split(' ');
    for (let k = 1; k < parts.length; k++) tails.add(parts.slice(k).join(' '));
  }
  return mentions.map((m) => (m.type !== 'PERSON' && tails.has(nameKey(m.text)) ? { ...m, type: 'PERSON' } : m));
}

/**
 * The trained mention tagger: a two-pass averaged perceptron over BIO tags
 * (src/stages/entities/perceptron), typed PERSON/ORG/LOC/MISC.
 */
export function tagByModel({
  model,
  rules = null,
  ruleTypesFrom = [],
  dropUnseenOrgWords = false,
  rulesInTitleCase = false,
}: ModelTaggerOptions = {}): MentionTagger {
  const typesFrom = new Set(ruleTypesFrom);
  return (input: TaggerInput): Mention[] => {
    const sentences = sentencesOfWords(input);
    const words = sentences.map((ws) => ws.map((w) => input.text.slice(w.start, w.end)));
    const tags = tagWords(model ?? committedNerModel(), words);
    const mentions = asPeopleByFamilyName(sentences.flatMap((ws, s) => mentionsOf(input.text, ws, tags[s]!)));
    if (!rules) return mentions;
    const ruleMentions = rules(input);
    const kept = withRules(mentions, ruleMentions, typesFrom)
      .filter((r) => !dropUnseenOrgWords || r.confirmed || !isUnseenOrgWord(r.mention))
      .map((r) => r.mention);
    if (!rulesInTitleCase) return kept;
    const titleLines = sentences.filter((_, s) => lineCasing(words[s]!) === 'title').map((ws) => ({ start: ws[0]!.start, end: ws.at(-1)!.end }));
    if (titleLines.length === 0) return kept;
    const inTitleLine = (m: Mention): boolean => titleLines.some((line) => line.start <= m.start && m.end <= line.end);
    const fromRules = ruleMentions.filter(inTitleLine).map(({ basis: _basis, ...m }) => m);
    return [...kept.filter((m) => !inTitleLine(m)), ...fromRules].sort((a, b) => a.start - b.start);
  };
}

import { readFileSync } from 'node:fs';
import type { EntityType, Mention, Token } from '../../../model/doc.js';
import type { MentionTagger, TaggerInput } from '../mention-tagger.js';
import { NER_TAGS, decodeModel, type NerModel } from './ner-model.js';
import { tagWords } from './tag-words.js';

/** The committed model, trained by scripts/train-ner.ts (npm run train:ner). */
export const NER_MODEL_URL = new URL('../../../../models/ner/ner-perceptron.bin.gz', import.meta.url);

/** Written beside the model by the training script: its version and how it was trained. */
export const NER_MODEL_CARD_URL = new URL('../../../../models/ner/ner-perceptron.json', import.meta.url);

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
  rules?: MentionTagger | null;
  /** Also take the rule tagger's type where it is sure of it and the spans match. */
  sureRuleTypes?: boolean;
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

/**
 * Where the rule tagger found the same name (same end), its title is copied
 * onto the model's mention, and its type wins when a list or cue decided it
 * (not guessed) and the spans match: the sample corpus's invented vessels and
 * "al-" names are typed by rules the CoNLL training text has no examples of.
 */
function withRules(mentions: readonly Mention[], ruled: readonly Mention[], sureTypes: boolean): Mention[] {
  const byEnd = new Map<number, Mention>();
  for (const m of ruled) byEnd.set(m.end, m);
  return mentions.map((m) => {
    const rule = byEnd.get(m.end);
    if (!rule) return m;
    const type = sureTypes && !rule.guessed && rule.start === m.start ? rule.type : m.type;
    const title = type === 'PERSON' ? rule.title : undefined;
    return type === m.type && !title ? m : { ...m, type, ...(title ? { title } : {}) };
  });
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
export function tagByModel({ model, rules = null, sureRuleTypes = false }: ModelTaggerOptions = {}): MentionTagger {
  return (input: TaggerInput): Mention[] => {
    const sentences = sentencesOfWords(input);
    const tags = tagWords(
      model ?? committedNerModel(),
      sentences.map((words) => words.map((w) => input.text.slice(w.start, w.end))),
    );
    const mentions = asPeopleByFamilyName(sentences.flatMap((words, s) => mentionsOf(input.text, words, tags[s]!)));
    return rules ? withRules(mentions, rules(input), sureRuleTypes) : mentions;
  };
}

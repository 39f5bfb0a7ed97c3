import { readFileSync } from 'node:fs';
import type { EntityType, Mention, Token } from '../../../model/doc.js';
import type { MentionTagger, TaggerInput } from '../mention-tagger.js';
import { NER_TAGS, decodeModel, type NerModel } from './ner-model.js';
import { tagWords } from './tag-words.js';

/** The committed model, trained by scripts/train-ner.ts (npm run train:ner). */
export const NER_MODEL_URL = new URL('../../../../models/ner/ner-perceptron.bin.gz', import.meta.url);

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
   * A tagger whose titles ("Lt. Gen.", "CIA Director") are copied onto the
   * model's mentions of the same name; the model finds names, not titles.
   * null: titles are left out.
   */
  titles?: MentionTagger | null;
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

/** Copies the title of the other tagger's mention that ends where the model's mention ends. */
function withTitles(mentions: readonly Mention[], titled: readonly Mention[]): Mention[] {
  const titles = new Map<number, string>();
  for (const m of titled) if (m.title) titles.set(m.end, m.title);
  return mentions.map((m) => {
    const title = m.type === 'PERSON' ? titles.get(m.end) : undefined;
    return title ? { ...m, title } : m;
  });
}

/**
 * The trained mention tagger: a two-pass averaged perceptron over BIO tags
 * (src/stages/entities/perceptron), typed PERSON/ORG/LOC/MISC.
 */
export function tagByModel({ model, titles = null }: ModelTaggerOptions = {}): MentionTagger {
  return (input: TaggerInput): Mention[] => {
    const sentences = sentencesOfWords(input);
    const tags = tagWords(
      model ?? committedNerModel(),
      sentences.map((words) => words.map((w) => input.text.slice(w.start, w.end))),
    );
    const mentions = sentences.flatMap((words, s) => mentionsOf(input.text, words, tags[s]!));
    return titles ? withTitles(mentions, titles(input)) : mentions;
  };
}

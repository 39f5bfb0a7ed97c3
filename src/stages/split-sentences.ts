import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence, Token } from '../model/doc.js';
import type { DocStage } from '../model/stage.js';

type Wink = ReturnType<typeof winkNLP>;
let wink: Wink | undefined;
// Loading the model takes ~150 ms: do it once, on first use, not on import.
function getWink(): Wink {
  wink ??= winkNLP(model);
  return wink;
}

export interface SplitSentencesOptions {
  /** Longest line handed to the tagger at once; longer lines are cut at spaces. */
  maxBlockChars?: number;
}

/**
 * Sentences and tokens with Universal POS tags (wink-nlp). Every line is
 * split on its own: a line break always ends a sentence, since clean text puts
 * paragraphs, headings and list items on lines of their own.
 */
export function splitSentences({ maxBlockChars = 20_000 }: SplitSentencesOptions = {}): DocStage {
  return {
    kind: 'doc',
    name: 'split-sentences',
    version: '1',
    requires: ['text'],
    provides: ['sentences', 'tokens'],
    run(doc: Doc): Doc {
      const { sentences, tokens } = tokenize(doc.text, maxBlockChars);
      return { ...doc, sentences, tokens };
    },
  };
}

/** Sentences and tokens of a text, offsets into it. */
export function tokenize(text: string, maxBlockChars = 20_000): { sentences: Sentence[]; tokens: Token[] } {
  const nlp = getWink();
  const its = nlp.its;
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  for (const block of blocks(text, maxBlockChars)) {
    const winkDoc = nlp.readDoc(block.text);
    const values = winkDoc.tokens().out(its.value) as string[];
    const tags = winkDoc.tokens().out(its.pos) as string[];
    const spans = winkDoc.sentences().out(its.span) as unknown as [number, number][];
    const first = tokens.length;
    let cursor = 0;
    const offsets: (Token | null)[] = values.map((value, i) => {
      const at = block.text.indexOf(value, cursor);
      // wink may normalise a token (rare); such a token keeps no span of its own.
      if (at < 0 || at - cursor > 64) return null;
      cursor = at + value.length;
      return { start: block.start + at, end: block.start + at + value.length, pos: tags[i] ?? 'X' };
    });
    for (const token of offsets) if (token) tokens.push(token);
    for (const [from, to] of spans) {
      const firstToken = offsets.slice(from, to + 1).find((t) => t !== null);
      const lastToken = offsets.slice(from, to + 1).reverse().find((t) => t !== null);
      if (firstToken && lastToken) sentences.push({ start: firstToken.start, end: lastToken.end });
    }
    if (tokens.length > first && sentences.length === 0) sentences.push({ start: tokens[first]!.start, end: tokens.at(-1)!.end });
  }
  return { sentences, tokens };
}

interface Block {
  start: number;
  text: string;
}

function* blocks(text: string, maxChars: number): Generator<Block> {
  const line = /[^\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    if (!m[0].trim()) continue;
    let start = m.index;
    let rest = m[0];
    while (rest.length > maxChars) {
      const cut = rest.lastIndexOf(' ', maxChars);
      const at = cut > 0 ? cut : maxChars;
      yield { start, text: rest.slice(0, at) };
      start += at;
      rest = rest.slice(at);
    }
    yield { start, text: rest };
  }
}

import type { Span } from './span.js';
import type { Message } from './message.js';

export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'MISC';

/** One sentence of the clean text. */
export type Sentence = Span;

/** One token of the clean text; `pos` is a Universal POS tag when known. */
export interface Token extends Span {
  readonly pos?: string;
}

/** A name in the text. `entity` is filled by the cross-document entity stage. */
export interface Mention extends Span {
  readonly text: string;
  readonly type: EntityType;
  readonly entity: string | null;
  /** A title or role written before the name ("CIA Director", "Sen."), if any. */
  readonly title?: string;
  /** true: the type is a guess from the words alone, with no list, cue or other mention to confirm it. */
  readonly guessed?: boolean;
}

/** A direct, partial or indirect quote. */
export interface Quote extends Span {
  readonly text: string;
  /** Entity id of the speaker, filled by the cross-document entity stage. */
  readonly speaker: string | null;
  /** The words naming the speaker as this article writes them ("Ms. Okafor", "a senior official", "he"). */
  readonly speakerText: string | null;
  /** Where those words are, so the entity stage can resolve them. */
  readonly speakerSpan?: Span;
  /** false: indirect speech ("X said that ..."). */
  readonly direct: boolean;
  /** The reporting verb or phrase ("said", "according to"). */
  readonly cue?: string;
  /** A quote of one or two words used as a label, not as a statement. */
  readonly partial?: boolean;
  /** When the source is written as a pronoun ("she said"): where it is; `speakerText` keeps the pronoun and `speakerSpan` points at the person it refers to. */
  readonly speakerPronoun?: Span;
  /**
   * What kind of source the quote is given, as the article writes it.
   * named: a proper name ("Okafor", "the Health Ministry", "press secretary Ana Ruiz");
   * pronoun: "he", "she", "they", "we";
   * nominal: a definite description that refers back to someone or something ("the minister",
   * "the ministry", "the group", "her spokesman");
   * anonymous: an unnamed source that stays unnamed, `speakerText` keeping how it is described
   * ("a senior U.S. official", "officials", "two people familiar with the talks", "sources",
   * and "the official" when it points back to one of those);
   * unattributed: no source at all (banners, signs, slogans, chants, recorded messages,
   * scare and label quotes, the writer's own hedged claims); `speakerText` is null.
   */
  readonly sourceKind?: 'named' | 'pronoun' | 'nominal' | 'anonymous' | 'unattributed';
}

/** A number that counts something. */
export interface Figure extends Span {
  readonly text: string;
  readonly value: number;
  /** Upper end of a range ("between 200 and 300"), when there is one. */
  readonly high?: number;
  readonly qualifier: string | null;
  readonly unit: string | null;
  /** What is counted ("people killed in the flooding"). */
  readonly about: string | null;
  /** Head noun of what is counted, lower-case ("hostages" in "remaining hostages"); null when only a verb says it. */
  readonly head?: string | null;
  /** What happened to what is counted ("died", "rescued", "missing", "on board"): tells "41 people" from "212 people". */
  readonly predicate?: string | null;
  /** Entity id of the source the figure is attributed to (cross-document stage). */
  readonly source: string | null;
  /** The words naming that source ("the health ministry"). */
  readonly sourceText?: string | null;
  readonly sourceSpan?: Span;
  /** The values the figure allows, qualifier read ("more than 300": low 300, high null = open). */
  readonly interval?: { readonly low: number | null; readonly high: number | null };
  /** The date words the count holds for ("Tuesday" in "as of Tuesday, 412 cases"). */
  readonly asOf?: string | null;
  /** Words that hedge the figure ("unconfirmed", "preliminary", "reportedly"). */
  readonly hedge?: string | null;
}

/** A time expression with a TIMEX3-style value (2024-02-13, 2024-02, P3D, PAST_REF...). */
export interface DateMention extends Span {
  readonly text: string;
  readonly value: string;
}

/** A block removed while cleaning, kept for inspection. */
export interface Removed {
  readonly text: string;
  readonly reason: string;
}

/** What the input gave us before any stage ran. */
export interface RawInput {
  readonly html?: string;
  readonly text?: string;
  readonly url?: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly byline?: readonly string[];
  readonly published?: string;
  /** false: keep `text` as the article text, character for character. */
  readonly clean: boolean;
  /** Reference date (YYYY-MM-DD) for inputs that carry none. */
  readonly referenceDate?: string;
}

/**
 * One article. After the clean stage `text` never changes; every layer is a
 * list of spans into it. Stages return a new Doc rather than mutating one.
 */
export interface Doc {
  readonly id: string;
  /** The path or URL as given (a .jsonl article's id). */
  readonly source: string;
  readonly raw: RawInput;
  readonly text: string;
  readonly removed: readonly Removed[];
  readonly title: string | null;
  readonly byline: readonly string[];
  readonly outlet: string | null;
  readonly published: string | null;
  /** Where `published` came from: "input", "meta", "json-ld", "url", "text", "inferred"... */
  readonly publishedFrom?: string;
  readonly language: string;
  /** The extraction strategy that produced `text` (recorded, per STYLE). */
  readonly extractedBy?: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly quotes: readonly Quote[];
  readonly figures: readonly Figure[];
  readonly dates: readonly DateMention[];
  readonly messages: readonly Message[];
  /** Set when a stage threw on this article: the rest of the batch goes on. */
  readonly failed?: boolean;
}

/** The layers a stage can require or provide: the Doc's field names. */
export type DocLayer =
  | 'raw'
  | 'text'
  | 'removed'
  | 'title'
  | 'byline'
  | 'outlet'
  | 'published'
  | 'language'
  | 'sentences'
  | 'tokens'
  | 'mentions'
  | 'quotes'
  | 'figures'
  | 'dates';

/** A fresh Doc holding only its input; every layer empty. */
export function newDoc(id: string, source: string, raw: RawInput): Doc {
  return {
    id,
    source,
    raw,
    text: '',
    removed: [],
    title: raw.title ?? null,
    byline: raw.byline ?? [],
    outlet: raw.outlet ?? null,
    published: raw.published ?? null,
    ...(raw.published ? { publishedFrom: 'input' } : {}),
    language: 'und',
    sentences: [],
    tokens: [],
    mentions: [],
    quotes: [],
    figures: [],
    dates: [],
    messages: [],
  };
}

/** A short, readable name for an article's source: a URL's host, else a path's file name. */
export function sourceLabel(source: string): string {
  try {
    const url = new URL(source);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.host;
  } catch {
    // not a URL: a path or a .jsonl id
  }
  return source.split(/[\\/]/).at(-1) || source;
}

/** How to name an article to a reader: its outlet, else its source's file or host (never a content-hash id). */
export function articleLabel(doc: Pick<Doc, 'outlet' | 'source'>): string {
  return doc.outlet ?? sourceLabel(doc.source);
}

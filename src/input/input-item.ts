import type { RawInput } from '../model/doc.js';

/** One article read from a file, a .jsonl line, a URL or a feed item. */
export interface InputItem {
  /** Article id: the .jsonl id when given, else derived from the content. */
  readonly id: string;
  /** The path or URL as given (a .jsonl article's id). */
  readonly source: string;
  readonly raw: RawInput;
  /** The encoding the bytes were decoded with, and where it came from ("windows-1252 (meta)"). */
  readonly encoding?: string;
  /** For a feed item: the feed (path or URL as given) it came from. */
  readonly feed?: string;
}

/** An input that could not be read; the batch goes on without it. */
export interface InputFailure {
  readonly source: string;
  readonly code: import('../model/errors.js').ErrorCode;
  /** One line: what was expected, what was found, what to do. */
  readonly message: string;
}

export type InputResult = { readonly ok: true; readonly item: InputItem } | { readonly ok: false; readonly failure: InputFailure };

/** Every error code crosscheck raises, with the exit code the CLI uses for it. */
/**
 * Exit codes: 1 = some inputs or articles failed (the rest were processed),
 * 2 = invalid command line, 3 = the run could not go on (store, pipeline),
 * 4 = the thing asked for does not exist.
 */
export const ErrorCodes = {
  INPUT_NOT_FOUND: { exit: 1, summary: 'input not found' },
  INPUT_EMPTY: { exit: 1, summary: 'input is empty' },
  INPUT_BINARY: { exit: 1, summary: 'input is not text' },
  INPUT_TOO_LARGE: { exit: 1, summary: 'input is too large' },
  INPUT_ENCODING: { exit: 1, summary: 'input encoding is broken' },
  INPUT_FORMAT: { exit: 1, summary: 'input format is invalid' },
  INPUT_NOT_ARTICLE: { exit: 1, summary: 'input is not an article' },
  FETCH_FAILED: { exit: 1, summary: 'URL could not be fetched' },
  FETCH_BLOCKED: { exit: 1, summary: 'URL target is not allowed' },
  STAGE_FAILED: { exit: 1, summary: 'a stage failed on an article' },
  USAGE: { exit: 2, summary: 'invalid command line' },
  PIPELINE_INVALID: { exit: 3, summary: 'pipeline is misconfigured' },
  STORE_FAILED: { exit: 3, summary: 'the store failed' },
  NOT_FOUND: { exit: 4, summary: 'not found' },
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/**
 * The one error class. Messages say what was expected, what was found and
 * what to do: `expected an .html, .txt or .jsonl file, got "x.pdf" (binary); convert it to text first`.
 */
export class CrosscheckError extends Error {
  readonly code: ErrorCode;
  /** The input (path or URL) the error is about, when there is one. */
  readonly input?: string;

  constructor(code: ErrorCode, message: string, options: { input?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CrosscheckError';
    this.code = code;
    if (options.input !== undefined) this.input = options.input;
  }

  get exitCode(): number {
    return ErrorCodes[this.code].exit;
  }
}

export function isCrosscheckError(error: unknown): error is CrosscheckError {
  return error instanceof CrosscheckError;
}

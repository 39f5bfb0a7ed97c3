import { isCrosscheckError } from '../model/errors.js';

/** The error codes the HTTP API answers with, and their statuses. */
export const HttpErrorCodes = {
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  /** Writes are off because the server has no CROSSCHECK_TOKEN. */
  WRITES_DISABLED: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  STORE_FAILED: 503,
  INTERNAL: 500,
} as const;

export type HttpErrorCode = keyof typeof HttpErrorCodes;

/** The body of every API error: `{error: {code, message}}`. */
export interface HttpErrorBody {
  readonly error: { readonly code: HttpErrorCode; readonly message: string };
}

/**
 * A failure the handler expected (bad input, unknown id). Thrown rather than
 * returned so pages and API share one error path in `createApp`.
 */
export class HttpFailure extends Error {
  readonly code: HttpErrorCode;
  constructor(code: HttpErrorCode, message: string) {
    super(message);
    this.name = 'HttpFailure';
    this.code = code;
  }
}

export function toHttpError(error: unknown): { status: (typeof HttpErrorCodes)[HttpErrorCode]; body: HttpErrorBody } {
  if (error instanceof HttpFailure)
    return { status: HttpErrorCodes[error.code], body: { error: { code: error.code, message: error.message } } };
  // The two CrosscheckError codes a request can meet (a missing id, a failing store) share the API's names.
  if (isCrosscheckError(error) && (error.code === 'NOT_FOUND' || error.code === 'STORE_FAILED'))
    return { status: HttpErrorCodes[error.code], body: { error: { code: error.code, message: error.message } } };
  // Unexpected errors may carry internals (paths, SQL); the log has the details, the client a plain sentence.
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'an unexpected error occurred; see the server log' } } };
}

import { isIP } from 'node:net';
import { pipeline } from 'node:stream';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createUnzip } from 'node:zlib';
import { Agent, request } from 'undici';
import { CrosscheckError, isCrosscheckError } from '../model/errors.js';
import { BlockedAddressError, guardedLookup, isPublicAddress, type AddressPolicy } from './guard-address.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;

export interface FetchUrlOptions {
  /** Allow loopback, private and link-local targets (a local test server, an intranet). */
  readonly allowPrivate?: boolean;
  /** Cap on the decoded body, in bytes. */
  readonly maxBytes?: number;
  /** For the whole fetch: every redirect and the body included. */
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  /** Overrides the address check (tests); `allowPrivate` is ignored when given. */
  readonly addressPolicy?: AddressPolicy;
  readonly signal?: AbortSignal;
}

export interface FetchedResource {
  /** The URL after redirects. */
  readonly url: string;
  /** The media type without parameters, lower case; null when the server sent none. */
  readonly mediaType: string | null;
  /** The whole Content-Type header, for its charset. */
  readonly contentType: string | null;
  readonly bytes: Buffer;
}

/** Fetches with a URL given by the user or a feed: the only way crosscheck reaches the network. */
export type FetchUrl = (url: string, options?: FetchUrlOptions) => Promise<FetchedResource>;

// Types a news page, a text or a feed is served as. Missing and octet-stream
// types are let through and sniffed, as servers often mislabel saved pages.
const TEXT_TYPES = /^(text\/[\w.+-]+|application\/(xhtml\+xml|xml|[\w.-]+\+xml|octet-stream))$/;

/**
 * GETs an http(s) URL under bounds: every connection is checked against the
 * address policy (at DNS time, so redirects and rebinding are covered), at most
 * `maxRedirects` redirects, `timeoutMs` for everything, `maxBytes` of body
 * after gzip/deflate/br decoding. Non-text media types are refused before the
 * body is read. Throws CrosscheckError: FETCH_FAILED, FETCH_BLOCKED,
 * INPUT_TOO_LARGE or INPUT_FORMAT.
 */
export async function fetchUrl(
  url: string,
  {
    allowPrivate = false,
    maxBytes = DEFAULT_MAX_BYTES,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxRedirects = DEFAULT_MAX_REDIRECTS,
    addressPolicy,
    signal,
  }: FetchUrlOptions = {},
): Promise<FetchedResource> {
  const policy: AddressPolicy = addressPolicy ?? (allowPrivate ? () => true : isPublicAddress);
  const agent = new Agent({ connect: { lookup: guardedLookup(policy), timeout: timeoutMs } });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let current = parseHttpUrl(url, url);
    for (let redirects = 0; ; redirects++) {
      checkLiteralAddress(current, url, policy);
      const response = await request(current, {
        method: 'GET',
        dispatcher: agent,
        signal: controller.signal,
        headers: {
          'user-agent': 'crosscheck/0.1 (news cross-checking; +https://example.invalid/crosscheck)',
          accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1',
          'accept-encoding': 'gzip, deflate, br',
        },
      });
      const { statusCode, headers, body } = response;
      const location = header(headers, 'location');
      if (statusCode >= 300 && statusCode < 400 && location) {
        discard(body);
        if (redirects >= maxRedirects) {
          throw new CrosscheckError('FETCH_FAILED', `could not fetch "${url}": more than ${maxRedirects} redirects (last to ${location}); use the final URL instead`, { input: url });
        }
        current = parseHttpUrl(new URL(location, current).href, url);
        continue;
      }
      if (statusCode < 200 || statusCode >= 300) {
        discard(body);
        throw new CrosscheckError('FETCH_FAILED', `could not fetch "${url}": the server answered HTTP ${statusCode}; check the URL or save the page and pass the file`, { input: url });
      }
      const contentType = header(headers, 'content-type') ?? null;
      const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() || null;
      if (mediaType && !TEXT_TYPES.test(mediaType)) {
        discard(body);
        throw new CrosscheckError('INPUT_FORMAT', `expected an HTML page, plain text or a feed at "${url}", found ${mediaType}; pass the URL of the article page`, { input: url });
      }
      const length = Number(header(headers, 'content-length'));
      const encoding = header(headers, 'content-encoding')?.trim().toLowerCase();
      if (Number.isFinite(length) && length > maxBytes && (!encoding || encoding === 'identity')) {
        discard(body);
        throw tooLarge(url, maxBytes);
      }
      const bytes = await readBody(body, encoding, maxBytes, url);
      return { url: current.href, mediaType, contentType, bytes };
    }
  } catch (error) {
    if (controller.signal.aborted && !signal?.aborted) {
      throw new CrosscheckError('FETCH_FAILED', `could not fetch "${url}": timed out after ${formatSeconds(timeoutMs)}; try again later or raise the timeout`, { input: url, cause: error });
    }
    throw toCrosscheckError(error, url);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    agent.destroy().catch(() => undefined);
  }
}

// A destroyed undici body emits "Request aborted"; without a listener that error would be uncaught.
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function parseHttpUrl(href: string, input: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    throw new CrosscheckError('FETCH_FAILED', `could not fetch "${input}": "${href}" is not a valid URL; check it`, { input });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new CrosscheckError('FETCH_BLOCKED', `expected an http or https URL for "${input}", found ${parsed.protocol} (${href}); only web URLs are fetched`, { input });
  }
  return parsed;
}

// net.connect skips the lookup for IP literals, so they are checked here.
function checkLiteralAddress(url: URL, input: string, policy: AddressPolicy): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !policy(host)) throw blocked(input, url.hostname, host);
}

function blocked(input: string, host: string, address: string): CrosscheckError {
  return new CrosscheckError(
    'FETCH_BLOCKED',
    `refused to fetch "${input}": ${host === address ? host : `${host} resolves to ${address}, which`} is a loopback, private or link-local address; pass --allow-private to read local servers`,
    { input },
  );
}

function tooLarge(url: string, maxBytes: number): CrosscheckError {
  return new CrosscheckError('INPUT_TOO_LARGE', `expected at most ${formatBytes(maxBytes)} from "${url}", found more; save the article alone or raise the size limit`, { input: url });
}

async function readBody(body: Readable, encoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  let decompressor: Transform | undefined;
  if (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate') decompressor = createUnzip();
  else if (encoding === 'br') decompressor = createBrotliDecompress();
  else if (encoding && encoding !== 'identity') {
    discard(body);
    throw new CrosscheckError('FETCH_FAILED', `could not fetch "${url}": unsupported content encoding "${encoding}"; save the page and pass the file`, { input: url });
  }
  const stream: Readable = decompressor ? (pipeline(body, decompressor, () => undefined) as Readable) : body;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(url, maxBytes);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    discard(body);
    if (isCrosscheckError(error)) throw error;
    if (decompressor && (error as { code?: string }).code?.startsWith('Z_')) {
      throw new CrosscheckError('FETCH_FAILED', `could not fetch "${url}": the ${encoding} body is corrupt; try again later`, { input: url, cause: error });
    }
    throw error;
  }
  return Buffer.concat(chunks, total);
}

function toCrosscheckError(error: unknown, url: string): CrosscheckError {
  if (isCrosscheckError(error)) return error;
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof BlockedAddressError) return blocked(url, e.host, e.address);
  }
  const code = errorCode(error);
  const reason =
    code === 'ENOTFOUND' || code === 'EAI_NONAME'
      ? 'the host name does not resolve'
      : code === 'EAI_AGAIN'
        ? 'the host name could not be resolved (DNS unavailable)'
        : code === 'ECONNREFUSED'
          ? 'the connection was refused'
          : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
            ? 'the connection was reset'
            : code === 'UND_ERR_CONNECT_TIMEOUT'
              ? 'the connection timed out'
              : code?.startsWith('ERR_TLS') || code?.includes('CERT')
                ? `a TLS problem (${code})`
                : `${error instanceof Error ? error.message : String(error)}${code ? ` (${code})` : ''}`;
  return new CrosscheckError('FETCH_FAILED', `could not fetch "${url}": ${reason}; check the URL and your connection`, { input: url, cause: error });
}

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`;
}

export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB` : `${bytes} bytes`;
}

import type { Dirent } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RawInput } from '../model/doc.js';
import { CrosscheckError, isCrosscheckError, type ErrorCode } from '../model/errors.js';
import { contentId } from './content-id.js';
import { decodeBytes, type DecodedText, type TextKind } from './decode-bytes.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, fetchUrl, formatBytes, type FetchedResource, type FetchUrl } from './fetch-url.js';
import type { InputItem, InputResult } from './input-item.js';
import { parseJsonl } from './parse-jsonl.js';
import { looksLikeFeed, readFeed, type Feed } from './read-feed.js';

export interface ReadInputsOptions {
  /** false (`--no-clean`): keep a file's text as the article text, character for character. */
  readonly clean?: boolean;
  /** YYYY-MM-DD set on every article, for those that carry no date of their own. */
  readonly referenceDate?: string;
  /** Allow URLs (and feed links) that resolve to loopback, private or link-local addresses. */
  readonly allowPrivate?: boolean;
  /** Per file, per HTTP response (after decompression). */
  readonly maxBytes?: number;
  /** Per URL, redirects and body included. */
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  /** Feed items with less body text than this get their page fetched. */
  readonly minFeedBodyChars?: number;
  /** Replaces the guarded fetch (tests, or a caller with its own cache). */
  readonly fetch?: FetchUrl;
  /** Non-fatal problems: skipped files, guessed encodings, replaced bytes, short feed items. */
  readonly onWarning?: (source: string, message: string) => void;
}

type FileKind = 'html' | 'text' | 'jsonl' | 'feed';

const EXTENSIONS: Record<string, FileKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

// A feed summary shorter than this is a teaser, not the article: fetch the page.
const DEFAULT_MIN_FEED_BODY_CHARS = 200;

interface Context {
  readonly clean: boolean;
  readonly referenceDate: string | undefined;
  readonly maxBytes: number;
  readonly fetch: (url: string) => Promise<FetchedResource>;
  readonly minFeedBodyChars: number;
  readonly warn: (source: string, message: string) => void;
}

/**
 * Reads files, folders (recursively, in sorted order), .jsonl files, URLs and
 * RSS/Atom feeds into one result per article or per input that failed, in the
 * order given. A bad input is a failure result, never an exception; only
 * invalid options throw. An article whose content equals an earlier one's is
 * skipped with a warning (it would get the same id); a .jsonl id used twice is a failure.
 */
export async function* readInputs(
  specs: readonly string[],
  {
    clean = true,
    referenceDate,
    allowPrivate = false,
    maxBytes = DEFAULT_MAX_BYTES,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxRedirects = DEFAULT_MAX_REDIRECTS,
    minFeedBodyChars = DEFAULT_MIN_FEED_BODY_CHARS,
    fetch = fetchUrl,
    onWarning,
  }: ReadInputsOptions = {},
): AsyncGenerator<InputResult> {
  if (!Array.isArray(specs)) throw new TypeError('readInputs: specs must be an array of paths or URLs');
  for (const [name, value] of Object.entries({ maxBytes, timeoutMs })) {
    if (!(value > 0)) throw new RangeError(`readInputs: ${name} must be a positive number, got ${value}`);
  }
  if (!(maxRedirects >= 0)) throw new RangeError(`readInputs: maxRedirects must be 0 or more, got ${maxRedirects}`);
  if (referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) {
    throw new CrosscheckError('USAGE', `expected the reference date as YYYY-MM-DD, got "${referenceDate}"; write e.g. --published 2024-02-13`);
  }
  const ctx: Context = {
    clean,
    referenceDate,
    maxBytes,
    minFeedBodyChars,
    fetch: (url) => fetch(url, { allowPrivate, maxBytes, timeoutMs, maxRedirects }),
    warn: (source, message) => onWarning?.(source, message),
  };
  const seen = new Map<string, string>();
  for (const spec of specs) {
    for await (const result of readSpec(spec, ctx)) {
      if (!result.ok) {
        yield result;
        continue;
      }
      const { item } = result;
      const earlier = seen.get(item.id);
      if (earlier === undefined) {
        seen.set(item.id, item.source);
        yield result;
      } else if (item.id === item.source) {
        yield failure(item.source, 'INPUT_FORMAT', `expected unique .jsonl ids, found "${item.id}" again; give each article its own id`);
      } else {
        ctx.warn(item.source, `skipped: same content as "${earlier}" (id ${item.id})`);
      }
    }
  }
}

async function* readSpec(spec: string, ctx: Context): AsyncGenerator<InputResult> {
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
      yield* readUrl(spec, ctx);
      return;
    }
    const info = await statOrFail(spec);
    if (info.isDirectory()) {
      for await (const entry of walk(spec, ctx, new Set())) {
        if (typeof entry === 'string') yield* guard(entry, readFile(entry, ctx, true));
        else yield entry;
      }
    } else if (info.isFile()) {
      yield* readFile(spec, ctx, false);
    } else {
      yield failure(spec, 'INPUT_FORMAT', `expected a file, a folder or a URL, found "${spec}" is a special file; pass a regular file`);
    }
  } catch (error) {
    yield toFailure(spec, error);
  }
}

/** Turns one input's error into its failure so the inputs after it still run. */
async function* guard(source: string, results: AsyncGenerator<InputResult>): AsyncGenerator<InputResult> {
  try {
    yield* results;
  } catch (error) {
    yield toFailure(source, error);
  }
}

async function statOrFail(path: string): Promise<import('node:fs').Stats> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const found = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : `it cannot be read (${code ?? (error as Error).message})`;
    throw new CrosscheckError('INPUT_NOT_FOUND', `expected a file, a folder or an http(s) URL, found "${path}": ${found}; check the path`, { input: path });
  }
}

/** The readable files under a folder, or a failure for a subfolder that cannot be listed. */
async function* walk(dir: string, ctx: Context, visited: Set<string>): AsyncGenerator<string | InputResult> {
  let entries: Dirent[];
  try {
    const real = await realpath(dir);
    if (visited.has(real)) {
      ctx.warn(dir, 'skipped: a symbolic link back into a folder already read');
      return;
    }
    visited.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield toFailure(dir, error);
    return;
  }
  // Code-unit order, not locale order: the same folder reads the same on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.name.startsWith('.')) {
      ctx.warn(path, 'skipped: hidden file or folder');
      continue;
    }
    const type = await entryType(entry, path);
    if (type === 'dir') yield* walk(path, ctx, visited);
    else if (type === 'file' && kindOf(path)) yield path;
    // A folder of articles often carries its own notes (README.md); they are not articles.
    else if (type === 'file' && /\.(md|markdown)$/i.test(entry.name)) continue;
    else if (type === 'file') ctx.warn(path, 'skipped: expected .html, .htm, .txt, .jsonl, .xml/.rss/.atom (or .gz of them); rename it if it is one of these');
    else ctx.warn(path, 'skipped: not a regular file (a broken link?)');
  }
}

async function entryType(entry: Dirent, path: string): Promise<'dir' | 'file' | 'other'> {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    const target = await stat(path);
    return target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

function kindOf(path: string): { kind: FileKind; gzip: boolean } | undefined {
  const name = basename(path).toLowerCase();
  const gzip = name.endsWith('.gz');
  const kind = EXTENSIONS[extname(gzip ? name.slice(0, -3) : name)];
  return kind ? { kind, gzip } : undefined;
}

async function* readFile(path: string, ctx: Context, inFolder: boolean): AsyncGenerator<InputResult> {
  const type = kindOf(path);
  // A folder only yields known kinds; a file named on the command line is sniffed.
  if (!type && inFolder) return;
  const bytes = maybeGunzip(await readCapped(path, ctx.maxBytes), path, ctx.maxBytes, type?.gzip ?? false);
  if (type?.kind === 'jsonl') {
    const decoded = decode(bytes, path, 'text', null, ctx);
    yield* parseJsonl(decoded.text, path, { clean: ctx.clean, ...(ctx.referenceDate ? { referenceDate: ctx.referenceDate } : {}) });
    return;
  }
  const decoded = decode(bytes, path, type?.kind === 'text' ? 'text' : type?.kind === 'feed' ? 'xml' : 'html', null, ctx);
  if (type?.kind !== 'text' && looksLikeFeed(decoded.text)) {
    yield* readFeedItems(readFeedOrFail(decoded.text, path, undefined), path, ctx);
    return;
  }
  if (type?.kind === 'feed') {
    yield failure(path, 'INPUT_FORMAT', `expected an RSS or Atom feed in "${path}", found no <rss>, <feed> or <rdf:RDF> root; pass feeds as .xml/.rss/.atom and pages as .html`);
    return;
  }
  const asHtml = type ? type.kind === 'html' : looksLikeHtml(decoded.text);
  yield { ok: true, item: itemFor(path, asHtml ? { html: decoded.text } : { text: decoded.text }, decoded, ctx) };
}

async function* readUrl(url: string, ctx: Context): AsyncGenerator<InputResult> {
  const fetched = await ctx.fetch(url);
  const bytes = maybeGunzip(fetched.bytes, url, ctx.maxBytes, false);
  const media = fetched.mediaType ?? '';
  const decoded = decode(bytes, url, /xml/.test(media) && !/xhtml/.test(media) ? 'xml' : media === 'text/plain' ? 'text' : 'html', fetched.contentType, ctx);
  if (/(rss|atom|rdf)\+xml/.test(media) || (media !== 'text/plain' && looksLikeFeed(decoded.text))) {
    yield* readFeedItems(readFeedOrFail(decoded.text, url, fetched.url), url, ctx);
    return;
  }
  yield { ok: true, item: itemFor(url, { ...pageBody(media, decoded.text), url: fetched.url }, decoded, ctx) };
}

async function* readFeedItems(feed: Feed, feedSource: string, ctx: Context): AsyncGenerator<InputResult> {
  if (feed.items.length === 0) ctx.warn(feedSource, `the ${feed.format} feed has no items`);
  for (const [index, entry] of feed.items.entries()) {
    const source = entry.url ?? `${feedSource}#${index + 1}`;
    let body: Pick<RawInput, 'html' | 'text'> | undefined = entry.html ? { html: entry.html } : undefined;
    let url = entry.url;
    let decoded: DecodedText | undefined;
    if (visibleLength(entry.html ?? '') < ctx.minFeedBodyChars && entry.url && /^https?:\/\//i.test(entry.url)) {
      try {
        const page = await ctx.fetch(entry.url);
        decoded = decode(maybeGunzip(page.bytes, entry.url, ctx.maxBytes, false), entry.url, 'html', page.contentType, ctx);
        body = pageBody(page.mediaType ?? '', decoded.text);
        url = page.url;
      } catch (error) {
        if (!isCrosscheckError(error)) throw error;
        if (!body) {
          yield toFailure(source, error);
          continue;
        }
        ctx.warn(source, `kept the feed's short summary: ${error.message}`);
      }
    }
    if (!body) {
      yield failure(source, 'INPUT_NOT_ARTICLE', `expected a body or a link in item ${index + 1} of the feed "${feedSource}", found neither; the feed cannot be read as articles`);
      continue;
    }
    const raw: RawInput = {
      ...body,
      ...(url ? { url } : {}),
      ...(entry.title ? { title: entry.title } : {}),
      ...(entry.byline.length ? { byline: entry.byline } : {}),
      ...(entry.published ? { published: entry.published } : {}),
      clean: ctx.clean,
      ...(ctx.referenceDate ? { referenceDate: ctx.referenceDate } : {}),
    };
    yield { ok: true, item: { id: contentId(body.html ?? body.text ?? ''), source, raw, feed: feedSource, ...(decoded ? { encoding: describe(decoded) } : {}) } };
  }
}

function readFeedOrFail(text: string, source: string, baseUrl: string | undefined): Feed {
  try {
    return readFeed(text, baseUrl);
  } catch (error) {
    if (isCrosscheckError(error)) throw new CrosscheckError(error.code, `"${source}": ${error.message}`, { input: source, cause: error });
    throw error;
  }
}

function itemFor(source: string, body: Pick<RawInput, 'html' | 'text' | 'url'>, decoded: DecodedText, ctx: Context): InputItem {
  const raw: RawInput = { ...body, clean: ctx.clean, ...(ctx.referenceDate ? { referenceDate: ctx.referenceDate } : {}) };
  return { id: contentId(body.html ?? body.text ?? ''), source, raw, encoding: describe(decoded) };
}

function pageBody(mediaType: string, text: string): Pick<RawInput, 'html' | 'text'> {
  return mediaType === 'text/plain' ? { text } : { html: text };
}

function decode(bytes: Uint8Array, input: string, kind: TextKind, contentType: string | null, ctx: Context): DecodedText {
  const decoded = decodeBytes(bytes, { input, kind, contentType });
  if (decoded.warning) ctx.warn(input, decoded.warning);
  return decoded;
}

function describe(decoded: DecodedText): string {
  return `${decoded.encoding} (${decoded.from})`;
}

/** Reads at most maxBytes: the size is checked before reading, and the read stops past the cap in case the file grows. */
async function readCapped(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw tooLarge(path, maxBytes, `${formatBytes(size)}`);
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLarge(path, maxBytes, 'more');
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function maybeGunzip(bytes: Buffer, input: string, maxBytes: number, named: boolean): Buffer {
  // Saved pages and some servers hand out gzip without saying so: the magic bytes decide.
  if (!named && !(bytes[0] === 0x1f && bytes[1] === 0x8b)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw tooLarge(input, maxBytes, 'more once decompressed');
    }
    throw new CrosscheckError('INPUT_FORMAT', `expected gzip data in "${input}", found a corrupt or non-gzip file (${(error as Error).message}); re-download it or remove the .gz suffix`, { input });
  }
}

function tooLarge(input: string, maxBytes: number, found: string): CrosscheckError {
  return new CrosscheckError('INPUT_TOO_LARGE', `expected at most ${formatBytes(maxBytes)} in "${input}", found ${found}; split it or raise the size limit`, { input });
}

function looksLikeHtml(text: string): boolean {
  return /<(!doctype\s+html|html|head|body|article|main|div|p)\b/i.test(text.slice(0, 8192));
}

function visibleLength(html: string): number {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim().length;
}

function failure(source: string, code: ErrorCode, message: string): InputResult {
  return { ok: false, failure: { source, code, message } };
}

function toFailure(source: string, error: unknown): InputResult {
  if (isCrosscheckError(error)) return failure(source, error.code, error.message);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // File-system errors are bad inputs (permissions, vanished files); anything else is a bug.
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return failure(source, 'INPUT_NOT_FOUND', `expected a readable file or folder, found "${source}" cannot be read (${code}); check its permissions`);
  }
  throw error;
}

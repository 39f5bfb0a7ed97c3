import chardet from 'chardet';
import iconv from 'iconv-lite';
import { CrosscheckError } from '../model/errors.js';

/** How the bytes are meant to be read: it decides where a charset may be declared. */
export type TextKind = 'html' | 'xml' | 'text';

/** Where the encoding came from, most trustworthy first. */
export type EncodingSource = 'bom' | 'http' | 'meta' | 'xml' | 'utf-8' | 'guess' | 'replacement';

export interface DecodedText {
  readonly text: string;
  /** The encoding the text was decoded with (a WHATWG or iconv-lite name). */
  readonly encoding: string;
  readonly from: EncodingSource;
  /** Set when the result may not be what the author wrote. */
  readonly warning?: string;
}

export interface DecodeOptions {
  /** The path or URL, named in messages. */
  readonly input: string;
  /** The HTTP Content-Type header, when the bytes came from a server. */
  readonly contentType?: string | null;
  readonly kind: TextKind;
}

// Like git, only the head of the input is sniffed for binary content: a NUL or
// many control bytes there mean it is not text, and a large text is not scanned twice.
const SNIFF_BYTES = 8192;
const MAX_CONTROL_RATIO = 0.1;
// An HTML parser looks for <meta charset> in the first 1024 bytes; pages with
// long inline scripts in <head> push it further, so look a little wider.
const PRESCAN_BYTES = 4096;
// Beyond this share of replaced characters the text is noise, not an article.
const MAX_REPLACEMENT_RATIO = 0.1;

const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly name: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or a .docx/.odt document)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Microsoft Office document' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
];

/**
 * Decodes the bytes of a page or text file. The encoding is taken from, in
 * order: a byte order mark, the HTTP charset, `<meta charset>` or
 * http-equiv, the XML declaration; without one, UTF-8 when the bytes are
 * valid UTF-8, else chardet's guess.
 *
 * Invalid UTF-8 is never fatal by itself: bytes that are mostly valid UTF-8
 * are decoded with U+FFFD replacements and a warning; otherwise chardet's guess
 * is used with a warning. Only when chardet has no guess and more than 10% of
 * the characters would be replaced does decoding fail with INPUT_ENCODING.
 *
 * Throws INPUT_EMPTY for no text, INPUT_BINARY for data that is not text.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): DecodedText {
  const { input } = options;
  if (bytes.length === 0) {
    throw new CrosscheckError('INPUT_EMPTY', `expected an article in "${input}", found an empty input; remove it or save the page again`, { input });
  }
  const decoded = decodeWithoutChecks(bytes, options);
  if (decoded.text.trim() === '') {
    throw new CrosscheckError('INPUT_EMPTY', `expected an article in "${input}", found only whitespace; remove it or save the page again`, { input });
  }
  return decoded;
}

function decodeWithoutChecks(bytes: Uint8Array, options: DecodeOptions): DecodedText {
  const bom = bomOf(bytes);
  if (bom) return { text: decodeAs(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, from: 'bom' };

  rejectBinary(bytes, options.input);

  const declared = declaredCharset(bytes, options);
  let warning: string | undefined;
  if (declared) {
    const encoding = normaliseLabel(declared.label);
    if (encoding === undefined) {
      warning = `"${options.input}" declares the unknown charset "${declared.label}"; read it as UTF-8 or a guess instead`;
    } else if (encoding !== 'utf-8') {
      return { text: decodeAs(encoding, bytes), encoding, from: declared.from };
    } else {
      const strict = strictUtf8(bytes);
      if (strict !== undefined) return { text: strict, encoding, from: declared.from };
      warning = `"${options.input}" declares UTF-8 but is not valid UTF-8`;
    }
  } else {
    const strict = strictUtf8(bytes);
    if (strict !== undefined) return { text: strict, encoding: 'utf-8', from: 'utf-8' };
  }
  return decodeInvalidUtf8(bytes, options.input, warning);
}

function decodeInvalidUtf8(bytes: Uint8Array, input: string, earlier: string | undefined): DecodedText {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let multibyte = 0;
  for (const char of lossy) {
    if (char === '\uFFFD') replaced++;
    else if (char.charCodeAt(0) > 0x7f) multibyte++;
  }
  const prefix = earlier ? `${earlier}; ` : `"${input}" is not valid UTF-8 and declares no charset; `;
  // Valid multi-byte sequences outnumbering broken ones mean a UTF-8 text with
  // a few damaged bytes: a legacy-encoding guess would garble every accent.
  if (multibyte > replaced) {
    return {
      text: lossy,
      encoding: 'utf-8',
      from: 'replacement',
      warning: `${prefix}replaced ${replaced} invalid byte sequence(s) with U+FFFD; re-save it as UTF-8 to keep every character`,
    };
  }
  const guess = chardet.detect(bytes);
  const encoding = guess ? normaliseLabel(guess) : undefined;
  if (encoding && encoding !== 'utf-8') {
    return {
      text: decodeAs(encoding, bytes),
      encoding,
      from: 'guess',
      warning: `${prefix}decoded as ${encoding} (a guess); declare its charset to be sure`,
    };
  }
  if (replaced > lossy.length * MAX_REPLACEMENT_RATIO) {
    throw new CrosscheckError(
      'INPUT_ENCODING',
      `expected text in a known encoding in "${input}", found ${replaced} undecodable byte sequence(s) and no charset; save it as UTF-8 and try again`,
      { input },
    );
  }
  return {
    text: lossy,
    encoding: 'utf-8',
    from: 'replacement',
    warning: `${prefix}replaced ${replaced} invalid byte sequence(s) with U+FFFD; re-save it as UTF-8 to keep every character`,
  };
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function rejectBinary(bytes: Uint8Array, input: string): void {
  const signature = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  let nul = false;
  for (const byte of head) {
    if (byte === 0) nul = true;
    // Tab, LF, FF, CR and ESC (ISO-2022 shifts) occur in real text.
    else if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) || byte === 0x7f) control++;
  }
  const found = signature?.name ?? (nul ? 'NUL bytes' : control > head.length * MAX_CONTROL_RATIO ? 'mostly control characters' : undefined);
  if (found) {
    throw new CrosscheckError(
      'INPUT_BINARY',
      `expected an HTML page, plain text or a feed in "${input}", found binary data (${found}); convert it to text or HTML first`,
      { input },
    );
  }
}

function declaredCharset(bytes: Uint8Array, options: DecodeOptions): { label: string; from: EncodingSource } | undefined {
  const http = options.contentType ? /charset\s*=\s*["']?([^"';\s]+)/i.exec(options.contentType)?.[1] : undefined;
  if (http) return { label: http, from: 'http' };
  if (options.kind === 'text') return undefined;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  if (xml) return { label: xml, from: 'xml' };
  // One pattern serves <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(head)?.[1];
  if (meta) return { label: meta, from: 'meta' };
  return undefined;
}

/** A decoder name for a charset label, or undefined when neither decoder knows it. */
function normaliseLabel(label: string): string | undefined {
  const clean = label.trim().toLowerCase();
  try {
    const encoding = new TextDecoder(clean).encoding;
    // A UTF-16 label without a BOM is a mislabelled ASCII-compatible page (WHATWG rule).
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return iconv.encodingExists(clean) ? clean : undefined;
  }
}

// iconv-lite first: Node 20's TextDecoder decodes windows-1252 bytes 0x80-0x9F as
// Latin-1 control characters instead of curly quotes, dashes and the euro sign.
function decodeAs(encoding: string, bytes: Uint8Array): string {
  if (iconv.encodingExists(encoding)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding, { stripBOM: false });
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

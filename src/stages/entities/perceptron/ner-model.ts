import { gunzipSync, gzipSync } from 'node:zlib';

/** BIO tags over the CoNLL-2003 types; index 0 is O. */
export const NER_TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type NerTag = (typeof NER_TAGS)[number];

/** The weights of one pass: hashed feature weights and tag-to-tag transitions. */
export interface PassWeights {
  /** `bucket * tags + tag`. */
  readonly features: Float32Array;
  /** `(previous + 1) * tags + tag`; row 0 is the sentence start. */
  readonly transitions: Float32Array;
}

/**
 * A trained two-pass tagger. The first pass reads the words; the second also
 * reads what the first said about the same words elsewhere in the document.
 */
export interface NerModel {
  /** Recorded in outputs, so a report says which model found its names. */
  readonly version: string;
  /** log2 of the number of feature buckets. */
  readonly bits: number;
  readonly first: PassWeights;
  readonly second: PassWeights;
}

const T = NER_TAGS.length;
const MAGIC = 'crosscheck-ner/1';

/** FNV-1a over UTF-16 code units: cheap, stable across platforms, so a saved model hashes features as it was trained. */
export function featureBucket(feature: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & ((1 << bits) - 1);
}

export function bucketsOf(features: readonly string[], bits: number): Int32Array {
  const out = new Int32Array(features.length);
  for (let i = 0; i < features.length; i++) out[i] = featureBucket(features[i]!, bits);
  return out;
}

/** An I- tag may only continue an entity of its own type. */
export function allowed(previous: number, tag: number): boolean {
  if (tag === 0 || tag % 2 === 1) return true;
  return previous === tag || previous === tag - 1;
}

/** Best tag sequence (indices into NER_TAGS) for one sentence, by Viterbi over first-order transitions. */
export function decodeSentence(weights: PassWeights, buckets: readonly Int32Array[]): number[] {
  const n = buckets.length;
  if (n === 0) return [];
  const { features, transitions } = weights;
  const emission = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    const row = buckets[i]!;
    const base = i * T;
    for (let f = 0; f < row.length; f++) {
      const w = row[f]! * T;
      for (let t = 0; t < T; t++) emission[base + t]! += features[w + t]!;
    }
  }
  const score = new Float64Array(n * T);
  const back = new Int8Array(n * T);
  for (let t = 0; t < T; t++) score[t] = allowed(-1, t) ? transitions[t]! + emission[t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowed(p, t)) continue;
        const s = score[(i - 1) * T + p]! + transitions[(p + 1) * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + emission[i * T + t]!;
      back[i * T + t] = arg;
    }
  }
  let last = 0;
  for (let t = 1; t < T; t++) if (score[(n - 1) * T + t]! > score[(n - 1) * T + last]!) last = t;
  const tags = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = last;
    last = back[i * T + last]!;
  }
  return tags;
}

/** gzip of a JSON header line and the raw little-endian weights; same model, same bytes. */
export function encodeModel(model: NerModel): Buffer {
  const header = JSON.stringify({ format: MAGIC, version: model.version, bits: model.bits, tags: NER_TAGS });
  const parts: Buffer[] = [Buffer.from(header + '\n', 'utf8')];
  for (const pass of [model.first, model.second]) {
    parts.push(Buffer.from(pass.features.buffer, pass.features.byteOffset, pass.features.byteLength));
    parts.push(Buffer.from(pass.transitions.buffer, pass.transitions.byteOffset, pass.transitions.byteLength));
  }
  // mtime is not part of gzipSync's header (it writes 0), so the bytes depend on the weights alone.
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeModel(bytes: Uint8Array): NerModel {
  const raw = gunzipSync(bytes);
  const newline = raw.indexOf(10);
  const header = JSON.parse(raw.subarray(0, newline).toString('utf8')) as { format: string; version: string; bits: number; tags: string[] };
  if (header.format !== MAGIC || header.tags.join(' ') !== NER_TAGS.join(' ')) {
    throw new Error(`expected an NER model in format ${MAGIC} with tags ${NER_TAGS.join(' ')}, found ${header.format}; retrain it with npm run train:ner`);
  }
  const featureCount = (1 << header.bits) * T;
  const transitionCount = (T + 1) * T;
  // Copy into an aligned buffer: Float32Array needs a 4-byte aligned offset.
  const body = new Uint8Array(raw.length - newline - 1);
  body.set(raw.subarray(newline + 1));
  const floats = new Float32Array(body.buffer, 0, body.byteLength / 4);
  if (floats.length !== 2 * (featureCount + transitionCount)) {
    throw new Error(`expected ${2 * (featureCount + transitionCount)} weights for ${header.bits} bits, found ${floats.length}; the model file is damaged`);
  }
  const pass = (offset: number): PassWeights => ({
    features: floats.subarray(offset, offset + featureCount),
    transitions: floats.subarray(offset + featureCount, offset + featureCount + transitionCount),
  });
  return { version: header.version, bits: header.bits, first: pass(0), second: pass(featureCount + transitionCount) };
}

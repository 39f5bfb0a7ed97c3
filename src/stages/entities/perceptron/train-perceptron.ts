import { NER_TAGS, allowed, decodeSentence, type NerTag, type PassWeights } from './ner-model.js';
import { seededRandom } from '../../../model/seeded-random.js';

/** One training sentence: hashed features per word and the gold tag indices. */
export interface TrainingSentence {
  readonly buckets: readonly Int32Array[];
  readonly gold: readonly number[];
}

export interface TrainPerceptronOptions {
  epochs?: number;
  bits?: number;
  /** Seeds the shuffle of each epoch, so a run is reproducible bit for bit. */
  seed?: number;
  /** Called after every epoch with the averaged weights so far (for the dev score). */
  afterEpoch?: (epoch: number, weights: PassWeights) => void;
}

const T = NER_TAGS.length;

/**
 * Averaged structured perceptron (Collins 2002) with Viterbi decoding.
 * Averaging uses the running-sum trick (Daumé): avg = w - u / c, so an update
 * costs the same as in the plain perceptron.
 */
export function trainPerceptron(
  sentences: readonly TrainingSentence[],
  { epochs = 10, bits = 20, seed = 1, afterEpoch }: TrainPerceptronOptions = {},
): PassWeights {
  const size = (1 << bits) * T;
  const tsize = (T + 1) * T;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const tw = new Float32Array(tsize);
  const tu = new Float64Array(tsize);
  const random = seededRandom(seed);
  const order = sentences.map((_, i) => i);
  let c = 1;
  const current: PassWeights = { features: w, transitions: tw };
  const average = (): PassWeights => {
    const features = new Float32Array(size);
    for (let i = 0; i < size; i++) features[i] = w[i]! - u[i]! / c;
    const transitions = new Float32Array(tsize);
    for (let i = 0; i < tsize; i++) transitions[i] = tw[i]! - tu[i]! / c;
    return { features, transitions };
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { buckets, gold } = sentences[index]!;
      const predicted = decodeSentence(current, buckets);
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i]!;
        const p = predicted[i]!;
        if (g !== p) {
          for (const bucket of buckets[i]!) {
            w[bucket * T + g]! += 1;
            u[bucket * T + g]! += c;
            w[bucket * T + p]! -= 1;
            u[bucket * T + p]! -= c;
          }
        }
        const gp = i === 0 ? 0 : gold[i - 1]! + 1;
        const pp = i === 0 ? 0 : predicted[i - 1]! + 1;
        if (g !== p || gp !== pp) {
          tw[gp * T + g]! += 1;
          tu[gp * T + g]! += c;
          tw[pp * T + p]! -= 1;
          tu[pp * T + p]! -= c;
        }
      }
      c++;
    }
    afterEpoch?.(epoch, average());
  }
  return average();
}

/** Gold IOB1 or BIO tags as BIO tag indices: an I- that opens an entity becomes B-. */
export function toBioIndices(tags: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === 'O') {
      out.push(0);
      continue;
    }
    const type = tag.slice(2);
    const previous = out.at(-1) ?? -1;
    const inside = NER_TAGS.indexOf(`I-${type}` as NerTag);
    if (inside < 0) throw new Error(`expected a tag O, B-TYPE or I-TYPE with TYPE one of PER ORG LOC MISC, found ${tag}`);
    out.push(tag.startsWith('I-') && allowed(previous, inside) ? inside : inside - 1);
  }
  return out;
}

import type { Span, Token } from '../../model/index.js';

export type Tense = 'past' | 'future';

// wink tags Universal POS, which has no tense: past forms are told by their spelling.
const IRREGULAR_PAST = new Set(
  ('was were had did said told made went came took gave found left held fell rose won lost began sold bought ' +
    'met saw knew thought brought paid kept spent sent led ran stood struck hit shot put set cut broke spoke ' +
    'wrote became grew drew threw flew fought caught taught sought wore chose froze stole rode drove ate ' +
    'got felt heard meant understood withdrew overtook undertook forecast ' +
    "wasn't weren't hadn't didn't").split(' '),
);
// Modals put the day ahead even in reported speech ("said they would leave Tuesday").
const FUTURE_WORDS = new Set(['will', "'ll", 'shall', "won't", 'wo', 'would', 'might', 'could']);
const FUTURE_PHRASE = /\b(?:going to|expected to|scheduled|set to|due to|plans? to|planning to|planned (?:to|for)|intends? to|as (?:soon|early) as|upcoming|next)\b/gi;

interface Marker {
  at: number;
  tense: Tense;
}

/**
 * The tense nearest to `at` in a sentence: the closest past-tense verb or
 * future marker wins, so in "said on Monday that it will vote on Friday" each
 * day takes the tense of its own clause. null when the sentence has neither.
 */
export function tenseAt(text: string, sentence: Span, tokens: readonly Token[], at: number): Tense | null {
  const markers: Marker[] = [];
  const body = text.slice(sentence.start, sentence.end);
  // Phrases first: on a tie ("planned to" vs "planned") the earlier marker wins.
  for (const m of body.matchAll(FUTURE_PHRASE)) markers.push({ at: sentence.start + m.index, tense: 'future' });
  for (const token of tokens) {
    if (token.start < sentence.start || token.end > sentence.end) continue;
    const word = text.slice(token.start, token.end).toLowerCase();
    if (FUTURE_WORDS.has(word)) markers.push({ at: token.start, tense: 'future' });
    else if (IRREGULAR_PAST.has(word) || (/^[a-z]{3,}ed$/.test(word) && (token.pos === 'VERB' || token.pos === 'AUX' || token.pos === undefined)))
      markers.push({ at: token.start, tense: 'past' });
  }
  let best: Marker | null = null;
  for (const marker of markers) if (!best || Math.abs(marker.at - at) < Math.abs(best.at - at)) best = marker;
  return best?.tense ?? null;
}

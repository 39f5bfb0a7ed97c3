/**
 * Reporting verbs that introduce or close a quote, in every form a news
 * report uses them. Kept as data so a later, learned cue finder can start
 * from the same list.
 */
export const CUE_VERBS: readonly string[] = [
  'say', 'says', 'said', 'saying',
  'tell', 'tells', 'told', 'telling',
  'add', 'adds', 'added', 'adding',
  'ask', 'asks', 'asked', 'asking',
  'warn', 'warns', 'warned', 'warning',
  'state', 'states', 'stated',
  'write', 'writes', 'wrote', 'writing',
  'note', 'notes', 'noted', 'noting',
  'insist', 'insists', 'insisted', 'insisting',
  'explain', 'explains', 'explained', 'explaining',
  'acknowledge', 'acknowledges', 'acknowledged',
  'deny', 'denies', 'denied',
  'declare', 'declares', 'declared', 'declaring',
  'continue', 'continues', 'continued',
  'argue', 'argues', 'argued', 'arguing',
  'claim', 'claims', 'claimed',
  'reply', 'replies', 'replied',
  'respond', 'responds', 'responded',
  'recall', 'recalls', 'recalled',
  'tweet', 'tweets', 'tweeted',
  'post', 'posts', 'posted',
  'demand', 'demands', 'demanded',
  'admit', 'admits', 'admitted',
  'suggest', 'suggests', 'suggested',
  'remark', 'remarks', 'remarked',
  'observe', 'observes', 'observed',
  'conclude', 'concludes', 'concluded',
  'announce', 'announces', 'announced',
  'concede', 'concedes', 'conceded',
  'quip', 'quips', 'quipped',
  'joke', 'jokes', 'joked',
  'shout', 'shouts', 'shouted',
  'yell', 'yells', 'yelled',
  'cry', 'cries', 'cried',
  'counter', 'counters', 'countered',
  'testify', 'testifies', 'testified',
  'predict', 'predicts', 'predicted',
  'vow', 'vows', 'vowed',
  'promise', 'promises', 'promised',
  'urge', 'urges', 'urged',
  'complain', 'complains', 'complained',
  'boast', 'boasts', 'boasted',
  'lament', 'laments', 'lamented',
  'muse', 'muses', 'mused',
  'reiterate', 'reiterates', 'reiterated',
  'stress', 'stresses', 'stressed',
  'emphasize', 'emphasizes', 'emphasized', 'emphasise', 'emphasises', 'emphasised',
  'contend', 'contends', 'contended',
  'maintain', 'maintains', 'maintained',
  'whisper', 'whispers', 'whispered',
  'wonder', 'wonders', 'wondered',
  'report', 'reports', 'reported',
  'reveal', 'reveals', 'revealed',
  'charge', 'charges', 'charged',
  'agree', 'agrees', 'agreed',
  'caution', 'cautions', 'cautioned',
  'assert', 'asserts', 'asserted', 'asserting',
  'point out', 'points out', 'pointed out',
  'go on', 'goes on', 'went on',
];

/** Cues that name their source after them ("according to the ministry"). */
export const SOURCE_PREPOSITIONS: readonly string[] = ['according to'];

/** Verbs that only close a quote, after its source: "the statement read". */
export const CLOSING_ONLY_CUES: readonly string[] = ['read', 'reads'];

export const CUE_PATTERN = [...CUE_VERBS, ...CLOSING_ONLY_CUES]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(' ', '\\s+'))
  .join('|');

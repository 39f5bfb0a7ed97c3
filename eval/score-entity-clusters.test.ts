import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bcubed,
  matchMentions,
  parseEcbXml,
  scoreEntityClusters,
  surfaceKey,
  tokenSpans,
  type GoldDoc,
  type PredictedMention,
} from '../bench/score-entity-clusters.js';

// Invented documents in the ECB+ XML shape: tokens, anchored markables, instance markables, relations.
function xml(tokens: string[], markables: string, relations: string): string {
  const t = tokens.map((w, i) => `<token t_id="${i + 1}" sentence="0" number="${i}">${w}</token>`).join('\n');
  return `<Document doc_name="x.xml">\n${t}\n<Markables>\n${markables}\n</Markables>\n<Relations>\n${relations}\n</Relations>\n</Document>`;
}
const anchor = (cls: string, id: number, tids: number[]): string =>
  `<${cls} m_id="${id}"  >\n${tids.map((t) => `  <token_anchor t_id="${t}"/>`).join('\n')}\n</${cls}>`;
const cross = (note: string, sources: number[], target: number): string =>
  `<CROSS_DOC_COREF r_id="1" note="${note}" >\n${sources.map((s) => `  <source m_id="${s}" />`).join('\n')}\n  <target m_id="${target}" />\n</CROSS_DOC_COREF>`;

// "Mira Tolvanen met Tolvanen &amp; Co in Varkaus ."
const docA = parseEcbXml(
  xml(
    ['Mira', 'Tolvanen', 'met', 'the', 'Harbour', 'Board', 'in', 'Varkaus', '&amp;', 'she', 'left', '.'],
    [
      anchor('HUMAN_PART_PER', 1, [1, 2]),
      anchor('HUMAN_PART_ORG', 2, [4, 5, 6]),
      anchor('LOC_GEO', 3, [8]),
      anchor('HUMAN_PART_PER', 4, [10]),
      anchor('ACTION_OCCURRENCE', 5, [3]),
      '<HUMAN_PART_PER m_id="9" RELATED_TO="" TAG_DESCRIPTOR="mira" instance_id="HUM1" />',
    ].join('\n'),
    cross('HUM1', [1, 4], 9),
  ),
  'a',
  '1',
);
// "Tolvanen thanked the board ."
const docB = parseEcbXml(
  xml(
    ['Tolvanen', 'thanked', 'the', 'Board', '.'],
    [anchor('HUMAN_PART_PER', 1, [1]), anchor('HUMAN_PART_ORG', 2, [3, 4])].join('\n'),
    [cross('HUM1', [1], 9), cross('HUM2', [2], 8)].join('\n'),
  ),
  'b',
  '1',
);
const textA = 'Mira Tolvanen met the Harbour Board in Varkaus\n& she left .';
const textB = 'Tolvanen thanked the Board .';

test('reads tokens, entity markables and their clusters from ECB+ XML, skipping events and instance markables', () => {
  assert.equal(docA.tokens[8], '&');
  assert.deepEqual(
    docA.mentions.map((m) => [m.mId, m.cls, m.tokens, m.cluster, m.linked]),
    [
      ['1', 'HUMAN_PART_PER', [0, 1], 'HUM1', true],
      ['2', 'HUMAN_PART_ORG', [3, 4, 5], 'a#2', false],
      ['3', 'LOC_GEO', [7], 'a#3', false],
      ['4', 'HUMAN_PART_PER', [9], 'HUM1', true],
    ],
  );
});

test('maps tokens of a text_tokenized text to character spans and refuses a text with other tokens', () => {
  assert.deepEqual(tokenSpans('ab c\nd', ['ab', 'c', 'd']), [
    { start: 0, end: 2 },
    { start: 3, end: 4 },
    { start: 5, end: 6 },
  ]);
  assert.throws(() => tokenSpans('ab c', ['ab', 'd']), /do not match/);
});

test('a surname matches a full-name markable leniently (it holds its last token) but not strictly', () => {
  const spans = tokenSpans(textA, docA.tokens);
  const surname: PredictedMention = { start: 5, end: 13, text: 'Tolvanen', entity: 'e1' };
  const first: PredictedMention = { start: 0, end: 4, text: 'Mira', entity: 'e2' };
  assert.equal(matchMentions([surname], docA.mentions, spans, 'lenient').length, 1);
  assert.equal(matchMentions([surname], docA.mentions, spans, 'strict').length, 0);
  // A first name alone holds neither the markable's last token nor is it held as its last token.
  assert.equal(matchMentions([first], docA.mentions, spans, 'lenient').length, 0);
  const full: PredictedMention = { start: 0, end: 13, text: 'Mira Tolvanen', entity: 'e1' };
  assert.equal(matchMentions([full, surname], docA.mentions, spans, 'lenient')[0]!.predicted, full, 'one to one, exact first');
});

test('B-cubed of invented clusterings: perfect, all singletons, all merged', () => {
  const gold = ['x', 'x', 'y'];
  assert.deepEqual(bcubed(gold.map((g) => ({ pred: g, gold: g }))), { p: 1, r: 1, f1: 1, n: 3 });
  const singles = bcubed(gold.map((g, i) => ({ pred: String(i), gold: g })));
  assert.equal(singles.p, 1);
  assert.ok(Math.abs(singles.r - (0.5 + 0.5 + 1) / 3) < 1e-12);
  const merged = bcubed(gold.map((g) => ({ pred: 'all', gold: g })));
  assert.ok(Math.abs(merged.p - (2 / 3 + 2 / 3 + 1 / 3) / 3) < 1e-12);
  assert.equal(merged.r, 1);
});

test('scores over matched linked mentions, within topics, with baselines on the same mentions', () => {
  const gold = new Map<string, GoldDoc>([
    ['a', docA],
    ['b', docB],
  ]);
  const texts = new Map([
    ['a', textA],
    ['b', textB],
  ]);
  const articles = [
    {
      id: 'a',
      mentions: [
        { start: 0, end: 13, text: 'Mira Tolvanen', type: 'PERSON', entity: 'e-mira' },
        { start: 22, end: 35, text: 'Harbour Board', type: 'ORG', entity: 'e-board' },
        { start: 39, end: 46, text: 'Varkaus', type: 'LOC', entity: 'e-varkaus' },
      ],
    },
    {
      id: 'b',
      mentions: [
        { start: 0, end: 8, text: 'Tolvanen', type: 'PERSON', entity: 'e-mira' },
        { start: 17, end: 26, text: 'the Board', type: 'ORG', entity: 'e-board' },
      ],
    },
    { id: 'not-in-gold', mentions: [] },
  ];
  const s = scoreEntityClusters(articles, gold, texts);
  assert.equal(s.docs, 2);
  assert.equal(s.goldMentions, 4, 'linked participants only: Mira Tolvanen, she, Tolvanen, the Board');
  assert.equal(s.unlinkedMentions, 1);
  // "Harbour Board" hits an unlinked markable: not scored; "the Board" in b is a singleton instance.
  assert.deepEqual(
    s.matched.map((m) => [m.doc, m.predicted.text, m.gold.cluster]),
    [
      ['a', 'Mira Tolvanen', 'HUM1'],
      ['b', 'Tolvanen', 'HUM1'],
      ['b', 'the Board', 'HUM2'],
    ],
  );
  assert.equal(s.system.topic.f1, 1);
  const surface = s.baselines.find((b) => b.name === 'same surface string')!;
  assert.ok(surface.topic.r < 1, 'the surname and the full name differ as strings');
  assert.equal(surfaceKey("The Board's"), 'board');
});

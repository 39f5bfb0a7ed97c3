// Scores cross-document entity clusters (`articles[].mentions[].entity`) against the ECB+
// entity coreference annotation. The convention is in docs/decisions/0005-entity-cluster-scoring.md.
//
//   node --import tsx bench/score-entity-clusters.ts --gold ../shared/datasets/ecbplus report.json [--with-loc] [--errors N]
//
// Last line: `entity clusters B3 F1: 0.xxx` (lenient match, participants, within topics).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One gold entity markable with token anchors. */
export interface GoldMention {
  readonly mId: string;
  /** ECB+ class: HUMAN_PART_PER, NON_HUMAN_PART, LOC_GEO... */
  readonly cls: string;
  /** 0-based token indexes into the document, in order. */
  readonly tokens: readonly number[];
  /** CROSS_DOC_COREF instance id, else `<doc>#<intra target>`, else `<doc>#<m_id>`. */
  readonly cluster: string;
  /**
   * In a CROSS_DOC_COREF or INTRA_DOC_COREF relation. ECB+ links every mention it
   * checked to an instance, a singleton one too; an unlinked markable lies outside
   * the sentences checked for coreference, so it is not scored.
   */
  readonly linked: boolean;
}

export interface GoldDoc {
  readonly id: string;
  readonly topic: string;
  readonly tokens: readonly string[];
  /** Sentence number of each token. */
  readonly sentences: readonly number[];
  readonly mentions: readonly GoldMention[];
}

export interface PredictedMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type?: string;
  readonly entity: string | null;
}

const ENTITY_CLASS = /^(HUMAN_PART|NON_HUMAN_PART|LOC|TIME)/;
const PARTICIPANT_CLASS = /^(HUMAN_PART|NON_HUMAN_PART)/;
const LOCATION_CLASS = /^LOC/;

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k === 'amp') return '&';
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

/** Reads one ECB+ XML document: its tokens and its entity markables (HUMAN_PART*, NON_HUMAN_PART*, LOC*, TIME*). */
export function parseEcbXml(xml: string, id: string, topic: string): GoldDoc {
  const tokens: string[] = [];
  const sentences: number[] = [];
  const indexOfTid = new Map<string, number>();
  for (const m of xml.matchAll(/<token\s+t_id="(\d+)"\s+sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    indexOfTid.set(m[1]!, tokens.length);
    tokens.push(decodeXml(m[3]!));
    sentences.push(Number(m[2]));
  }
  const markables = /<Markables>([\s\S]*?)<\/Markables>/.exec(xml)?.[1] ?? '';
  const anchored: { mId: string; cls: string; tokens: number[] }[] = [];
  for (const m of markables.matchAll(/<([A-Z_]+)\s+m_id="(\d+)"[^>]*?(\/?)>/g)) {
    if (m[3] === '/') continue; // an instance markable: the target of a relation, no tokens
    const rest = markables.slice(m.index + m[0].length);
    const close = rest.indexOf(`</${m[1]}>`);
    const body = close >= 0 ? rest.slice(0, close) : '';
    const tokenIndexes = [...body.matchAll(/<token_anchor\s+t_id="(\d+)"/g)]
      .map((a) => indexOfTid.get(a[1]!))
      .filter((t): t is number => t !== undefined)
      .sort((a, b) => a - b);
    if (ENTITY_CLASS.test(m[1]!) && tokenIndexes.length > 0) anchored.push({ mId: m[2]!, cls: m[1]!, tokens: tokenIndexes });
  }
  const clusterOf = new Map<string, string>();
  const relations = /<Relations>([\s\S]*?)<\/Relations>/.exec(xml)?.[1] ?? '';
  for (const r of relations.matchAll(/<(CROSS_DOC_COREF|INTRA_DOC_COREF)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const target = /<target\s+m_id="(\d+)"/.exec(r[3]!)?.[1];
    const note = /note="([^"]*)"/.exec(r[2]!)?.[1];
    const cluster = r[1] === 'CROSS_DOC_COREF' && note ? note : `${id}#${target ?? r[0]}`;
    for (const s of r[3]!.matchAll(/<source\s+m_id="(\d+)"/g)) {
      // A cross-document link outranks an intra-document one for the same mention.
      if (r[1] === 'CROSS_DOC_COREF' || !clusterOf.has(s[1]!)) clusterOf.set(s[1]!, cluster);
    }
  }
  const mentions = anchored.map((a) => ({
    ...a,
    cluster: clusterOf.get(a.mId) ?? `${id}#${a.mId}`,
    linked: clusterOf.has(a.mId),
  }));
  return { id, topic, tokens, sentences, mentions };
}

/** Reads every `<topic>/<doc>.xml` under `xmlDir`. */
export function readEcbGold(xmlDir: string): Map<string, GoldDoc> {
  const docs = new Map<string, GoldDoc>();
  for (const topic of readdirSync(xmlDir).sort()) {
    let files: string[];
    try {
      files = readdirSync(join(xmlDir, topic));
    } catch {
      continue;
    }
    for (const file of files.filter((f) => f.endsWith('.xml')).sort()) {
      const id = basename(file, '.xml');
      docs.set(id, parseEcbXml(readFileSync(join(xmlDir, topic, file), 'utf8'), id, topic));
    }
  }
  return docs;
}

/**
 * Character spans of the tokens of a `text_tokenized` text (tokens separated by
 * spaces, sentences by newlines), which is the text crosscheck is given verbatim.
 * Throws when the text's tokens are not the gold tokens.
 */
export function tokenSpans(text: string, tokens: readonly string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^ \n]+/g)) spans.push({ start: m.index, end: m.index + m[0].length });
  if (spans.length !== tokens.length || spans.some((s, i) => text.slice(s.start, s.end) !== tokens[i])) {
    throw new Error(
      `text tokens do not match the XML tokens (${spans.length} vs ${tokens.length}): expected the text_tokenized text`,
    );
  }
  return spans;
}

/** Tokens a character span touches. */
function tokensOf(span: { start: number; end: number }, spans: readonly { start: number; end: number }[]): number[] {
  const out: number[] = [];
  spans.forEach((s, i) => {
    if (s.start < span.end && span.start < s.end) out.push(i);
  });
  return out;
}

export type MatchMode = 'strict' | 'lenient';

export interface MatchedMention {
  readonly doc: string;
  readonly topic: string;
  readonly predicted: PredictedMention;
  readonly gold: GoldMention;
}

/**
 * Pairs predicted and gold mentions of one document one to one. strict: the same
 * tokens. lenient: the predicted span holds the gold markable's last token (its
 * head, in ECB+'s minimal spans: "Reid" for "Tara Reid", "Center" for "Betty Ford
 * Center"); pairs are taken exact first, then by token Jaccard.
 */
export function matchMentions(
  predicted: readonly PredictedMention[],
  gold: readonly GoldMention[],
  spans: readonly { start: number; end: number }[],
  mode: MatchMode,
): { predicted: PredictedMention; gold: GoldMention }[] {
  const candidates: { p: number; g: number; score: number }[] = [];
  predicted.forEach((pm, p) => {
    const pt = tokensOf(pm, spans);
    if (pt.length === 0) return;
    const pset = new Set(pt);
    gold.forEach((gm, g) => {
      const shared = gm.tokens.filter((t) => pset.has(t)).length;
      if (shared === 0) return;
      const exact = shared === pt.length && shared === gm.tokens.length;
      const head = pset.has(gm.tokens.at(-1)!);
      if (!exact && (mode === 'strict' || !head)) return;
      const jaccard = shared / (pt.length + gm.tokens.length - shared);
      candidates.push({ p, g, score: (exact ? 1 : 0) + jaccard });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.p - b.p || a.g - b.g);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: { predicted: PredictedMention; gold: GoldMention }[] = [];
  for (const c of candidates) {
    if (usedP.has(c.p) || usedG.has(c.g)) continue;
    usedP.add(c.p);
    usedG.add(c.g);
    pairs.push({ predicted: predicted[c.p]!, gold: gold[c.g]! });
  }
  return pairs;
}

export interface BCubed {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
  readonly n: number;
}

/** B-cubed over items, each with a predicted and a gold cluster key (Bagga & Baldwin 1998). */
export function bcubed(items: readonly { readonly pred: string; readonly gold: string }[]): BCubed {
  if (items.length === 0) return { p: 0, r: 0, f1: 0, n: 0 };
  const count = (key: (i: { pred: string; gold: string }) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
    return m;
  };
  const predSize = count((i) => i.pred);
  const goldSize = count((i) => i.gold);
  const both = count((i) => `${i.pred}\u0000${i.gold}`);
  let p = 0;
  let r = 0;
  for (const i of items) {
    const shared = both.get(`${i.pred}\u0000${i.gold}`)!;
    p += shared / predSize.get(i.pred)!;
    r += shared / goldSize.get(i.gold)!;
  }
  p /= items.length;
  r /= items.length;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), n: items.length };
}

/** The surface-string baseline's key: lower case, no leading article, no possessive, spaces collapsed. */
export function surfaceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*['’]s?$/u, '')
    .replace(/^(the|a|an) /, '');
}

export type Scope = 'topic' | 'corpus';

/** Cluster keys of matched mentions under one clustering; `topic` scope cuts every cluster at topic boundaries. */
export function scoreClustering(
  matched: readonly MatchedMention[],
  predKey: (m: MatchedMention, index: number) => string,
  scope: Scope,
): BCubed {
  const cut = (m: MatchedMention, key: string): string => (scope === 'topic' ? `${m.topic}\u0000${key}` : key);
  return bcubed(matched.map((m, i) => ({ pred: cut(m, predKey(m, i)), gold: cut(m, m.gold.cluster) })));
}

const PRONOUNS = new Set(
  'i me my we us our you your he him his she her it its they them their this that these those who whom which one'.split(' '),
);

/** A gold markable that names: its last token is capitalised and not a pronoun (an approximation: ECB+ has no name flag). */
export function isNamedGold(doc: GoldDoc, m: GoldMention): boolean {
  const last = doc.tokens[m.tokens.at(-1)!] ?? '';
  return /^\p{Lu}/u.test(last) && !PRONOUNS.has(last.toLowerCase());
}

export interface ReportArticle {
  readonly id?: string;
  readonly source?: string;
  readonly text?: string;
  readonly mentions?: readonly PredictedMention[];
}

export interface EntityScoreOptions {
  /** Gold classes scored: participants only (HUMAN_PART*, NON_HUMAN_PART*) or with locations (LOC*). */
  readonly withLocations?: boolean;
  readonly mode?: MatchMode;
}

export interface EntityScores {
  readonly docs: number;
  readonly goldMentions: number;
  /** Markables of the scored classes in no coreference relation: left out. */
  readonly unlinkedMentions: number;
  readonly goldNamed: number;
  readonly goldClusters: number;
  readonly predictedMentions: number;
  readonly matched: readonly MatchedMention[];
  readonly matchedNamed: number;
  /** Predicted mentions in sentences with a linked entity markable, and how many matched an entity markable of any class. */
  readonly predictedInAnnotated: number;
  readonly predictedInAnnotatedMatched: number;
  readonly system: { readonly topic: BCubed; readonly corpus: BCubed };
  readonly baselines: readonly { readonly name: string; readonly topic: BCubed; readonly corpus: BCubed }[];
}

function articleId(a: ReportArticle): string {
  return a.id ?? basename(a.source ?? '').replace(/\.(xml|txt|json)$/, '');
}

/** Scores a report's mentions against the gold documents it shares with them. `texts` gives each document's text. */
export function scoreEntityClusters(
  articles: readonly ReportArticle[],
  gold: ReadonlyMap<string, GoldDoc>,
  texts: ReadonlyMap<string, string>,
  { withLocations = false, mode = 'lenient' }: EntityScoreOptions = {},
): EntityScores {
  const scored = (m: GoldMention): boolean => PARTICIPANT_CLASS.test(m.cls) || (withLocations && LOCATION_CLASS.test(m.cls));
  const matched: MatchedMention[] = [];
  let docs = 0;
  let goldMentions = 0;
  let unlinkedMentions = 0;
  let goldNamed = 0;
  let predictedMentions = 0;
  let matchedNamed = 0;
  let predictedInAnnotated = 0;
  let predictedInAnnotatedMatched = 0;
  const clusters = new Set<string>();
  for (const article of articles) {
    const id = articleId(article);
    const doc = gold.get(id);
    if (!doc) continue;
    const text = article.text ?? texts.get(id);
    if (text === undefined) throw new Error(`no text for ${id}: give the report's article text or documents.jsonl`);
    docs++;
    const spans = tokenSpans(text, doc.tokens);
    const candidates = doc.mentions.filter(scored);
    const golds = candidates.filter((g) => g.linked);
    goldMentions += golds.length;
    unlinkedMentions += candidates.length - golds.length;
    for (const g of golds) clusters.add(`${doc.topic}\u0000${g.cluster}`);
    const named = new Set(golds.filter((g) => isNamedGold(doc, g)));
    goldNamed += named.size;
    const predicted = article.mentions ?? [];
    predictedMentions += predicted.length;
    // Matched against unlinked markables too, so that a name on an unchecked markable is not paired with a linked neighbour.
    for (const pair of matchMentions(predicted, candidates, spans, mode)) {
      if (!pair.gold.linked) continue;
      matched.push({ doc: id, topic: doc.topic, ...pair });
      if (named.has(pair.gold)) matchedNamed++;
    }
    // Detection precision can only be judged where annotators looked: sentences holding a linked entity markable.
    const annotated = new Set(doc.mentions.filter((m) => m.linked).flatMap((m) => m.tokens.map((t) => doc.sentences[t]!)));
    const inAnnotated = predicted.filter((p) => tokensOf(p, spans).some((t) => annotated.has(doc.sentences[t]!)));
    predictedInAnnotated += inAnnotated.length;
    predictedInAnnotatedMatched += matchMentions(inAnnotated, doc.mentions, spans, mode).length;
  }
  const both = (key: (m: MatchedMention, i: number) => string): { topic: BCubed; corpus: BCubed } => ({
    topic: scoreClustering(matched, key, 'topic'),
    corpus: scoreClustering(matched, key, 'corpus'),
  });
  return {
    docs,
    goldMentions,
    unlinkedMentions,
    goldNamed,
    goldClusters: clusters.size,
    predictedMentions,
    matched,
    matchedNamed,
    predictedInAnnotated,
    predictedInAnnotatedMatched,
    system: both((m, i) => m.predicted.entity ?? `unresolved#${i}`),
    baselines: [
      { name: 'singletons', ...both((_, i) => `#${i}`) },
      { name: 'same surface string', ...both((m) => surfaceKey(m.predicted.text)) },
      { name: 'same string and type', ...both((m) => `${m.predicted.type ?? ''}:${surfaceKey(m.predicted.text)}`) },
      { name: 'one cluster per topic', ...both(() => 'all') },
    ],
  };
}

/** `text_tokenized` of every document in documents.jsonl. */
export function readDocumentTexts(path: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { doc_id: string; text_tokenized: string };
    texts.set(d.doc_id, d.text_tokenized);
  }
  return texts;
}

const fmt = (b: BCubed): string => `P ${b.p.toFixed(3)} R ${b.r.toFixed(3)} F1 ${b.f1.toFixed(3)}`;

/** The printed table; the last line is `entity clusters B3 F1: 0.xxx` for the first of `runs`. */
export function formatScores(runs: readonly { readonly label: string; readonly scores: EntityScores }[]): string[] {
  const lines: string[] = [];
  for (const { label, scores: s } of runs) {
    const pct = (a: number, b: number): string => (b === 0 ? '0.000' : (a / b).toFixed(3));
    lines.push(`== ${label}`);
    lines.push(
      `${s.docs} documents, ${s.goldMentions} linked gold mentions in ${s.goldClusters} gold clusters (${s.goldNamed} named; ` +
        `${s.unlinkedMentions} unlinked markables left out), ` +
        `${s.predictedMentions} predicted mentions`,
    );
    lines.push(
      `matched ${s.matched.length} (detection recall ${pct(s.matched.length, s.goldMentions)}, ` +
        `of named gold ${pct(s.matchedNamed, s.goldNamed)}); predicted in checked sentences ${s.predictedInAnnotated}, ` +
        `matching an entity markable ${pct(s.predictedInAnnotatedMatched, s.predictedInAnnotated)}`,
    );
    const rows = [{ name: 'crosscheck', ...s.system }, ...s.baselines];
    for (const row of rows) {
      lines.push(`  ${row.name.padEnd(22)} within topics ${fmt(row.topic)}   whole corpus ${fmt(row.corpus)}`);
    }
  }
  const first = runs[0]?.scores.system.topic.f1 ?? 0;
  lines.push(`entity clusters B3 F1: ${first.toFixed(3)}`);
  return lines;
}

/** Matched mentions put together wrongly or kept apart wrongly, most frequent gold clusters first. */
export function clusterErrors(s: EntityScores, limit: number): string[] {
  const byGold = new Map<string, MatchedMention[]>();
  for (const m of s.matched) {
    const key = `${m.topic}\u0000${m.gold.cluster}`;
    byGold.set(key, [...(byGold.get(key) ?? []), m]);
  }
  const lines: string[] = [];
  const split = [...byGold.values()].filter((list) => new Set(list.map((m) => m.predicted.entity)).size > 1);
  split.sort((a, b) => b.length - a.length);
  for (const list of split.slice(0, limit)) {
    const parts = new Map<string, Set<string>>();
    for (const m of list)
      parts.set(m.predicted.entity ?? '-', (parts.get(m.predicted.entity ?? '-') ?? new Set()).add(m.predicted.text));
    lines.push(
      `split  t${list[0]!.topic} ${list[0]!.gold.cluster}: ${[...parts].map(([e, t]) => `${e}{${[...t].join('|')}}`).join(' ')}`,
    );
  }
  const byPred = new Map<string, MatchedMention[]>();
  for (const m of s.matched) {
    const key = `${m.topic}\u0000${m.predicted.entity}`;
    byPred.set(key, [...(byPred.get(key) ?? []), m]);
  }
  const merged = [...byPred.values()].filter((list) => new Set(list.map((m) => m.gold.cluster)).size > 1);
  merged.sort((a, b) => b.length - a.length);
  for (const list of merged.slice(0, limit)) {
    const texts = new Map<string, Set<string>>();
    for (const m of list) texts.set(m.gold.cluster, (texts.get(m.gold.cluster) ?? new Set()).add(m.predicted.text));
    lines.push(
      `merged t${list[0]!.topic} ${list[0]!.predicted.entity}: ${[...texts].map(([g, t]) => `${g}{${[...t].join('|')}}`).join(' ')}`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const goldAt = args.indexOf('--gold');
  const goldDir = goldAt >= 0 ? args[goldAt + 1] : undefined;
  const errorsAt = args.indexOf('--errors');
  const errors = errorsAt >= 0 ? Number(args[errorsAt + 1]) : 0;
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--gold' && args[i - 1] !== '--errors');
  if (!goldDir || files.length !== 1) {
    console.error('usage: score-entity-clusters.ts --gold <ecbplus dir> report.json [--with-loc] [--errors N]');
    process.exit(2);
  }
  const report = JSON.parse(readFileSync(files[0]!, 'utf8')) as { articles: ReportArticle[] };
  const gold = readEcbGold(join(goldDir, 'xml'));
  const texts = readDocumentTexts(join(goldDir, 'documents.jsonl'));
  const withLocations = args.includes('--with-loc');
  const runs = [
    {
      label: `lenient match, ${withLocations ? 'participants + locations' : 'participants'}`,
      scores: scoreEntityClusters(report.articles, gold, texts, { withLocations }),
    },
    { label: 'strict match', scores: scoreEntityClusters(report.articles, gold, texts, { withLocations, mode: 'strict' }) },
  ];
  if (errors > 0) for (const line of clusterErrors(runs[0]!.scores, errors)) console.log(line);
  for (const line of formatScores(runs)) console.log(line);
}

/**
 * Builds src/stages/entities/data/gazetteer.json from CoNLL-2003 eng.train:
 * entity phrases with their usual type, per-token type counts for capitalised
 * tokens, and the words seen in lower case (common words). Run from the repo
 * root: `node --import tsx scripts/build-gazetteer.ts`. Never reads eng.testa.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const trainPath = join(root, '../shared/datasets/conll2003/eng.train');
const outPath = join(root, 'src/stages/entities/data/gazetteer.json');

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
type Type = (typeof TYPES)[number];

if (!existsSync(trainPath)) {
  console.log('skipped: ../shared not found');
  process.exit(0);
}

const phraseCounts = new Map<string, number[]>();
const tokenCounts = new Map<string, number[]>();
const lowerCounts = new Map<string, number>();

function bump(map: Map<string, number[]>, key: string, index: number): void {
  const counts = map.get(key) ?? [0, 0, 0, 0, 0];
  counts[index]!++;
  map.set(key, counts);
}

let phrase: string[] = [];
let phraseType: Type | null = null;
function closePhrase(): void {
  if (phraseType) bump(phraseCounts, phrase.join(' '), TYPES.indexOf(phraseType));
  phrase = [];
  phraseType = null;
}

for (const line of readFileSync(trainPath, 'utf8').split('\n')) {
  const cols = line.trim().split(' ');
  const word = cols[0] ?? '';
  if (!word || word === '-DOCSTART-') {
    closePhrase();
    continue;
  }
  const tag = cols.at(-1) ?? 'O';
  if (tag === 'O') {
    closePhrase();
    if (/^\p{Lu}/u.test(word)) bump(tokenCounts, word, 4);
    else if (/^\p{Ll}/u.test(word)) lowerCounts.set(word, (lowerCounts.get(word) ?? 0) + 1);
    continue;
  }
  const [prefix, type] = tag.split('-') as [string, Type];
  // IOB1: B- only separates two adjacent entities of one type.
  if (prefix === 'B' || type !== phraseType) closePhrase();
  phrase.push(word);
  phraseType = type;
  bump(tokenCounts, word, TYPES.indexOf(type));
}
closePhrase();

const phrases: Record<string, string> = {};
for (const [text, counts] of [...phraseCounts].sort()) {
  const best = counts.indexOf(Math.max(...counts));
  const total = counts.reduce((a, b) => a + b, 0);
  // An ambiguous phrase (Washington: LOC or PER) is left to the rules.
  if (counts[best]! / total >= 0.7) phrases[text] = TYPES[best]!;
}
const tokens: Record<string, number[]> = {};
for (const [word, counts] of [...tokenCounts].sort()) {
  const entity = counts[0]! + counts[1]! + counts[2]! + counts[3]!;
  if (entity > 0 || counts[4]! >= 2) tokens[word] = counts;
}
// Seen in lower case: a common word, not a name, when it opens a sentence.
const common = [...lowerCounts].filter(([, n]) => n >= 1).map(([w]) => w).sort();

writeFileSync(outPath, JSON.stringify({ source: 'CoNLL-2003 eng.train', types: TYPES, phrases, tokens, common }) + '\n');
console.log(`wrote src/stages/entities/data/gazetteer.json: ${Object.keys(phrases).length} phrases, ${Object.keys(tokens).length} tokens, ${common.length} common words`);

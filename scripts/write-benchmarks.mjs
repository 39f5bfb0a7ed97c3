#!/usr/bin/env node
// Rebuilds the "Latest full run" appendix of BENCHMARKS.md from the output of
// `npm run bench` saved to bench/out/all.txt, so the figures quoted in the
// tables above can always be checked against the raw output that produced them.
import { readFileSync, writeFileSync } from 'node:fs';

const raw = readFileSync('bench/out/all.txt', 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('npm warn') && !l.startsWith('> '))
  .join('\n')
  .trim();
const doc = readFileSync('BENCHMARKS.md', 'utf8');
const marker = '## Latest full run';
const head = doc.includes(marker) ? doc.slice(0, doc.indexOf(marker)) : `${doc.trimEnd()}\n\n`;
writeFileSync('BENCHMARKS.md', `${head}${marker}\n\nRaw output of \`npm run bench\` (${process.argv[2] ?? 'date not given'}), from which every figure above is taken:\n\n\`\`\`\n${raw}\n\`\`\`\n`);

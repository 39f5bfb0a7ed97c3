// `npm run bench`: every benchmark, each next to its reference in the same run.
// Usage: npm run bench [-- NAME...]   (names: throughput extraction scraped-text ner quotes dates figures stories copies entities discrepancies web scale/run-scale scale/latency-100k)
// Each also runs alone: npm run bench:NAME.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ALL = [
  'throughput',
  'extraction',
  'scraped-text',
  'ner',
  'quotes',
  'dates',
  'figures',
  'stories',
  'copies',
  'entities',
  'discrepancies',
  'web',
  'scale/run-scale',
  'scale/latency-100k',
];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
let failed = 0;
for (const name of chosen) {
  const script = `bench/${name}.ts`;
  if (!existsSync(script)) {
    console.error(`unknown benchmark "${name}": expected one of ${ALL.join(', ')}`);
    failed++;
    continue;
  }
  console.log(`\n## ${name}  (node --import tsx ${script})\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

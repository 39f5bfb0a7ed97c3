// Time expressions on TempEval-3 TBAQ (training data: tuning on it is allowed), scored by the
// shared score-timex.mjs on the report of `crosscheck analyze --json` over to-jsonl's TBAQ input.
// Run from the repo root: node --import tsx bench/dates.ts [--errors N]
import { join } from 'node:path';
import { analyzeBenchmark, requireShared, score, shared } from './analyze-benchmark.js';

requireShared();
const gold = join(shared, 'datasets/tempeval3/TBAQ-cleaned');
const { file, report, seconds } = analyzeBenchmark('tempeval', gold, 'dates-tbaq');
console.log(
  `crosscheck analyze --json: ${report.articles.length} articles in ${seconds.toFixed(1)} s (bench/out/dates-tbaq.json)`,
);
process.exit(score('score-timex.mjs', ['--gold', gold, file, ...process.argv.slice(2)]));

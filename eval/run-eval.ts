// `npm run eval`: runs the quality benchmarks, prints each score next to its
// floor, and writes bench/out/eval.json (read by eval/floors.test.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { METRICS } from './metrics.js';

export function sharedAvailable(): boolean {
  return existsSync('../shared/datasets') && existsSync('../shared/bench');
}

/** Runs every bench script once and reads its metrics; a script that fails yields no metric. */
export function runEval(log: (line: string) => void = () => {}): Record<string, number> {
  const outputs = new Map<string, string>();
  const scores: Record<string, number> = {};
  for (const metric of METRICS) {
    if (!outputs.has(metric.script)) {
      log(`running ${metric.script}…`);
      try {
        outputs.set(metric.script, execFileSync(process.execPath, ['--import', 'tsx', metric.script, ...(metric.args ?? [])], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }));
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        log(`${metric.script} failed: ${(e.stderr ?? '').trim().split('\n').at(-1) ?? ''}`);
        outputs.set(metric.script, e.stdout ?? '');
      }
    }
    const match = metric.pattern.exec(outputs.get(metric.script) ?? '');
    if (match) scores[metric.name] = Number(match[1]);
  }
  return scores;
}

export function readFloors(): Record<string, number> {
  return JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Record<string, number>;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!sharedAvailable()) {
    console.log('skipped: ../shared not found (public benchmark data)');
    process.exit(0);
  }
  const scores = runEval((line) => console.error(line));
  const floors = readFloors();
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/eval.json', `${JSON.stringify(scores, null, 2)}\n`);
  console.log('| metric | score | floor |\n|---|---|---|');
  for (const m of METRICS) console.log(`| ${m.label} (${m.name}) | ${scores[m.name] ?? 'n/a'} | ${floors[m.name] ?? '-'} |`);
}

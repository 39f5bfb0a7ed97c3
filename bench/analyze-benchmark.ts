// A benchmark split turned into crosscheck input by the shared `to-jsonl.mjs`, then
// analysed by `crosscheck analyze --json`: the report the shared scorers read, made
// exactly as a user would make it.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const shared = resolve(root, '../shared');

/** Exits with a one-line reason when the public benchmark data is absent (a user's clone). */
export function requireShared(): void {
  if (existsSync(shared)) return;
  console.log('skipped: ../shared not found');
  process.exit(0);
}

export interface BenchReport {
  readonly articles: readonly ({ readonly id: string; readonly text: string } & Record<string, unknown>)[];
  readonly entities: readonly unknown[];
  readonly stories: readonly unknown[];
}

/**
 * Runs `to-jsonl.mjs KIND GOLD` into bench/out/NAME.jsonl and `crosscheck analyze
 * bench/out/NAME.jsonl --json` into bench/out/NAME.json; returns the report's path,
 * the report and the seconds the analysis took.
 */
export function analyzeBenchmark(
  kind: 'polnear' | 'tempeval' | 'ecbplus',
  gold: string,
  name: string,
): { file: string; report: BenchReport; seconds: number } {
  const input = join(root, 'bench/out', `${name}.jsonl`);
  const file = join(root, 'bench/out', `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  const converted = spawnSync(process.execPath, [join(shared, 'bench/to-jsonl.mjs'), kind, gold], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (converted.status !== 0) throw new Error(`to-jsonl.mjs ${kind} failed: ${converted.stderr.trim()}`);
  writeFileSync(input, converted.stdout);
  const out = openSync(file, 'w');
  const started = performance.now();
  const analyzed = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench/crosscheck-cli.ts'), 'analyze', input, '--json'],
    {
      cwd: root,
      stdio: ['ignore', out, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  closeSync(out);
  // Exit 1 means some articles failed and the rest were analysed: the scorer counts the missing ones.
  if (analyzed.status !== 0 && analyzed.status !== 1)
    throw new Error(`crosscheck analyze exited ${analyzed.status}: ${analyzed.stderr.trim().split('\n').at(-1) ?? ''}`);
  return { file, report: JSON.parse(readFileSync(file, 'utf8')) as BenchReport, seconds };
}

/** Runs one of the shared scorers; passes its output through and returns its exit status. */
export function score(scorer: string, args: readonly string[]): number {
  const scored = spawnSync(process.execPath, [join(shared, 'bench', scorer), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  process.stdout.write(scored.stdout);
  process.stderr.write(scored.stderr);
  return scored.status ?? 1;
}

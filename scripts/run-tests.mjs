#!/usr/bin/env node
// Runs every *.test.ts under src/ and eval/ (or the files given) with node's test runner.
// *.serial.test.ts files disturb shared services (one restarts PostgreSQL), so they run
// after all the others, alone, in a second `node --test`; the exit code fails if either run failed.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = process.argv.length > 2 ? process.argv.slice(2) : [...find('src'), ...find('eval')].sort();
const isSerial = (file) => file.endsWith('.serial.test.ts');
const runs = [
  { files: files.filter((f) => !isSerial(f)), concurrency: 2 },
  { files: files.filter(isSerial), concurrency: 1 },
];

let status = 0;
for (const run of runs) {
  if (run.files.length === 0) continue;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${run.concurrency}`, ...run.files], { stdio: 'inherit' });
  // Still run the serial files after a failure elsewhere: their result is worth having too.
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);

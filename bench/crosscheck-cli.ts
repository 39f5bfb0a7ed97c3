// The crosscheck CLI run from source (what bin/crosscheck.js runs from dist/), so a bench
// measures the code as it is now without a build first.
// Usage: node --import tsx bench/crosscheck-cli.ts analyze FILE.jsonl --json
import { main } from '../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

import { PassThrough, Readable } from 'node:stream';
import { main } from './main.js';

/** Runs the CLI in process with captured output: what a user would see, and the exit code. */
export async function runCli(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(args, { stdout, stderr, stdin: Readable.from([stdin]), env });
  return { code, out, err };
}

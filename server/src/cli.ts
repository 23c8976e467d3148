#!/usr/bin/env node
import { main } from './node/cli';

let outputFailed = false;

/**
 * Writes to a stream until it fails. A reader that went away (`xxgk-lint … | head`) is no error:
 * the rest is dropped and the run keeps its exit code. Any other failure (a full disk) is said on
 * stderr and makes the exit code 2.
 */
function sink(stream: NodeJS.WriteStream, name: string): (s: string) => void {
  let open = true;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (!open) return;
    open = false;
    if (e.code === 'EPIPE') return;
    outputFailed = true;
    if (stream !== process.stderr) stderr(`xxgk-lint: cannot write to ${name} (${e.code ?? e.message})\n`);
  });
  return (s) => {
    if (open) stream.write(s);
  };
}

const stderr = sink(process.stderr, 'stderr');

main(process.argv.slice(2), {
  stdout: sink(process.stdout, 'stdout'),
  stderr,
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    stderr(`xxgk-lint: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
// Last: a write can fail after the check has ended.
process.on('exit', () => {
  if (outputFailed) process.exitCode = 2;
});

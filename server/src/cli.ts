#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { main } from './node/cli';
import { cliLocale } from './node/locale';
import { cliText } from './node/messages';

// A run checks each file once, mostly before the engine is warm: TurboFan's inlining then costs more
// compile time than it saves (1000 reports: about a third less CPU without it, the same findings).
setFlagsFromString('--no-turbo-inlining');

const args = process.argv.slice(2);
const locale = cliLocale(args, process.env);

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
    if (stream !== process.stderr) stderr(`xxgk-lint: ${cliText('outputFailed', locale, { stream: name, code: e.code ?? e.message })}\n`);
  });
  return (s) => {
    if (open) stream.write(s);
  };
}

const stderr = sink(process.stderr, 'stderr');

main(args, {
  stdout: sink(process.stdout, 'stdout'),
  stderr,
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    stderr(`xxgk-lint: ${cliText('internalError', locale, { detail: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`);
    process.exitCode = 2;
  },
);
// Last: a write can fail after the check has ended.
process.on('exit', () => {
  if (outputFailed) process.exitCode = 2;
});

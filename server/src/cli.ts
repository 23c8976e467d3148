#!/usr/bin/env node
import { main } from './node/cli';

/**
 * Writes to a stream until its reader goes away (`xxgk-lint … | head`); what follows is dropped,
 * and the run still ends with its own exit code.
 */
function sink(stream: NodeJS.WriteStream): (s: string) => void {
  let open = true;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    open = false;
  });
  return (s) => {
    if (open) stream.write(s);
  };
}

const stderr = sink(process.stderr);

main(process.argv.slice(2), {
  stdout: sink(process.stdout),
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

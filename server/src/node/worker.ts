import { parentPort, workerData } from 'node:worker_threads';
import { FileChecker, RunOptions } from './check';
import { ConfigError } from './config';

/** A CLI worker thread: checks the files it is sent, one message per file. */
const checker = new FileChecker(workerData as RunOptions);
parentPort!.on('message', (msg: { index: number; file: string }) => {
  try {
    parentPort!.postMessage({ index: msg.index, result: checker.check(msg.file) });
  } catch (e) {
    parentPort!.postMessage({ index: msg.index, error: e instanceof Error ? e.message : String(e), config: e instanceof ConfigError });
  }
});

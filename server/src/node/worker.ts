import { parentPort, workerData } from 'node:worker_threads';
import { FileChecker, RunOptions } from './check';
import { ConfigError } from './config';

/** A CLI worker thread: checks the batches of files it is sent and answers each with its results. */
const checker = new FileChecker(workerData as RunOptions);
parentPort!.on('message', (msg: { start: number; files: string[] }) => {
  try {
    parentPort!.postMessage({ start: msg.start, results: msg.files.map((f) => checker.check(f)) });
  } catch (e) {
    parentPort!.postMessage({ start: msg.start, error: e instanceof Error ? e.message : String(e), config: e instanceof ConfigError });
  }
});

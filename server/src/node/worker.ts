import { parentPort, workerData } from 'node:worker_threads';
import { FileChecker, RunOptions } from './check';
import { ConfigError } from './config';

/** A CLI worker thread: checks the batches of files it is sent and answers each with its results. */
const checker = new FileChecker(workerData as RunOptions);
parentPort!.on('message', async (msg: { start: number; files: string[] }) => {
  try {
    const results = [];
    for (const f of msg.files) results.push(await checker.check(f));
    parentPort!.postMessage({ start: msg.start, results });
  } catch (e) {
    parentPort!.postMessage({ start: msg.start, error: e instanceof Error ? e.message : String(e), config: e instanceof ConfigError });
  }
});

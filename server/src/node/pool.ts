import * as path from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { FileChecker, RunOptions } from './check';
import { ConfigError } from './config';
import type { FileResult } from './formatters';

/** Files per batch: enough to keep a thread busy between round trips, few enough to balance the load. */
const BATCH = 16;

/**
 * Checks files on `jobs` threads: this one and `jobs - 1` workers, each taking the next batch
 * when it is done with its last. Results keep input order.
 */
export async function checkInThreads(files: string[], run: RunOptions, jobs: number): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  const take = (): { start: number; files: string[] } | undefined => {
    if (next >= files.length) return undefined;
    const batch = { start: next, files: files.slice(next, next + BATCH) };
    next += BATCH;
    return batch;
  };
  const workers: Worker[] = [];
  const inWorkers = new Promise<void>((resolve, reject) => {
    let running = 0;
    const feed = (w: Worker) => {
      const batch = take();
      if (batch) w.postMessage(batch);
      else if (--running === 0) resolve();
    };
    for (let i = 0; i < Math.min(jobs - 1, Math.ceil(files.length / BATCH) - 1); i++) {
      const w = new Worker(path.join(__dirname, 'worker.js'), { workerData: run });
      workers.push(w);
      running++;
      w.on('message', (msg: { start: number; results?: FileResult[]; error?: string; config?: boolean }) => {
        if (msg.error !== undefined) return reject(msg.config ? new ConfigError(msg.error) : new Error(msg.error));
        msg.results!.forEach((r, k) => {
          results[msg.start + k] = r;
        });
        feed(w);
      });
      w.on('error', reject);
      feed(w);
    }
    if (running === 0) resolve();
  });
  inWorkers.catch(() => undefined); // seen below; this thread's own error may come first
  try {
    const checker = new FileChecker(run);
    for (let batch = take(); batch; batch = take()) {
      for (let k = 0; k < batch.files.length; k++) results[batch.start + k] = await checker.check(batch.files[k]);
      await turn(); // let the workers' answers in, so that they are fed while this thread works
    }
    await inWorkers;
    return results;
  } finally {
    for (const w of workers) void w.terminate();
  }
}

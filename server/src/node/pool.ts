import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunOptions } from './check';
import { ConfigError } from './config';
import type { FileResult } from './formatters';

/** Files per message: enough to keep a worker busy between round trips, few enough to balance the load. */
const BATCH = 16;

/** Checks files on `jobs` worker threads, a batch at a time; results keep input order. */
export function checkInWorkers(files: string[], run: RunOptions, jobs: number): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (err?: Error) => {
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const feed = (w: Worker) => {
      if (next >= files.length) return;
      w.postMessage({ start: next, files: files.slice(next, next + BATCH) });
      next += BATCH;
    };
    for (let i = 0; i < Math.min(jobs, Math.ceil(files.length / BATCH)); i++) {
      const w = new Worker(path.join(__dirname, 'worker.js'), { workerData: run });
      workers.push(w);
      w.on('message', (msg: { start: number; results?: FileResult[]; error?: string; config?: boolean }) => {
        if (msg.error !== undefined) return finish(msg.config ? new ConfigError(msg.error) : new Error(msg.error));
        msg.results!.forEach((r, k) => {
          results[msg.start + k] = r;
        });
        done += msg.results!.length;
        if (done === files.length) finish();
        else feed(w);
      });
      w.on('error', (e) => finish(e));
      feed(w);
    }
  });
}

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RunOptions } from './check';
import { ConfigError } from './config';
import type { FileResult } from './formatters';

/** Checks files on `jobs` worker threads, handing out one file at a time; results keep input order. */
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
      if (next < files.length) {
        w.postMessage({ index: next, file: files[next] });
        next++;
      }
    };
    for (let i = 0; i < Math.min(jobs, files.length); i++) {
      const w = new Worker(path.join(__dirname, 'worker.js'), { workerData: run });
      workers.push(w);
      w.on('message', (msg: { index: number; result?: FileResult; error?: string; config?: boolean }) => {
        if (msg.error !== undefined) return finish(msg.config ? new ConfigError(msg.error) : new Error(msg.error));
        results[msg.index] = msg.result!;
        done++;
        if (done === files.length) finish();
        else feed(w);
      });
      w.on('error', (e) => finish(e));
      feed(w);
    }
  });
}

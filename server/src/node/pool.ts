import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { CACHE_FILE_NAME, ResultCache } from './cache';
import { FileChecker, RunOptions } from './check';
import { ConfigError } from './config';
import type { FileResult } from './formatters';
import type { Io } from './inputs';

/** Files per batch: enough to keep a thread busy between round trips, few enough to balance the load. */
const BATCH = 16;

/**
 * Files per thread below which another thread costs more than it saves: each thread compiles the
 * checker afresh (measured: ~0.5 s of CPU before it runs at full speed, the time of ~500 reports).
 * One core is left to V8's own background threads (compiling, collecting garbage), which keep
 * a single checking thread at ~1.4 cores: on two cores a second thread did not pay even at 4000 files.
 */
const FILES_PER_THREAD = 1000;

/**
 * A command's check of its files with its --jobs and --cache options: the results in order, or
 * the message of a config error. A cache that cannot be written is a warning on stderr.
 */
export async function checkCommandFiles(
  files: string[],
  run: RunOptions,
  values: { jobs?: string; cache?: boolean; 'cache-location'?: string },
  io: Io,
  prefix: string,
): Promise<FileResult[] | string> {
  const cache = values.cache ? ResultCache.open(values['cache-location'] ?? CACHE_FILE_NAME, io.cwd) : undefined;
  let results: FileResult[];
  try {
    results = await checkFiles(files, run, values.jobs !== undefined ? Number(values.jobs) : undefined, cache);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  try {
    cache?.save();
  } catch (e) {
    io.stderr(`${prefix}: warning: cannot write the cache ${cache!.file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
  }
  return results;
}

/**
 * Checks `files` in order, on `jobs` threads (by default one per core but one, and per 1000 files). With a
 * cache, files whose content and options are unchanged get their stored result and the others are
 * checked and stored; --fix always checks.
 */
async function checkFiles(files: string[], run: RunOptions, jobs?: number, cache?: ResultCache): Promise<FileResult[]> {
  if (!cache) return checkAll(files, run, jobs);
  const checker = new FileChecker(run);
  const hits = run.fix ? [] : files.map((f) => checker.fromCache(f, cache));
  const fresh = await checkAll(files.filter((_, i) => !hits[i]), { ...run, cacheKeys: true }, jobs);
  for (const r of fresh) cache.set(path.resolve(run.cwd, r.file), r);
  let next = 0;
  return files.map((_, i) => hits[i] ?? fresh[next++]);
}

async function checkAll(files: string[], run: RunOptions, jobs: number | undefined): Promise<FileResult[]> {
  const threads = jobs ?? Math.min(os.availableParallelism() - 1, Math.floor(files.length / FILES_PER_THREAD));
  if (threads > 1 && fs.existsSync(path.join(__dirname, 'worker.js'))) return checkInThreads(files, run, threads);
  const checker = new FileChecker(run);
  return files.map((f) => checker.check(f));
}

/**
 * Checks files on `jobs` threads: this one and `jobs - 1` workers, each taking the next batch
 * when it is done with its last. Results keep input order.
 */
async function checkInThreads(files: string[], run: RunOptions, jobs: number): Promise<FileResult[]> {
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
      batch.files.forEach((f, k) => {
        results[batch!.start + k] = checker.check(f);
      });
      await turn(); // let the workers' answers in, so that they are fed while this thread works
    }
    await inWorkers;
    return results;
  } finally {
    for (const w of workers) void w.terminate();
  }
}

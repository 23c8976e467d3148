import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadResult } from '../core/read/document';

/** How long reading one PDF may take (ms) unless the environment says otherwise. */
export const DEFAULT_PDF_TIME_LIMIT = 30_000;

/** After the limit, how long the reader gets to notice it between steps before its thread is stopped (ms). */
const GRACE = 1_000;

/** The time limit from XXGK_LINT_PDF_TIME_LIMIT (milliseconds), else the default. */
export function pdfTimeLimit(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.XXGK_LINT_PDF_TIME_LIMIT);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_PDF_TIME_LIMIT;
}

/**
 * Reads PDFs on a thread of their own with a time limit. The reader gives up between pdf.js steps
 * once the limit has passed; a step that never returns is stopped by ending the thread, and the next
 * read starts a new one. Either way the answer is 'too-slow', never a hang. Reads go one at a time.
 */
export class PdfThread {
  private worker: { thread: Worker; ready: Promise<void> } | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly limit = pdfTimeLimit()) {}

  read(bytes: Uint8Array): Promise<ReadResult> {
    const turn = this.queue.then(() => this.readNow(bytes));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Ends the thread (a new one starts on the next read). */
  close(): void {
    void this.worker?.thread.terminate();
    this.worker = undefined;
  }

  private async readNow(bytes: Uint8Array): Promise<ReadResult> {
    const started = (this.worker ??= this.start());
    try {
      await started.ready;
    } catch (error) {
      if (this.worker === started) this.worker = undefined;
      throw error;
    }
    const worker = started.thread;
    return new Promise<ReadResult>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (result: ReadResult) => {
        done();
        // pdf.js may still be busy with the file it gave up on: the next file gets a fresh thread.
        if (!result.ok && result.problem === 'too-slow') this.close();
        resolve(result);
      };
      const onError = (error: Error) => {
        done();
        if (this.worker === started) this.worker = undefined;
        reject(error);
      };
      // The timer (not the unreferenced thread) keeps the process alive while a read is under way.
      const timer = setTimeout(() => {
        done();
        this.close();
        resolve({ ok: false, problem: 'too-slow' });
      }, this.limit + GRACE);
      worker.on('message', onMessage);
      worker.on('error', onError);
      const copy = new Uint8Array(bytes);
      worker.postMessage({ bytes: copy, limit: this.limit }, [copy.buffer]);
    });
  }

  private start(): { thread: Worker; ready: Promise<void> } {
    const thread = new Worker(path.join(__dirname, 'pdf-worker.js'));
    thread.unref();
    const ready = new Promise<void>((resolve, reject) => {
      thread.once('message', () => resolve());
      thread.once('error', reject);
    });
    // Unreferenced, the thread alone would let the process end before it is ready.
    const alive = setInterval(() => undefined, 60_000);
    void ready.finally(() => clearInterval(alive)).catch(() => undefined);
    return { thread, ready };
  }
}

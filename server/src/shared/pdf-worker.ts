import { parentPort } from 'node:worker_threads';
import { loadPdfJs, readPdf } from '../core/read/pdf';

/**
 * The PDF reading thread of PdfThread: loads pdf.js, says it is ready (loading is not counted against
 * any file's limit), then reads the bytes it is sent within their time limit.
 */
parentPort!.on('message', async (msg: { bytes: Uint8Array; limit: number }) => {
  const deadline = Date.now() + msg.limit;
  try {
    parentPort!.postMessage(await readPdf(msg.bytes, { deadline }));
  } catch (error) {
    parentPort!.postMessage({ ok: false, problem: 'corrupt', detail: (error as Error).message });
  }
});
void loadPdfJs().then(() => parentPort!.postMessage('ready'));

import type { ReadResult } from './document';

/** Placeholder until the PDF reader lands. */
export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  return { ok: false, problem: 'corrupt', detail: `${bytes.length}` };
}

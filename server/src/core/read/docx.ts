import type { ReadResult } from './document';

/** Placeholder until the DOCX reader lands. */
export function readDocx(bytes: Uint8Array): ReadResult {
  return { ok: false, problem: 'not-docx', detail: `${bytes.length}` };
}

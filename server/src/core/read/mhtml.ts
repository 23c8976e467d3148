import PostalMime from 'postal-mime';
import type { ReadResult } from './document';
import { readHtml } from './html';

/** Parts a saved page may hold (the page, its pictures, styles and frames) before it is refused. */
const MAX_PARTS = 2000;

/**
 * A web page saved as one file (`.mhtml`, `.mht`: a MIME multipart/related message, the page in
 * quoted-printable or base64, decoded by its declared charset) → its page, read as a web page. The
 * page is not what the user sees in the file, so each piece carries where it stands in the page's
 * tables and paragraphs.
 */
export async function readMhtml(bytes: Uint8Array): Promise<ReadResult> {
  let html: string | undefined;
  try {
    html = (await PostalMime.parse(bytes, { maxPartCount: MAX_PARTS })).html;
  } catch (error) {
    return { ok: false, problem: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!html) return { ok: false, problem: 'corrupt', detail: 'no HTML part' };
  return { ok: true, document: { ...readHtml(html, { locate: true }), kind: 'mhtml' } };
}

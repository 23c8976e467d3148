import { isReport } from '../shared/open-reports';
import type { AnalyzeOptions } from '../core/analyze';
import type { ReadResult as PdfResult } from '../core/read/document';
import { readPdf } from '../core/read/pdf';
import { digestReport, ReportDigest } from '../core/report-digest';
import { analyzeBytes, analyzeText, isBinaryKind, SourceAnalysis, sourceKindOf } from '../core/source';
import { ClientFiles, decodeText } from './files';

/** At most this many report files are read from one folder tree (as lsp/peers.ts). */
const MAX_FILES = 500;
/** A folder is looked at again (new, changed or deleted files) after this long: longer than on the desktop, as every file is stat-ed through the client. */
const RESCAN_MS = 15_000;
/** What the CLI reads from a folder (but Office's `~$` lock files). */
const REPORT_FILES = '**/*.{txt,md,html,htm,mhtml,mht,docx,pdf}';
const EXCLUDED = '{**/node_modules/**,**/.git/**,**/~$*}';
/** How long reading one PDF may take here (the Node server's PDF thread has the same default). */
export const PDF_TIME_LIMIT_MS = 30_000;

/** A PDF read in this worker, giving up between pdf.js steps after the time limit. */
export function readPdfHere(bytes: Uint8Array): Promise<PdfResult> {
  return readPdf(bytes, { deadline: Date.now() + PDF_TIME_LIMIT_MS });
}

interface Entry {
  mtime: number;
  digest?: ReportDigest;
}

interface Root {
  scannedAt: number;
  scanning?: Promise<void>;
  files: Map<string, Entry>;
}

/**
 * The reports of a workspace folder, as digests for carry-over, copied-text and the summary: the web
 * counterpart of lsp/peers.ts, listing and reading the files through the client. Scans run in the
 * background; `onChange` names the reports that appeared, changed or went away.
 */
export class WebPeerIndex {
  private readonly roots = new Map<string, Root>();

  constructor(
    private readonly files: ClientFiles,
    private readonly options: (uri: string) => Promise<AnalyzeOptions>,
    private readonly onChange: (changed: ReportDigest[]) => void,
  ) {}

  /** Digests of the other reports in the folder tree, as far as they have been read. */
  peersOf(uri: string, folder: string): ReportDigest[] {
    const root = this.rootOf(folder);
    if (!root.scanning && Date.now() - root.scannedAt > RESCAN_MS) {
      root.scanning = this.scan(folder, root).finally(() => {
        root.scanning = undefined;
        root.scannedAt = Date.now();
      });
    }
    const out: ReportDigest[] = [];
    for (const [f, e] of root.files) if (f !== uri && e.digest) out.push(e.digest);
    return out;
  }

  /** Every report in a folder tree, read now (for the summary command). */
  async allIn(folder: string): Promise<ReportDigest[]> {
    const root = this.rootOf(folder);
    await (root.scanning ?? this.scan(folder, root));
    root.scannedAt = Date.now();
    return [...root.files.values()].flatMap((e) => (e.digest ? [e.digest] : []));
  }

  private rootOf(folder: string): Root {
    let root = this.roots.get(folder);
    if (!root) {
      root = { scannedAt: 0, files: new Map() };
      this.roots.set(folder, root);
    }
    return root;
  }

  private async scan(folder: string, root: Root): Promise<void> {
    const found = await this.files.find(folder, REPORT_FILES, EXCLUDED, MAX_FILES);
    const changed: ReportDigest[] = [];
    const seen = new Map(found.map((f) => [f.uri, f]));
    for (const [f, e] of [...root.files]) {
      if (seen.has(f)) continue;
      root.files.delete(f);
      if (e.digest) changed.push(e.digest);
    }
    for (const file of seen.values()) {
      // One report at a time, so that requests and keystrokes are served between them.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      const known = root.files.get(file.uri);
      if (known && known.mtime === file.mtime) continue;
      const entry: Entry = { mtime: file.mtime };
      root.files.set(file.uri, entry);
      const options = await this.options(file.uri);
      if (file.size > (options.maxFileSize ?? Infinity)) continue;
      const analysis = await this.readReport(file.uri, options);
      if (!analysis) continue;
      entry.digest = digestReport(file.uri, analysis.view ? { ...analysis, doc: analysis.view.doc } : analysis, options);
      changed.push(entry.digest);
    }
    if (changed.length) this.onChange(changed);
  }

  /** A file's analysis, or undefined when it cannot be read or is no report (a README, notes). */
  private async readReport(uri: string, options: AnalyzeOptions): Promise<SourceAnalysis | undefined> {
    const read = await this.files.read(uri);
    if (read.kind !== 'ok') return undefined;
    const kind = sourceKindOf(uri.replace(/[?#].*$/, ''));
    let analysis: SourceAnalysis;
    if (isBinaryKind(kind)) {
      analysis = await analyzeBytes(read.bytes, kind, options, readPdfHere);
      if (analysis.read === undefined) return undefined;
    } else {
      const text = decodeText(read.bytes);
      if (text === undefined) return undefined;
      analysis = analyzeText(text, options, kind);
    }
    return isReport(analysis) ? analysis : undefined;
  }
}

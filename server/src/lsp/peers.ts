import { isReport } from '../shared/open-reports';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { AnalyzeOptions } from '../core/analyze';
import { analyzeBytes, analyzeText, isBinaryKind, SourceAnalysis, sourceKindOf } from '../core/source';
import { digestReport, ReportDigest } from '../core/report-digest';
import { decode } from '../shared/decode';
import { PdfThread } from '../shared/pdf-thread';

/** At most this many report files are read from one folder tree for the cross-file checks. */
const MAX_FILES = 500;
/** A folder is looked at again (new, changed or deleted files) after this long. */
const RESCAN_MS = 5000;
/** What the CLI reads from a folder (but Office's `~$` lock files). */
const REPORT_FILES = ['**/*.txt', '**/*.md', '**/*.html', '**/*.htm', '**/*.mhtml', '**/*.mht', '**/*.docx', '**/*.pdf'];

interface Entry {
  mtimeMs: number;
  digest?: ReportDigest;
}

interface Root {
  scannedAt: number;
  scanning?: Promise<void>;
  files: Map<string, Entry>;
}

/**
 * The reports on disk next to an open document (its workspace folder, else its own folder), as
 * digests for carry-over and copied-text. Scans run in the background; `onChange` names the reports
 * that appeared, changed or went away.
 */
export class PeerIndex {
  private readonly roots = new Map<string, Root>();

  constructor(
    private readonly folders: () => string[],
    private readonly options: (file: string) => Promise<AnalyzeOptions>,
    private readonly onChange: (changed: ReportDigest[]) => void,
  ) {}

  /** Digests of the other reports in the file's folder tree, as far as they have been read. */
  peersOf(file: string): ReportDigest[] {
    const rootDir = this.folders().find((f) => file.startsWith(f + path.sep)) ?? path.dirname(file);
    const root = this.rootOf(rootDir);
    if (!root.scanning && Date.now() - root.scannedAt > RESCAN_MS) {
      const r = root;
      r.scanning = this.scan(rootDir, r).finally(() => {
        r.scanning = undefined;
        r.scannedAt = Date.now();
      });
    }
    const out: ReportDigest[] = [];
    for (const [f, e] of root.files) if (f !== file && e.digest) out.push(e.digest);
    return out;
  }

  /** Every report in a folder tree, read now (for the summary command). */
  async allIn(rootDir: string): Promise<ReportDigest[]> {
    const root = this.rootOf(rootDir);
    await (root.scanning ?? this.scan(rootDir, root));
    root.scannedAt = Date.now();
    return [...root.files.values()].flatMap((e) => (e.digest ? [e.digest] : []));
  }

  private rootOf(rootDir: string): Root {
    let root = this.roots.get(rootDir);
    if (!root) {
      root = { scannedAt: 0, files: new Map() };
      this.roots.set(rootDir, root);
    }
    return root;
  }

  private async scan(rootDir: string, root: Root): Promise<void> {
    let found: string[];
    try {
      found = (await glob(REPORT_FILES, { cwd: rootDir, absolute: true, ignore: ['**/node_modules/**', '**/.git/**', '**/~$*'] })).slice(0, MAX_FILES);
    } catch {
      return;
    }
    const changed: ReportDigest[] = [];
    const seen = new Set(found.map((f) => path.normalize(f)));
    for (const [f, e] of [...root.files]) {
      if (seen.has(f)) continue;
      root.files.delete(f);
      if (e.digest) changed.push(e.digest);
    }
    for (const file of seen) {
      // One report at a time, so that requests and keystrokes are served between them.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat) continue;
      const known = root.files.get(file);
      if (known && known.mtimeMs === stat.mtimeMs) continue;
      const entry: Entry = { mtimeMs: stat.mtimeMs };
      root.files.set(file, entry);
      const options = await this.options(file);
      if (stat.size > (options.maxFileSize ?? Infinity)) continue;
      const analysis = await readReport(file, options);
      // Every report is listed (titled or not); the pairing across years needs the body's name.
      if (!analysis) continue;
      entry.digest = digestReport(pathToFileURL(file).href, analysis.view ? { ...analysis, doc: analysis.view.doc } : analysis, options);
      changed.push(entry.digest);
    }
    if (changed.length) this.onChange(changed);
  }
}

/** The language server's PDF reading thread (one read at a time, with a time limit). */
export const pdfThread = new PdfThread();

/** A file's analysis, or undefined when it cannot be read or is no report (a README, notes). */
async function readReport(file: string, options: AnalyzeOptions): Promise<SourceAnalysis | undefined> {
  const kind = sourceKindOf(file);
  let analysis: SourceAnalysis;
  if (isBinaryKind(kind)) {
    analysis = await analyzeBytes(new Uint8Array(fs.readFileSync(file)), kind, options, (bytes) => pdfThread.read(bytes));
    if (analysis.read === undefined) return undefined;
  } else {
    const decoded = decode(fs.readFileSync(file));
    if (!decoded.ok) return undefined;
    analysis = analyzeText(decoded.text, options, kind);
  }
  return isReport(analysis) ? analysis : undefined;
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalyzeOptions } from '../core/analyze';
import type { SourceKind } from '../core/read/document';
import { tablesView } from '../core/tables-view';
import { analyzeBytes, BinaryKind, fixDocx, analyzeText, isBinaryKind, SourceAnalysis, sourceKindOf } from '../core/source';
import { optionsFor } from '../core/config';
import { AppliedEdit, fixAll } from '../core/fix';
import type { Locale } from '../core/model';
import type { FixKind } from '../core/rule';
import { ResultCache, sha256 } from './cache';
import { findConfig, loadConfig, LoadedConfig } from './config';
import { declaredCharset, decode, EncodingName, encode, hasUtf8Bom } from '../shared/decode';
import { digestReport } from '../core/report-digest';
import { writeAtomically } from './files';
import { cliText } from './messages';
import type { FileResult, OutputFormat } from './formatters';
import { PdfThread } from '../shared/pdf-thread';

/** What every file of one CLI run is checked with (plain data: it crosses to worker threads). */
export interface RunOptions {
  cwd: string;
  format: OutputFormat;
  /** --fix (write) or --fix-dry-run, with the --fix-type kinds. */
  fix: false | { write: boolean; kinds?: FixKind[] };
  locale: Locale;
  encoding?: EncodingName;
  /** A config given on the command line, used instead of searching. */
  config?: LoadedConfig;
  maxFileSize?: number;
  /** --pdf-time-limit (ms); without it, XXGK_LINT_PDF_TIME_LIMIT or the default. */
  pdfTimeLimit?: number;
  /** Give each result its `cacheKey` (for --cache). */
  cacheKeys?: boolean;
}

/** Reads, decodes, optionally fixes, and checks one file. Config errors are thrown (ConfigError). */
export class FileChecker {
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly searchCache = new Map<string, string | null>();

  /** PDFs are read on a thread of their own, with a time limit. */
  private readonly pdf: PdfThread;

  constructor(private readonly run: RunOptions) {
    this.pdf = new PdfThread(run.pdfTimeLimit);
  }

  private optionsFor(abs: string): AnalyzeOptions {
    let loaded = this.run.config;
    if (!loaded) {
      const found = findConfig(abs, this.searchCache);
      if (found) {
        loaded = this.configs.get(found) ?? loadConfig(found, this.run.locale);
        this.configs.set(found, loaded);
      }
    }
    const fromConfig = loaded ? optionsFor(loaded.config, path.relative(loaded.dir, abs).split(path.sep).join('/')) : {};
    return {
      ...fromConfig,
      locale: this.run.locale,
      maxFileSize: this.run.maxFileSize ?? fromConfig.maxFileSize,
      brief: this.run.format === 'text',
    };
  }

  /** The cache's name for the way a file is checked: its options and the forced encoding. */
  private variant(options: AnalyzeOptions): string {
    return sha256(JSON.stringify([options, this.run.encoding ?? null]));
  }

  /** The cached result of `file`, if its options and bytes are those it was made from. */
  fromCache(file: string, cache: ResultCache): FileResult | undefined {
    const abs = path.resolve(this.run.cwd, file);
    const variant = this.variant(this.optionsFor(abs));
    if (!cache.has(abs, variant)) return undefined;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(abs);
    } catch {
      return undefined;
    }
    return cache.get(abs, { variant, content: sha256(bytes) }, file);
  }

  async check(file: string): Promise<FileResult> {
    const abs = path.resolve(this.run.cwd, file);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(abs);
    } catch (e) {
      return {
        file,
        year: null,
        formatVersion: null,
        findings: [],
        error: cliText('cannotRead', this.run.locale, { code: (e as NodeJS.ErrnoException).code ?? 'error' }),
      };
    }
    const kind = sourceKindOf(abs);
    if (isBinaryKind(kind)) return this.checkBinary(file, abs, kind, bytes);
    return this.checkText(file, abs, kind, bytes);
  }

  private checkText(file: string, abs: string, kind: SourceKind, bytes: Buffer): FileResult {
    const decoded = decode(bytes, this.run.encoding ?? (kind === 'html' ? declaredCharset(bytes) : undefined));
    if (!decoded.ok) {
      const { locale, encoding } = this.run;
      return {
        file,
        year: null,
        formatVersion: null,
        findings: [],
        error:
          decoded.reason === 'binary' ? cliText('binary', locale) : cliText('undecodable', locale, { encoding: encoding ?? cliText('anyEncoding', locale) }),
      };
    }
    const options = this.optionsFor(abs);
    const analyzeAs = (text: string, o: AnalyzeOptions) => analyzeText(text, o, kind);
    let text = decoded.text;
    let checkedBytes = bytes;
    let fixedEdits: AppliedEdit[] | undefined;
    if (this.run.fix) {
      const fixed = fixAll(text, options, this.run.fix.kinds, analyzeAs);
      if (fixed.text !== text) {
        fixedEdits = fixed.edits;
        if (this.run.fix.write) {
          checkedBytes = encode(fixed.text, decoded.encoding, hasUtf8Bom(bytes));
          writeAtomically(abs, checkedBytes);
          text = fixed.text;
        }
      }
    }
    return this.result(file, analyzeAs(text, options), options, checkedBytes, fixedEdits);
  }

  private async checkBinary(file: string, abs: string, kind: BinaryKind, bytes: Buffer): Promise<FileResult> {
    const options = this.optionsFor(abs);
    let checked: Buffer = bytes;
    let fixedEdits: AppliedEdit[] | undefined;
    let fixRefused: string | undefined;
    if (this.run.fix && kind === 'docx') {
      if (this.run.fix.write && wordHasItOpen(abs)) {
        fixRefused = cliText('openInWord', this.run.locale);
      } else {
        const fixed = fixDocx(bytes, options, this.run.fix.kinds);
        fixRefused = fixed.refusal;
        if (fixed.applied.length > 0) {
          fixedEdits = fixed.applied;
          if (this.run.fix.write) {
            checked = Buffer.from(fixed.bytes);
            writeAtomically(abs, checked);
          }
        }
      }
    }
    let outOfTime = false;
    const readPdf = async (b: Uint8Array) => {
      const read = await this.pdf.read(b);
      outOfTime = !read.ok && read.problem === 'too-slow';
      return read;
    };
    const result = this.result(file, await analyzeBytes(checked, kind, options, readPdf), options, checked, fixedEdits);
    // Running out of time says nothing lasting about the file (a longer limit, a quieter machine): not cached.
    if (outOfTime) delete result.cacheKey;
    return fixRefused ? { ...result, fixRefused } : result;
  }

  private result(file: string, analysis: SourceAnalysis, options: AnalyzeOptions, checkedBytes: Buffer, fixedEdits?: AppliedEdit[]): FileResult {
    return {
      file,
      year: analysis.report?.year ?? null,
      formatVersion: analysis.report?.format ?? null,
      findings: analysis.findings,
      ...(analysis.checked === false ? { unchecked: true } : {}),
      digest: digestReport(file, analysis, options),
      ...(fixedEdits ? { fixedEdits } : {}),
      ...(this.run.format === 'html' ? { tables: tablesView(analysis.view ? { ...analysis, doc: analysis.view.doc } : analysis, this.run.locale) } : {}),
      ...(this.run.cacheKeys ? { cacheKey: { variant: this.variant(options), content: sha256(checkedBytes) } } : {}),
    };
  }
}

/** Word keeps `~$` + the name (its first two characters dropped when long) beside a document it has open. */
function wordHasItOpen(abs: string): boolean {
  const dir = path.dirname(abs);
  const name = path.basename(abs);
  return [`~$${name}`, `~$${name.slice(2)}`].some((lock) => fs.existsSync(path.join(dir, lock)));
}

/**
 * The copied-text threshold of a run: the command line's, else the config given with --config,
 * else the nearest config above the working folder.
 */
export function workspaceThreshold(run: RunOptions, flag?: number): number | undefined {
  if (flag !== undefined) return flag;
  const loaded = run.config ?? loadNearest(run.cwd, run.locale);
  return loaded?.config.copiedTextThreshold;
}

function loadNearest(cwd: string, locale: Locale): LoadedConfig | undefined {
  const found = findConfig(path.join(cwd, '.'));
  return found ? loadConfig(found, locale) : undefined;
}

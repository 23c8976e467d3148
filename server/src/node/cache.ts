import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileResult } from './formatters';

/** The file name used when --cache-location is absent or names a folder. */
export const CACHE_FILE_NAME = '.xxgk-lint-cache';

/** Every cache file, of any format, starts with this; a file that does not is never overwritten. */
const OURS = '{"format":';
const FORMAT = 3;
/** Results kept per file: one for each way of checking it (text or json output, locale, config). */
const VARIANTS_PER_FILE = 4;

/** What a result was made from (by `FileChecker`). */
export interface CacheKey {
  /** The options the file was checked with. */
  variant: string;
  /** The bytes that were checked. */
  content: string;
}

/**
 * One line of the file: `sum \t key \t result`, where key is the JSON of `[abs, variant, content,
 * written]`, result the JSON of the result, and sum the digest of both. JSON holds no raw tab or
 * line break, so lines are split without parsing the results; a result is parsed when it is used.
 */
interface Entry {
  abs: string;
  content: string;
  /** When the entry was written (ms): the oldest variants of a file go first. */
  written: number;
  line: string;
  /** Where the result's JSON starts in `line`. */
  resultAt: number;
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('base64');

/**
 * `--cache`: earlier results by absolute path and options, reused while a file's bytes stay the
 * same. A line that was edited or cut short is not trusted, and a file at the location that is not
 * a cache is neither read nor overwritten.
 */
export class ResultCache {
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly engine: string,
    /** By `abs + '\n' + variant`. */
    private readonly entries: Map<string, Entry>,
    /** Why the location must not be written, if it must not. */
    private readonly foreign?: string,
  ) {}

  /** Opens the cache at `location` (a file; a folder, or a path ending in `/`, to hold `.xxgk-lint-cache`). */
  static open(location: string, cwd: string): ResultCache {
    const abs = path.resolve(cwd, location);
    const file = /[\\/]$/.test(location) || statOf(abs)?.isDirectory() ? path.join(abs, CACHE_FILE_NAME) : abs;
    const engine = engineId();
    const stat = statOf(file);
    if (stat && !stat.isFile()) return new ResultCache(file, engine, new Map(), 'not a regular file');
    let text = '';
    try {
      text = stat ? fs.readFileSync(file, 'utf8') : '';
    } catch {
      // unreadable: an empty cache, and saving will say why it cannot write
    }
    if (text !== '' && !text.startsWith(OURS)) return new ResultCache(file, engine, new Map(), 'not an xxgk-lint cache');
    return new ResultCache(file, engine, readEntries(text, engine));
  }

  has(abs: string, variant: string): boolean {
    return this.entries.has(`${abs}\n${variant}`);
  }

  /** The stored result of `abs` if it was made from the same key, named `file` as this run names it. */
  get(abs: string, key: CacheKey, file: string): FileResult | undefined {
    const id = `${abs}\n${key.variant}`;
    const entry = this.entries.get(id);
    if (entry?.content !== key.content) return undefined;
    const sumEnd = entry.line.indexOf('\t');
    let result: FileResult;
    try {
      if (sha256(entry.line.slice(sumEnd + 1)) !== entry.line.slice(0, sumEnd)) throw new Error('edited');
      result = { ...(JSON.parse(entry.line.slice(entry.resultAt)) as Omit<FileResult, 'file'>), file };
    } catch {
      this.entries.delete(id);
      this.changed = true;
      return undefined;
    }
    if (result.digest) result.digest = { ...result.digest, uri: file };
    return result;
  }

  /** Keeps a fresh result (one that was checked, not one that failed). */
  set(abs: string, result: FileResult): void {
    const { file: _file, cacheKey, fixedEdits: _fixed, ...kept } = result;
    if (!cacheKey || kept.error !== undefined) return;
    const written = Date.now();
    const head = JSON.stringify([abs, cacheKey.variant, cacheKey.content, written]);
    const body = `${head}\t${JSON.stringify(kept)}`;
    const line = `${sha256(body)}\t${body}`;
    this.entries.set(`${abs}\n${cacheKey.variant}`, { abs, content: cacheKey.content, written, line, resultAt: line.length - body.length + head.length + 1 });
    this.changed = true;
  }

  /**
   * Writes the cache (atomically, creating its folder) if anything changed, keeping the newest
   * variants of each file that still exists. Throws when the location cannot or must not be written.
   */
  save(): void {
    const byFile = new Map<string, Entry[]>();
    for (const entry of this.entries.values()) byFile.set(entry.abs, [...(byFile.get(entry.abs) ?? []), entry]);
    const lines = [JSON.stringify({ format: FORMAT, engine: this.engine })];
    for (const [abs, entries] of byFile) {
      if (!fs.existsSync(abs)) continue;
      entries.sort((a, b) => b.written - a.written);
      for (const entry of entries.slice(0, VARIANTS_PER_FILE)) lines.push(entry.line);
    }
    if (!this.changed && lines.length - 1 === this.entries.size) return;
    if (this.foreign) throw new Error(`${this.foreign}; left as it is`);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, `${lines.join('\n')}\n`);
      fs.renameSync(tmp, this.file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
}

/** The entries of a cache file this build wrote; lines that do not read as entries are left out. */
function readEntries(text: string, engine: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const lines = text.split('\n');
  try {
    const header = JSON.parse(lines[0]) as { format?: unknown; engine?: unknown };
    if (header.format !== FORMAT || header.engine !== engine) return entries;
  } catch {
    return entries;
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const keyAt = line.indexOf('\t') + 1;
    const resultAt = line.indexOf('\t', keyAt) + 1;
    if (keyAt === 0 || resultAt === 0) continue;
    try {
      const [abs, variant, content, written] = JSON.parse(line.slice(keyAt, resultAt - 1)) as unknown[];
      if (typeof abs !== 'string' || typeof variant !== 'string' || typeof content !== 'string' || typeof written !== 'number') continue;
      entries.set(`${abs}\n${variant}`, { abs, content, written, line, resultAt });
    } catch {
      // a damaged line: that file is checked again
    }
  }
  return entries;
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

let engine: string | undefined;

/**
 * The running checker: a digest of the file this code runs from (the bundled CLI holds all of it)
 * and of the Node version (its ICU decodes GB18030).
 */
function engineId(): string {
  engine ??= sha256(`${process.version}\n${fs.readFileSync(__filename, 'latin1')}`);
  return engine;
}

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileResult } from './formatters';

/** The file name used when --cache-location is absent or names a folder. */
export const CACHE_FILE_NAME = '.xxgk-lint-cache';

const CACHE_FORMAT = 1;

interface Entry {
  /** The key of the content and options the result was made from (see `FileChecker.cacheKey`). */
  key: string;
  result: Omit<FileResult, 'file' | 'cacheKey'>;
}

interface CacheFile {
  format: number;
  /** Which build of the checker made the results: a different one discards them all. */
  engine: string;
  entries: Record<string, Entry>;
}

/**
 * `--cache`: the results of earlier runs by absolute path, reused while a file's content and the
 * options it is checked with stay the same. A missing, unreadable or foreign cache file is an empty
 * cache; nothing else is ever read from or written to the user's folders.
 */
export class ResultCache {
  private constructor(
    readonly file: string,
    private readonly engine: string,
    private readonly entries: Map<string, Entry>,
    private changed: boolean,
  ) {}

  /** Opens the cache at `location` (a file, or a folder to hold `.xxgk-lint-cache`). */
  static open(location: string): ResultCache {
    const isFolder = fs.statSync(location, { throwIfNoEntry: false })?.isDirectory() || /[\\/]$/.test(location);
    const file = isFolder ? path.join(location, CACHE_FILE_NAME) : location;
    const engine = engineId();
    try {
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (stored.format === CACHE_FORMAT && stored.engine === engine && stored.entries && typeof stored.entries === 'object') {
        return new ResultCache(file, engine, new Map(Object.entries(stored.entries)), false);
      }
    } catch {
      // none yet, or not ours: start afresh
    }
    return new ResultCache(file, engine, new Map(), true);
  }

  has(abs: string): boolean {
    return this.entries.has(abs);
  }

  /** The stored result of `abs` if it was made from the same key, named `file` as this run names it. */
  get(abs: string, key: string, file: string): FileResult | undefined {
    const entry = this.entries.get(abs);
    if (entry?.key !== key || !Array.isArray(entry.result?.findings)) return undefined;
    const result: FileResult = { file, ...entry.result };
    if (result.digest) result.digest = { ...result.digest, uri: file };
    return result;
  }

  /** Keeps a fresh result (one that was checked, not one that failed). */
  set(abs: string, result: FileResult): void {
    const { file: _file, cacheKey, ...rest } = result;
    if (cacheKey === undefined || rest.error !== undefined) return;
    const { fixedEdits: _fixed, ...kept } = rest;
    this.entries.set(abs, { key: cacheKey, result: kept });
    this.changed = true;
  }

  /** Writes the cache (atomically) if it changed, dropping the entries of files that no longer exist. */
  save(): void {
    const entries: Record<string, Entry> = {};
    for (const [abs, entry] of this.entries) {
      if (fs.existsSync(abs)) entries[abs] = entry;
      else this.changed = true;
    }
    if (!this.changed) return;
    const data: CacheFile = { format: CACHE_FORMAT, engine: this.engine, entries };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
}

let engine: string | undefined;

/** A digest of the running checker's own code: a rebuilt checker does not trust older results. */
function engineId(): string {
  engine ??= createHash('sha256').update(fs.readFileSync(__filename)).digest('base64');
  return engine;
}

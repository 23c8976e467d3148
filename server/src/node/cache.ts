import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTempOf, withLock, writeAtomically } from './files';
import type { FileResult } from './formatters';

/** The file name used when --cache-location is absent or names a folder. */
export const CACHE_FILE_NAME = '.xxgk-lint-cache';

/** Every cache file starts with this; a file that does not is neither read nor overwritten. */
const MARK = '{"tool":"xxgk-lint-cache",';
const FORMAT = 1;
const headerLine = (engine: string) => `${MARK}"format":${FORMAT},"engine":${JSON.stringify(engine)}}\n`;
const isCache = (head: Uint8Array) => Buffer.from(head.subarray(0, MARK.length)).toString('latin1') === MARK;
/** Results kept per file: one for each way of checking it (text or json output, locale, config). */
const VARIANTS_PER_FILE = 4;
/** A hit older than this is written back, so that eviction goes by use, not by age alone. */
const USE_REFRESH_MS = 60 * 60 * 1000;
const NL = 10;
const TAB = 9;

/** What a result was made from (by `FileChecker`). */
export interface CacheKey {
  /** The options the file was checked with. */
  variant: string;
  /** The bytes that were checked. */
  content: string;
}

type StoredResult = Omit<FileResult, 'file' | 'cacheKey'>;

/**
 * After a header line, one line per result: `sum \t key \t used \t result`, where key is the JSON of
 * `[abs, variant, content]`, result the JSON of the result, used when it was last used (ms), and
 * sum the digest of key and result. JSON holds no raw tab or line break, so lines are split without
 * parsing the results, and a result is parsed (and its digest checked) only when it is used.
 */
interface Entry {
  abs: string;
  content: string;
  key: string;
  used: number;
  /** A line read from the file: its digest and the bytes of its result. */
  stored?: { sum: string; result: Buffer };
  /** A result of this run, made JSON only as it is written. */
  fresh?: StoredResult;
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('base64');

const digestOf = (key: string, result: Uint8Array) => createHash('sha256').update(key).update('\t').update(result).digest('base64');

/** Why a file at the cache location is neither read nor overwritten (the CLI words it). */
export interface CacheRefusal {
  reason: 'dangling' | 'notFile' | 'foreign' | 'tooLarge' | 'unreadable';
  code?: string;
}

export class CacheLeftAlone extends Error {
  constructor(readonly refusal: CacheRefusal) {
    super(`cache left as it is: ${refusal.reason}`);
  }
}

/**
 * `--cache`: earlier results by absolute path and options, reused while a file's bytes stay the
 * same. A damaged line is checked again; a file at the location that is not a cache is neither
 * read nor overwritten.
 */
export class ResultCache {
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly engine: string,
    /** By `abs + '\n' + variant`. */
    private readonly entries: Map<string, Entry>,
    /** Why the location must not be written, if it must not. */
    private readonly refusal?: CacheRefusal,
  ) {}

  /** Opens the cache at `location` (a file, or a folder to hold `.xxgk-lint-cache`; a path ending in a separator is a folder). */
  static open(location: string, cwd: string): ResultCache {
    const asFolder = location.endsWith('/') || (path.sep === '\\' && location.endsWith('\\'));
    const abs = path.resolve(cwd, location);
    let file = asFolder || statOf(abs)?.isDirectory() ? path.join(abs, CACHE_FILE_NAME) : abs;
    const engine = engineId();
    const refuse = (why: CacheRefusal) => new ResultCache(file, engine, new Map(), why);
    const link = lstatOf(file);
    if (!link) return new ResultCache(file, engine, new Map());
    const stat = statOf(file);
    if (!stat) return refuse({ reason: 'dangling' });
    if (!stat.isFile()) return refuse({ reason: 'notFile' });
    if (link.isSymbolicLink()) file = fs.realpathSync(file);
    let data: Buffer;
    try {
      if (!startsAsCache(file)) return refuse({ reason: 'foreign' });
      data = fs.readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return refuse(code === 'ERR_FS_FILE_TOO_LARGE' ? { reason: 'tooLarge' } : { reason: 'unreadable', code });
    }
    return new ResultCache(file, engine, readEntries(data, engine));
  }

  has(abs: string, variant: string): boolean {
    return this.entries.has(`${abs}\n${variant}`);
  }

  /** The stored result of `abs` if it was made from the same key, named `file` as this run names it. */
  get(abs: string, key: CacheKey, file: string): FileResult | undefined {
    const id = `${abs}\n${key.variant}`;
    const entry = this.entries.get(id);
    if (entry?.content !== key.content) return undefined;
    let result: FileResult;
    try {
      const { stored, fresh } = entry;
      if (stored && digestOf(entry.key, stored.result) !== stored.sum) throw new Error('edited');
      result = { ...(fresh ?? (JSON.parse(stored!.result.toString('utf8')) as StoredResult)), file };
      if (!Array.isArray(result.findings)) throw new Error('not a result');
    } catch {
      this.entries.delete(id);
      this.changed = true;
      return undefined;
    }
    const now = Date.now();
    if (now - entry.used > USE_REFRESH_MS) this.changed = true;
    entry.used = now;
    if (result.digest) result.digest = { ...result.digest, uri: file };
    return result;
  }

  /** Keeps a fresh result (one that was checked, not one that failed). */
  set(abs: string, result: FileResult): void {
    const { file: _file, cacheKey, fixedEdits: _fixed, ...kept } = result;
    if (!cacheKey || kept.error !== undefined) return;
    const key = JSON.stringify([abs, cacheKey.variant, cacheKey.content]);
    this.entries.set(`${abs}\n${cacheKey.variant}`, { abs, content: cacheKey.content, key, used: Date.now(), fresh: kept });
    this.changed = true;
  }

  /**
   * Writes the cache if anything changed (atomically, creating its folder), with what other runs
   * wrote since it was read (runs take turns by a lock file), keeping the most recently used
   * variants of each file that still exists. Throws when the location cannot or must not be written.
   */
  save(): void {
    const existing = new Map<string, boolean>();
    const exists = (abs: string) => existing.get(abs) ?? existing.set(abs, fs.existsSync(abs)).get(abs)!;
    if (!this.changed && [...this.entries.values()].every((e) => exists(e.abs))) return;
    if (this.refusal) throw new CacheLeftAlone(this.refusal);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    withLock(this.file, () => {
      let meanwhile = new Map<string, Entry>();
      try {
        const data = fs.readFileSync(this.file);
        if (!isCache(data)) throw new CacheLeftAlone({ reason: 'foreign' });
        meanwhile = readEntries(data, this.engine);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      const byFile = new Map<string, Entry[]>();
      const add = (e: Entry) => byFile.set(e.abs, [...(byFile.get(e.abs) ?? []), e]);
      for (const e of this.entries.values()) add(e);
      for (const [id, e] of meanwhile) if (!this.entries.has(id)) add(e);
      const kept: Entry[] = [];
      for (const [abs, entries] of byFile) {
        if (!exists(abs)) continue;
        entries.sort((a, b) => b.used - a.used);
        kept.push(...entries.slice(0, VARIANTS_PER_FILE));
      }
      const engine = this.engine;
      function* lines(): Generator<string | Uint8Array> {
        yield headerLine(engine);
        for (const e of kept) {
          const result = e.stored?.result ?? Buffer.from(JSON.stringify(e.fresh));
          yield `${e.stored?.sum ?? digestOf(e.key, result)}\t${e.key}\t${e.used}\t`;
          yield result;
          yield '\n';
        }
      }
      removeLeftovers(this.file);
      writeAtomically(this.file, lines());
    });
  }
}

/** Temporary files of saves that were stopped (under the lock, no save is under way). */
function removeLeftovers(file: string): void {
  const dir = path.dirname(file);
  for (const name of fs.readdirSync(dir)) if (isTempOf(file, name)) fs.rmSync(path.join(dir, name), { force: true });
}

/** The entries of a cache file this build wrote; lines that do not read as entries are left out. */
function readEntries(data: Buffer, engine: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let end = data.indexOf(NL);
  try {
    const header = JSON.parse(data.toString('utf8', 0, end < 0 ? data.length : end)) as { format?: unknown; engine?: unknown };
    if (header.format !== FORMAT || header.engine !== engine) return entries;
  } catch {
    return entries;
  }
  for (let start = end + 1; end >= 0 && start < data.length; start = end + 1) {
    end = data.indexOf(NL, start);
    const lineEnd = end < 0 ? data.length : end;
    const keyAt = data.indexOf(TAB, start) + 1;
    const usedAt = keyAt > 0 && keyAt < lineEnd ? data.indexOf(TAB, keyAt) + 1 : 0;
    const resultAt = usedAt > 0 && usedAt < lineEnd ? data.indexOf(TAB, usedAt) + 1 : 0;
    if (resultAt === 0 || resultAt > lineEnd) continue;
    try {
      const key = data.toString('utf8', keyAt, usedAt - 1);
      const [abs, variant, content] = JSON.parse(key) as unknown[];
      const used = Number(data.toString('latin1', usedAt, resultAt - 1));
      if (typeof abs !== 'string' || typeof variant !== 'string' || typeof content !== 'string' || !Number.isFinite(used)) continue;
      const sum = data.toString('latin1', start, keyAt - 1);
      entries.set(`${abs}\n${variant}`, { abs, content, key, used, stored: { sum, result: data.subarray(resultAt, lineEnd) } });
    } catch {
      // a damaged line: that file is checked again
    }
  }
  return entries;
}

function startsAsCache(file: string): boolean {
  const head = Buffer.alloc(MARK.length);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && isCache(head);
  } finally {
    fs.closeSync(fd);
  }
}

/** `fs.statSync` without throwing, also for ENOTDIR and EACCES (which `throwIfNoEntry` lets through). */
function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function lstatOf(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

let runningEngine: string | undefined;

/**
 * The running checker: a digest of the file this code runs from and of the Node version (its ICU
 * decodes GB18030). The bundled CLI holds the whole checker; run from the separately compiled
 * modules (the tests), only this module counts, so a changed engine there keeps old results.
 */
function engineId(): string {
  runningEngine ??= sha256(`${process.version}\n${fs.readFileSync(__filename, 'latin1')}`);
  return runningEngine;
}

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locale } from '../core/model';
import { CACHE_FILE_NAME, CacheLeftAlone, CacheRefusal, ResultCache } from './cache';
import { FileChecker, RunOptions } from './check';
import { ConfigError } from './config';
import { FIX_KINDS, FixKind } from '../core/rule';
import { FileResult, where } from './formatters';
import type { Io } from './inputs';
import { choices, CliMessageId, cliText, HelpOption } from './messages';
import { checkInThreads } from './pool';
import { DEFAULT_PDF_TIME_LIMIT } from '../shared/pdf-thread';

/** The options of every command that checks files: threads and the result cache (for `parseArgs`). */
export const RUN_OPTIONS = {
  jobs: { type: 'string', short: 'j' },
  cache: { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  'pdf-time-limit': { type: 'string' },
} as const;

/** The help lines of `RUN_OPTIONS`. */
export const RUN_HELP: HelpOption[] = [
  [
    { 'zh-CN': '  -j, --jobs <线程数>', en: '  -j, --jobs <n>' },
    {
      'zh-CN': '文件多时的线程数（默认：核数减一，每1000个文件至多一个）',
      en: 'threads for many files (default: cores - 1, at most one per 1000 files)',
    },
  ],
  ['      --cache', { 'zh-CN': '复用上次 --cache 运行以来未改动的文件的结果', en: 'reuse the results of files unchanged since the last --cache run' }],
  [
    { 'zh-CN': '      --cache-location <路径>', en: '      --cache-location <path>' },
    {
      'zh-CN': '缓存文件，或存放缓存的文件夹（默认：./.xxgk-lint-cache）',
      en: 'the cache file, or a folder for it (default: ./.xxgk-lint-cache)',
    },
  ],
  [
    { 'zh-CN': '      --pdf-time-limit <毫秒>', en: '      --pdf-time-limit <ms>' },
    {
      'zh-CN': `读取每个 PDF 的时间上限，超过则不检查（默认：${DEFAULT_PDF_TIME_LIMIT}，或 XXGK_LINT_PDF_TIME_LIMIT）`,
      en: `time limit for reading each PDF; past it the file is not checked (default: ${DEFAULT_PDF_TIME_LIMIT}, or XXGK_LINT_PDF_TIME_LIMIT)`,
    },
  ],
];

const CACHE_REASONS: Record<CacheRefusal['reason'], CliMessageId> = {
  dangling: 'cacheDangling',
  notFile: 'cacheNotFile',
  foreign: 'cacheForeign',
  tooLarge: 'cacheTooLarge',
  unreadable: 'cacheUnreadable',
};

/** The options of fixing (for `parseArgs`). */
export const FIX_OPTIONS = {
  fix: { type: 'boolean', default: false },
  'fix-dry-run': { type: 'boolean', default: false },
  'fix-type': { type: 'string' },
} as const;

/** The help lines of `FIX_OPTIONS`. */
export const FIX_HELP: HelpOption[] = [
  ['      --fix', { 'zh-CN': '把可确定的修复写入文件（原子写入），逐条列出', en: 'write the safe fixes into the files (atomically) and list each edit' }],
  ['      --fix-dry-run', { 'zh-CN': '列出 --fix 会做的修改，不写入文件', en: 'list the edits --fix would make, writing nothing' }],
  [
    { 'zh-CN': '      --fix-type <种类>', en: '      --fix-type <kinds>' },
    {
      'zh-CN': `只做这几种修复，以逗号分隔：${FIX_KINDS.join(',')}`,
      en: `only these kinds of fix, comma-separated: ${FIX_KINDS.join(', ')}`,
    },
  ],
];

type FixValues = { fix?: boolean; 'fix-dry-run'?: boolean; 'fix-type'?: string };

/** What to fix, or the usage error in the fix options. */
export function fixRunOf(values: FixValues, locale: Locale): RunOptions['fix'] | { error: string } {
  const kinds = choices(FIX_KINDS);
  if (values.fix && values['fix-dry-run']) return { error: cliText('fixAndDryRun', locale) };
  const listed = values['fix-type']
    ?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (listed && !values.fix && !values['fix-dry-run']) return { error: cliText('fixTypeAlone', locale) };
  const unknown = listed?.find((k) => !(FIX_KINDS as readonly string[]).includes(k));
  if (unknown !== undefined) return { error: cliText('unknownFixType', locale, { value: unknown, choices: kinds }) };
  if (listed && listed.length === 0) return { error: cliText('fixTypeEmpty', locale, { choices: kinds }) };
  if (!values.fix && !values['fix-dry-run']) return false;
  return { write: Boolean(values.fix), ...(listed ? { kinds: listed as FixKind[] } : {}) };
}

/**
 * One line per edit that --fix made (positions in the fixed file) or --fix-dry-run would make
 * (positions in the file as it is): `r.txt:39:48 表三「（一）予以公开」 总计 0 → 5`.
 */
export function fixLog(r: Pick<FileResult, 'file' | 'fixedEdits'>, locale: Locale, written: boolean): string {
  const shown = (s: string) => s.trim().replace(/\s*[\r\n]+\s*/g, ' ⏎ ') || cliText('emptyText', locale);
  return (r.fixedEdits ?? [])
    .map((e) => {
      const at = written ? e.fixed : e.original;
      return `${r.file}:${where({ range: { start: at, end: at }, location: e.location }, locale)} ${e.subject} ${shown(e.oldText)} → ${shown(e.newText)}\n`;
    })
    .join('');
}

type RunValues = { jobs?: string; cache?: boolean; 'cache-location'?: string; 'pdf-time-limit'?: string };

const jobsOf = (values: RunValues) => (values.jobs === undefined ? undefined : Number(values.jobs));

/** The longest wait a Node timer keeps (2^31 − 1 ms, about 24 days): a longer one would fire at once. */
const MAX_PDF_TIME_LIMIT = 2 ** 31 - 1;

/** --pdf-time-limit in milliseconds (undefined: the environment's or the default); NaN when it is not a whole number in range. */
export function pdfTimeLimitOf(values: RunValues): number | undefined {
  const given = values['pdf-time-limit'];
  if (given === undefined) return undefined;
  const ms = /^\s*\d+\s*$/.test(given) ? Number(given) : NaN;
  return ms >= 1 && ms <= MAX_PDF_TIME_LIMIT ? ms : NaN;
}

/** A usage error in --jobs or --pdf-time-limit, if any. */
export function runOptionError(values: RunValues, locale: Locale): string | undefined {
  const jobs = jobsOf(values);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) return cliText('jobs', locale);
  if (Number.isNaN(pdfTimeLimitOf(values))) return cliText('pdfTimeLimit', locale);
  return undefined;
}

/**
 * A command's check of its files with its --jobs and --cache options: the results in order, or
 * the message of a config error. A cache that cannot be written is a warning on stderr.
 */
export async function checkCommandFiles(files: string[], run: RunOptions, values: RunValues, io: Io, command: string): Promise<FileResult[] | string> {
  const cache = values.cache ? ResultCache.open(values['cache-location'] ?? CACHE_FILE_NAME, io.cwd) : undefined;
  let results: FileResult[];
  try {
    results = await checkFiles(files, run, jobsOf(values), cache);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  try {
    cache?.save();
  } catch (e) {
    const reason =
      e instanceof CacheLeftAlone
        ? cliText(CACHE_REASONS[e.refusal.reason], run.locale, { code: e.refusal.code ?? '' })
        : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    io.stderr(`${command}: ${cliText('cacheNotWritten', run.locale, { file: cache!.file, reason })}\n`);
  }
  return results;
}

/**
 * Checks `files` in order. With a cache, files whose bytes and options are unchanged get their
 * stored result and the others are checked and stored; --fix and --fix-dry-run always check.
 */
async function checkFiles(files: string[], run: RunOptions, jobs?: number, cache?: ResultCache): Promise<FileResult[]> {
  if (!cache) return checkAll(files, run, jobs);
  const checker = new FileChecker(run);
  const hits = run.fix ? [] : files.map((f) => checker.fromCache(f, cache));
  const fresh = await checkAll(
    files.filter((_, i) => !hits[i]),
    { ...run, cacheKeys: true },
    jobs,
  );
  for (const r of fresh) cache.set(path.resolve(run.cwd, r.file), r);
  let next = 0;
  return files.map((_, i) => hits[i] ?? fresh[next++]);
}

/**
 * Files per thread below which another thread costs more than it saves: each thread compiles the
 * checker afresh (measured: ~0.5 s of CPU before it runs at full speed, the time of ~500 reports).
 */
const FILES_PER_THREAD = 1000;

async function checkAll(files: string[], run: RunOptions, jobs: number | undefined): Promise<FileResult[]> {
  // One core is left to V8's own threads (compiling, collecting garbage), which keep a single
  // checking thread at ~1.4 cores: on two cores a second thread did not pay even at 4000 files.
  const threads = jobs ?? Math.min(os.availableParallelism() - 1, Math.floor(files.length / FILES_PER_THREAD));
  if (threads > 1 && fs.existsSync(path.join(__dirname, 'worker.js'))) return checkInThreads(files, run, threads);
  const checker = new FileChecker(run);
  const results: FileResult[] = [];
  for (const f of files) results.push(await checker.check(f));
  return results;
}

import type { Locale } from '../core/model';
import { format, Localized, Params } from '../core/rule';
import { displayWidth } from '../core/text';

/** Everything the command line itself says (the findings' texts live with their rules). */
export const CLI_MESSAGES = {
  // usage errors
  unknownOption: { 'zh-CN': '未知选项「{option}」', en: 'unknown option {option}' },
  missingValue: { 'zh-CN': '选项「{option}」缺少取值', en: 'option {option} needs a value' },
  unexpectedValue: { 'zh-CN': '选项「{option}」不带取值', en: 'option {option} takes no value' },
  badArguments: { 'zh-CN': '命令行参数有误：{detail}', en: '{detail}' },
  unknownFormat: { 'zh-CN': '未知的输出格式「{value}」（可用 {choices}）', en: 'unknown format "{value}" ({choices})' },
  unknownLocale: { 'zh-CN': '未知的语言「{value}」（可用 zh-CN 或 en）', en: 'unknown locale "{value}" (zh-CN or en)' },
  unknownEncoding: { 'zh-CN': '未知的编码「{value}」（可用 {choices}）', en: 'unknown encoding "{value}" ({choices})' },
  maxFileSize: { 'zh-CN': '--max-file-size 应为正数', en: '--max-file-size takes a positive number' },
  jobs: { 'zh-CN': '--jobs 应为不小于1的整数', en: '--jobs takes a whole number from 1' },
  pdfTimeLimit: {
    'zh-CN': '--pdf-time-limit 应为1至2147483647之间的整数（单位：毫秒，如60000即一分钟）',
    en: '--pdf-time-limit takes a whole number of milliseconds from 1 to 2147483647 (60000 is one minute)',
  },
  threshold: { 'zh-CN': '--copied-text-threshold 应为大于0且不大于1的数', en: '--copied-text-threshold takes a number in (0, 1]' },
  noInput: { 'zh-CN': '没有给出要检查的文件（见 --help）', en: 'no input files (see --help)' },
  fixAndDryRun: { 'zh-CN': '--fix 与 --fix-dry-run 不能同时使用', en: '--fix and --fix-dry-run cannot be used together' },
  fixTypeAlone: { 'zh-CN': '--fix-type 须与 --fix 或 --fix-dry-run 同用', en: '--fix-type needs --fix or --fix-dry-run' },
  unknownFixType: { 'zh-CN': '未知的修复种类「{value}」（可用 {choices}）', en: 'unknown fix type "{value}" ({choices})' },
  fixTypeEmpty: { 'zh-CN': '--fix-type 应为以逗号分隔的修复种类（{choices}）', en: '--fix-type takes a comma-separated list of fix types ({choices})' },
  noFiles: { 'zh-CN': '没有要检查的文件', en: 'no files to check' },
  missing: { 'zh-CN': '{name}：没有这个文件、文件夹，也没有与之匹配的文件', en: '{name}: no such file, folder or matching glob' },
  // files that cannot be checked
  cannotRead: { 'zh-CN': '无法读取（{code}）', en: 'cannot read ({code})' },
  binary: { 'zh-CN': '不是文本文件（含有 NUL 字节），已跳过', en: 'not a text file (contains NUL bytes); skipped' },
  undecodable: { 'zh-CN': '无法按 {encoding} 解码，已跳过', en: 'cannot be decoded as {encoding}; skipped' },
  anyEncoding: { 'zh-CN': 'UTF-8、UTF-16 或 GB18030', en: 'UTF-8, UTF-16 or GB18030' },
  // the result cache
  cacheNotWritten: { 'zh-CN': '警告：无法写入缓存 {file}（{reason}）', en: 'warning: cannot write the cache {file} ({reason})' },
  cacheDangling: { 'zh-CN': '链接指向的文件不存在，保持原样', en: 'a link to nothing; left as it is' },
  cacheNotFile: { 'zh-CN': '不是普通文件，保持原样', en: 'not a regular file; left as it is' },
  cacheForeign: { 'zh-CN': '不是 xxgk-lint 缓存，保持原样', en: 'not an xxgk-lint cache; left as it is' },
  cacheTooLarge: { 'zh-CN': '文件过大，无法读取，保持原样', en: 'too large to read; left as it is' },
  cacheUnreadable: { 'zh-CN': '无法读取（{code}），保持原样', en: 'cannot be read ({code}); left as it is' },
  // results
  fileSays: { 'zh-CN': '{file}：{text}', en: '{file}: {text}' },
  emptyText: { 'zh-CN': '（空）', en: '(empty)' },
  openInWord: { 'zh-CN': '文件正在 Word 中打开（有 ~$ 锁定文件），未写入修复', en: 'the file is open in Word (a ~$ lock file exists); fixes not written' },
  totals: {
    'zh-CN': '共{files}个文件，{problems}个问题（{errors}个错误，{warnings}个警告，{infos}个提示）',
    en: '{problems} problem(s) ({errors} error(s), {warnings} warning(s), {infos} info) in {files} file(s)',
  },
  // the process
  outputFailed: { 'zh-CN': '无法写入 {stream}（{code}）', en: 'cannot write to {stream} ({code})' },
  internalError: { 'zh-CN': '内部错误：{detail}', en: 'internal error: {detail}' },
} satisfies Record<string, Localized>;

export type CliMessageId = keyof typeof CLI_MESSAGES;

export function cliText(id: CliMessageId, locale: Locale, params: Params = {}): string {
  return format(CLI_MESSAGES[id][locale], params, locale);
}

/** `a、b 或 c` / `a, b or c`. */
export function choices(values: readonly string[]): Localized {
  const list = (sep: string, or: string) => (values.length < 2 ? values.join('') : `${values.slice(0, -1).join(sep)}${or}${values.at(-1)}`);
  return { 'zh-CN': list('、', ' 或 '), en: list(', ', ' or ') };
}

/**
 * Node's `parseArgs` errors in the user's language: the option is read from the message, the
 * kind from the error code (Node words these messages in English only).
 */
export function parseArgsError(e: Error & { code?: string }, locale: Locale): string {
  const option = /'(-[^']*)'/.exec(e.message)?.[1];
  const named = option && (/--[\w-]+/.exec(option)?.[0] ?? option.split(/[ ,]/)[0]);
  if (named && e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return cliText('unknownOption', locale, { option: named });
  if (named && /argument missing/.test(e.message)) return cliText('missingValue', locale, { option: named });
  if (named && /does not take an argument/.test(e.message)) return cliText('unexpectedValue', locale, { option: named });
  return cliText('badArguments', locale, { detail: e.message });
}

/** One option of a command's --help: how it is written, and what it does. */
export type HelpOption = [option: string | Localized, meaning: Localized];

/** Option lines with the meanings from column `width` (counted in terminal columns). */
export function helpOptions(options: HelpOption[], width: number, locale: Locale): string {
  return options
    .map(([option, meaning]) => {
      const written = typeof option === 'string' ? option : option[locale];
      return `${written}${' '.repeat(Math.max(1, width - displayWidth(written)))}${meaning[locale]}`;
    })
    .join('\n');
}

export const HELP_HEADINGS = {
  options: { 'zh-CN': '选项：', en: 'Options:' },
  help: { 'zh-CN': '显示此帮助', en: 'show this help' },
} satisfies Record<string, Localized>;

import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import type { Locale } from '../core/model';

/** Files named on the command line: files as given, folders searched for *.txt and *.md, globs expanded. */
export async function collectFiles(args: string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      files.push(arg);
    } else if (stat?.isDirectory()) {
      const found = await glob(['**/*.txt', '**/*.md'], { cwd: abs, ignore: ['**/node_modules/**', '**/.git/**'] });
      files.push(...found.sort().map((f) => path.join(arg, f)));
    } else {
      const found = await glob([arg], { cwd, ignore: ['**/node_modules/**'] });
      if (found.length) files.push(...found.sort());
      else missing.push(arg);
    }
  }
  return { files: [...new Set(files)], missing };
}

/** zh-CN when the environment's language is Chinese, else English. */
export function defaultLocale(env: Record<string, string | undefined>): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}

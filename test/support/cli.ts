import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { main } from '../../server/src/node/cli';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export const ZH = { LANG: 'zh_CN.UTF-8' };

/** The CLI in this process, with its output collected. */
export async function run(argv: string[], cwd: string, env: Record<string, string | undefined> = ZH): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

const temps: string[] = [];
after(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** A fresh temporary folder holding the given files (name → text or bytes), removed after the tests. */
export function workspace(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

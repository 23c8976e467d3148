import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createProtocolConnection, ProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { FIXTURES, ROOT, SEEDS } from '../support/fixtures';

export interface LspFigure {
  name: string;
  bytes: number;
  medianMs: number;
  p95Ms: number;
  rssMb?: number;
}

const SERVER = path.join(ROOT, 'server', 'out', 'server.js');
const SETTINGS = { debounceMs: 0, run: 'onType', maxFileSize: 20_000_000 };

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 100) / 100;
}

interface Session {
  child: ChildProcess;
  conn: ProtocolConnection;
  waitDiagnostics(uri: string, version: number): Promise<void>;
}

async function start(): Promise<Session> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, { version: number; resolve: () => void }>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const w = waiting.get(p.uri);
    if (w && (p.version === undefined || p.version >= w.version)) {
      waiting.delete(p.uri);
      w.resolve();
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => SETTINGS));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: SETTINGS,
    locale: 'zh-cn',
  });
  await conn.sendNotification('initialized', {});
  return {
    child,
    conn,
    waitDiagnostics: (uri, version) => new Promise((resolve) => waiting.set(uri, { version, resolve })),
  };
}

/** Changes one digit of 表三 and waits for the diagnostics of that version, `runs` times. */
async function didChangeLatency(s: Session, name: string, text: string, runs: number): Promise<LspFigure> {
  const uri = `file:///bench/${name.replace(/\W+/g, '_')}.txt`;
  const version0 = 1;
  let ready = s.waitDiagnostics(uri, version0);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xxgk-report', version: version0, text } });
  await ready;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('(一)予以公开'));
  const character = lines[line].indexOf('| 0 |', lines[line].indexOf('予以公开')) + 2;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const version = version0 + 1 + i;
    ready = s.waitDiagnostics(uri, version);
    const t0 = process.hrtime.bigint();
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: String(i % 2) }],
    });
    await ready;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { name: `didChange→diagnostics ${name}`, bytes: Buffer.byteLength(text), medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95) };
}

async function requestLatency(s: Session, name: string, method: string, params: unknown, runs: number): Promise<LspFigure> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await s.conn.sendRequest(method, params);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { name, bytes: 0, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95) };
}

function rssOf(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Math.round((kb / 1024) * 100) / 100;
  } catch {
    return undefined;
  }
}

export async function benchLsp(): Promise<LspFigure[]> {
  if (!fs.existsSync(SERVER)) return [];
  const seed = fs.readFileSync(path.join(FIXTURES, 'seeds', SEEDS.s000), 'utf8');
  const prose = seed.split('\n').slice(2, 13).join('\n');
  let report20k = seed;
  while (Buffer.byteLength(report20k) < 20_000) report20k = report20k.replace('\n', `\n${prose}\n`);
  const big = (seed + '\n').repeat(Math.round(1_000_000 / Buffer.byteLength(seed)));
  const s = await start();
  try {
    const figures: LspFigure[] = [];
    figures.push(await didChangeLatency(s, '20 KB', report20k, 60));
    figures.push(await didChangeLatency(s, '1 MB', big, 15));
    const uri = 'file:///bench/20_KB.txt';
    const lines = report20k.split('\n');
    const line = lines.findIndex((l) => l.includes('(一)予以公开'));
    figures.push(await requestLatency(s, 'hover 20 KB', 'textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } }, 60));
    figures.push(
      await requestLatency(
        s,
        'codeAction 20 KB',
        'textDocument/codeAction',
        {
          textDocument: { uri },
          range: { start: { line, character: 0 }, end: { line, character: 40 } },
          context: { diagnostics: [] },
        },
        60,
      ),
    );
    figures[0].rssMb = rssOf(s.child.pid!);
    return figures;
  } finally {
    await s.conn.sendRequest('shutdown').catch(() => undefined);
    await s.conn.sendNotification('exit').catch(() => undefined);
    s.conn.dispose();
    s.child.kill();
  }
}

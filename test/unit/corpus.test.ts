/**
 * The converter corpus ratchet: every file listed in test/fixtures/corpus/passing.json gives exactly
 * the findings of its canonical text (see test/corpus/score.ts). Regenerate the list with
 * `npm run corpus:score -- --write-passing` when more files pass.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { FileScore, PASSING_FILE, readManifest, scoreCorpus, faultFindings } from '../corpus/score';

const passing = JSON.parse(fs.readFileSync(PASSING_FILE, 'utf8')) as string[];
const manifest = readManifest();

test('the corpus has outputs of every converter for every report, and the passing list names files of the manifest', () => {
  const files = new Set([...manifest.outputs.map((o) => o.file), ...manifest.reports.map((r) => r.page)]);
  assert.deepEqual(passing.filter((f) => !files.has(f)), []);
  const perConverter = new Map<string, number>();
  for (const o of manifest.outputs) if (o.kind === 'txt' || o.kind === 'md') perConverter.set(o.converter, (perConverter.get(o.converter) ?? 0) + 1);
  for (const [converter, n] of perConverter) assert.equal(n, manifest.reports.length, converter);
  assert.ok(perConverter.size >= 15, `text converters: ${[...perConverter.keys()].join(', ')}`);
});

test('every injected fault is found on its canonical text', () => {
  const byId = new Map(manifest.reports.map((r) => [r.id, r]));
  const faulted = manifest.reports.filter((r) => r.fault);
  assert.equal(faulted.length, 6);
  for (const r of faulted) {
    const found = faultFindings(r, byId);
    assert.ok(found.length > 0, `${r.id}: ${r.fault!.description} gives no ${r.fault!.code}`);
  }
});

test('files that gave exactly the truth still do', async () => {
  const scores = new Map<string, FileScore>((await scoreCorpus(manifest)).map((s) => [s.file, s]));
  const broken = passing
    .map((file) => scores.get(file)!)
    .filter((s) => !s.exact)
    .map((s) => `${s.file}: ${[s.missing.length ? `missing ${s.missing.join(', ')}` : '', s.extra.length ? `extra ${s.extra.join(', ')}` : ''].filter(Boolean).join('; ')}`);
  assert.deepEqual(broken, []);
});

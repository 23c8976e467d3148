/**
 * The five seeds re-encoded (test/fixtures/encodings/, written by scripts/make-fixtures.mjs from the
 * seeds' own values): each must give the same findings as its original — compared by code, target
 * and message (which carries the parameters), not by line — or differ only in the documented way:
 *
 *   PDF text keeps no trace of blank cells: a row with some blank cells is placed by the table's
 *   sums, and its `cell-empty` finding may give only how many cells are blank, not which.
 *
 * Followed by encoding-specific cases (each of them exposed an engine bug when it was written).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, Finding } from '../../server/src/core/analyze';
import { ARITHMETIC_CODES } from '../../server/src/core/schema/invariants';
import { base } from '../support/cases';
import { FIXTURES, readFixture, readSeed, SEEDS } from '../support/fixtures';
import { withCells, zeroModel } from '../support/model';
import { Encoding, render } from '../support/render';
import { reencode, SEED_ENCODINGS } from '../support/reencode';

const key = (f: Pick<Finding, 'code' | 'target' | 'message'>) => `${f.code} | ${f.target ?? ''} | ${f.message}`;

type SeedKey = keyof typeof SEEDS;

/** A blank-cell finding by its row and count: PDF text may not show which columns are blank. */
const blankCount = (f: Pick<Finding, 'code' | 'target' | 'message'>) => `cell-empty | ${f.target} | ${/有(\d+)个空白单元格/.exec(f.message)?.[1]}`;

/** What a re-encoded seed should report, given what the original reports. */
function expectedFindings(seed: SeedKey, enc: Encoding): string[] {
  const original = analyze(readSeed(seed));
  return original.findings.map((f) => (enc === 'pdf' && f.code === 'cell-empty' ? blankCount(f) : key(f))).sort();
}

/** What a re-encoded seed reports, with the blank-cell findings of PDF text by row and count. */
function gotFindings(findings: Finding[], enc: Encoding): string[] {
  if (enc !== 'pdf') return findings.map(key).sort();
  return findings
    .filter((f) => f.code !== 'cells-inferred')
    .map((f) => (f.code === 'cell-empty' ? blankCount(f) : key(f)))
    .sort();
}

describe('the originals are read completely (the baseline the re-encodings are compared with)', () => {
  for (const [seed, file] of Object.entries(SEEDS) as [SeedKey, string][]) {
    it(`${file.slice(0, 3)}: every row of 表二/三/四 split into its cells`, () => {
      const a = analyze(readSeed(seed));
      assert.deepEqual(a.findings.filter((f) => f.code === 'table-unparsed').map(key), []);
      const format = a.report!.format!;
      assert.equal(a.report!.tables.T3!.rows.size, format === '2019' ? 23 : 25);
      assert.equal(a.report!.tables.T2!.rows.size, format === '2019' ? 8 : 6);
      assert.equal(a.report!.tables.T4!.rows.get('R')!.cells.length, 15);
    });
  }
});

describe('re-encoded seeds give the findings of the original', () => {
  for (const [seed, file] of Object.entries(SEEDS) as [SeedKey, string][]) {
    const id = file.slice(0, 3);
    for (const e of SEED_ENCODINGS) {
      if (e.seeds && !e.seeds.includes(seed)) continue;
      const name = `${id}.${e.name}.txt`;
      it(name, () => {
        const text = readFixture('encodings', name);
        const a = analyze(text);
        const original = analyze(readSeed(seed));
        assert.equal(a.report?.year, original.report?.year, 'year');
        assert.equal(a.report?.format, original.report?.format, 'format');
        assert.deepEqual(gotFindings(a.findings, e.enc), expectedFindings(seed, e.enc));
        assert.deepEqual(
          a.findings.filter((f) => ARITHMETIC_CODES.includes(f.code)),
          [],
          'no seed has an arithmetic finding',
        );
      });
    }
  }

  it('the fixture files are what scripts/make-fixtures.mjs writes from the seeds today', () => {
    const stale: string[] = [];
    for (const [seed, file] of Object.entries(SEEDS) as [SeedKey, string][]) {
      for (const e of SEED_ENCODINGS) {
        if (e.seeds && !e.seeds.includes(seed)) continue;
        const name = `${file.slice(0, 3)}.${e.name}.txt`;
        if (readFixture('encodings', name) !== reencode(readSeed(seed), e.enc, e.variant ?? {})) stale.push(name);
      }
    }
    assert.deepEqual(stale, [], 'run `npm run build && node scripts/make-fixtures.mjs`');
    assert.equal(
      fs.readdirSync(path.join(FIXTURES, 'encodings')).filter((f) => f.endsWith('.txt')).length,
      SEED_ENCODINGS.reduce((n, e) => n + (e.seeds?.length ?? 5), 0),
    );
  });

  it('the PDF re-encoding of seed 004 (only 总计 filled): every row is placed by the sums, its blanks counted, never a broken sum', () => {
    const a = analyze(readFixture('encodings', '004.pdf.txt'));
    assert.deepEqual(
      a.findings.filter((f) => f.code === 'table-unparsed'),
      [],
    );
    const inferred = a.findings.filter((f) => f.code === 'cells-inferred');
    assert.deepEqual(
      inferred.map((f) => `${f.target} ${f.related?.length}`),
      ['T2.inferred 6', 'T3.inferred 23', 'T4.inferred 1'],
    );
    const blanks = a.findings.filter((f) => f.code === 'cell-empty');
    assert.equal(
      blanks.find((f) => f.target === 'T3.R1')?.message,
      '表三「一、本年新收政府信息公开申请数量」有6个空白单元格（原文未标出空白的位置，无法确定是哪几列）',
    );
    assert.ok(
      blanks.every((f) => !f.fix),
      'no fix where the blank columns are not known',
    );
    assert.equal(a.findings.filter((f) => ARITHMETIC_CODES.includes(f.code)).length, 0);
  });
});

// ------------------------------------------------------------------ encoding-specific cases

function rowsRead(text: string, table: 'T2' | 'T3' | 'T4'): Map<string, (number | string | undefined)[]> {
  const t = analyze(text).report!.tables[table]!;
  return new Map([...t.rows.values()].map((r) => [r.key, r.unparsed ? ['unparsed'] : r.cells.map((c) => (c.state === 'blank' ? 'blank' : c.value))]));
}

describe('encoding details', () => {
  const blanks = withCells(base('2019'), { 'T4.R.RV_OTH': null, 'T3.R3_3_1.PW': null, 'T2.LIC.CHANGE': null });

  for (const enc of ['A', 'A|', 'md', 'B', 'C', 'D1', 'tsv'] as Encoding[]) {
    it(`blank cells keep their column [${enc}]`, () => {
      const t = render(blanks, enc).text;
      assert.deepEqual(rowsRead(t, 'T4').get('R'), [2, 1, 'blank', 0, 3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0]);
      assert.deepEqual(rowsRead(t, 'T3').get('R3_3_1'), [0, 0, 0, 'blank', 0, 0, 0]);
      assert.deepEqual(rowsRead(t, 'T2').get('LIC'), [0, 'blank', 0]);
    });
  }

  it('D1 with a plain-space blank (` |`)', () => {
    const t = render(blanks, 'D1').text.replace(/^\u00a0 \|$/gm, '  |');
    assert.deepEqual(rowsRead(t, 'T3').get('R3_3_1'), [0, 0, 0, 'blank', 0, 0, 0]);
  });

  for (const enc of ['A', 'tsv'] as Encoding[]) {
    it(`a 表四 data row whose first cell is blank [${enc}]`, () => {
      const t = render(withCells(base('2019'), { 'T4.R.RV_KEEP': null, 'T4.R.RV_CORR': 3 }), enc).text;
      assert.deepEqual(rowsRead(t, 'T4').get('R'), ['blank', 3, 0, 0, 3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0]);
    });
  }

  it('D2: a blank cell is a blank line before its `|`', () => {
    const t = render(blanks, 'D2').text;
    assert.deepEqual(rowsRead(t, 'T3').get('R3_3_1'), [0, 0, 0, 'blank', 0, 0, 0]);
  });

  for (const enc of ['md', 'tsv'] as Encoding[]) {
    it(`表三 as a full grid (empty colspan/rowspan cells around the labels) [${enc}]`, () => {
      const t = render(base('2021'), enc, { grid: true }).text;
      const rows = rowsRead(t, 'T3');
      assert.deepEqual(rows.get('R1'), [7, 3, 0, 0, 0, 1, 11]);
      assert.deepEqual(rows.get('R3_1'), [3, 2, 0, 0, 0, 0, 5]);
      assert.deepEqual(rows.get('R3_6_2'), [0, 0, 0, 0, 0, 0, 0]);
    });
  }

  for (const enc of ['md', 'tsv'] as Encoding[]) {
    it(`a grid row whose last cell (总计) is blank keeps its columns [${enc}]`, () => {
      const mm = withCells(zeroModel('2019'), { 'T3.R3_1.NP': 3, 'T3.R3_1.TOT': null, 'T3.R3_7.NP': 3, 'T3.R3_7.TOT': 3, 'T3.R1.NP': 3, 'T3.R1.TOT': 3 });
      const t = render(mm, enc, { grid: true }).text;
      assert.deepEqual(rowsRead(t, 'T3').get('R3_1'), [3, 0, 0, 0, 0, 0, 'blank']);
      assert.deepEqual(
        analyze(t)
          .findings.filter((f) => f.severity === 'error')
          .map(key),
        [],
      );
    });
  }

  it('grid-style rows are at worst unparsed, never misread as broken sums [md, tsv]', () => {
    for (const enc of ['md', 'tsv'] as Encoding[]) {
      const a = analyze(render(base('2021'), enc, { grid: true }).text);
      assert.deepEqual(a.findings.filter((f) => ARITHMETIC_CODES.includes(f.code) || f.severity === 'error').map(key), [], enc);
    }
  });

  it('PDF text: wrapped labels, a vertical 三、本年度办理结果, page footers and form feeds', () => {
    const r = render(base('2021'), 'pdf');
    assert.match(r.text, /\n- 3 -\n\f/);
    assert.match(r.text, /\n-4-\n\f/);
    assert.ok(
      r.text.split('\n').some((l) => /^本 /.test(l)),
      'a vertical label line',
    );
    const rows = rowsRead(r.text, 'T3');
    assert.deepEqual(rows.get('R3_2'), [1, 0, 0, 0, 0, 0, 1], 'a label wrapped over two lines, values on the first');
    assert.deepEqual(rows.get('R3_6_1'), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(rows.get('R3_6_2'), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(rows.get('R3_4_1'), [4, 0, 0, 0, 0, 0, 4]);
    assert.equal(rows.size, 25);
  });

  it('CRLF, a BOM, full-width digits and thousands separators read the same numbers', () => {
    const big = withCells(base('2019'), {
      'T3.R3_1.NP': 1203,
      'T3.R3_1.TOT': 1205,
      'T3.R3_7.NP': 1208,
      'T3.R3_7.TOT': 1211,
      'T3.R1.NP': 1207,
      'T3.R1.TOT': 1211,
    });
    const plain = rowsRead(render(big, 'A').text, 'T3');
    assert.deepEqual(plain.get('R3_1'), [1203, 2, 0, 0, 0, 0, 1205]);
    for (const enc of ['A', 'B', 'C', 'md', 'pdf'] as Encoding[]) {
      const r = render(big, enc, { crlf: true, bom: true, fullwidth: true, thousands: true });
      assert.ok(r.text.startsWith('\ufeff') && r.text.includes('\r\n') && r.text.includes('１，２０３'), enc);
      assert.deepEqual(rowsRead(r.text, 'T3'), plain, enc);
      assert.deepEqual(
        analyze(r.text)
          .findings.filter((f) => ARITHMETIC_CODES.includes(f.code) || f.severity === 'error')
          .map(key),
        [],
        enc,
      );
    }
  });

  it('seed 000 is encoding A as the renderer writes it (the shapes are copied, not invented)', () => {
    const seed = readSeed('s000').split('\n');
    const mine = render(zeroModel('2019', 2020), 'A').text.split('\n');
    const table3 = (lines: string[]) =>
      lines.slice(
        lines.findIndex((l) => l.startsWith('(本列数据')),
        lines.findIndex((l) => /^四、 ?政府信息公开行政复议/.test(l)),
      );
    assert.deepEqual(table3(mine), table3(seed));
    const table4 = (lines: string[]) =>
      lines.slice(
        lines.findIndex((l) => /^四、 ?政府信息公开行政复议/.test(l)) + 1,
        lines.findIndex((l) => /^五、/.test(l)),
      );
    assert.deepEqual(table4(mine), table4(seed));
  });
});

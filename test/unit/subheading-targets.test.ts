import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, analyzeDocument, isIgnored } from '../../server/src/core/analyze';
import type { ReadResult } from '../../server/src/core/read/document';
import { readDocx } from '../../server/src/core/read/docx';
import { readHtml } from '../../server/src/core/read/html';
import { readPdf } from '../../server/src/core/read/pdf';
import { FIXTURES, readSeed } from '../support/fixtures';

const bytes = (...parts: string[]) => new Uint8Array(readFileSync(path.join(FIXTURES, ...parts)));
const opened = (r: ReadResult) => {
  assert.ok(r.ok, JSON.stringify(r));
  return r.document;
};

/** The section-numbering findings' targets of seed 004, whose 总体情况 mixes （1） and （二）. */
const subheadingTargets = (findings: { code: string; target?: string }[]) =>
  findings.filter((f) => f.code === 'section-numbering' && f.target?.includes('subheading')).map((f) => f.target);

describe('sub-heading targets do not depend on the format the report came in', () => {
  const expected = ['section.1.subheading.1', 'section.1.subheading.3', 'section.1.subheading.5'];

  it('seed 004 as text', () => {
    assert.deepEqual(subheadingTargets(analyze(readSeed('s004')).findings), expected);
  });

  it('seed 004 as a web page, a Word file and PDFs from Chromium and LibreOffice', async () => {
    const sources = {
      html: opened({ ok: true, document: readHtml(readFileSync(path.join(FIXTURES, 'pdf', '004-chromium.html'), 'utf8')) }),
      docx: opened(readDocx(bytes('docx', 'seed-004.docx'))),
      chromium: opened(await readPdf(bytes('pdf', '004-chromium.pdf'))),
      libreoffice: opened(await readPdf(bytes('pdf', '004-libreoffice.pdf'))),
    };
    for (const [name, document] of Object.entries(sources)) assert.deepEqual(subheadingTargets(analyzeDocument(document).findings), expected, name);
  });

  it('an ignore entry names the ordinal; one written as subheading.<line> still holds for that line', () => {
    const text = readSeed('s004');
    const [first] = analyze(text).findings.filter((f) => f.target === expected[0]);
    const line = first.range.start.line;
    assert.equal(isIgnored([{ code: 'section-numbering', target: expected[0] }], 'section-numbering', first), true);
    assert.equal(isIgnored([{ code: 'section-numbering', target: `subheading.${line}` }], 'section-numbering', first), true);
    assert.equal(isIgnored([{ code: 'section-numbering', target: `subheading.${line + 1}` }], 'section-numbering', first), false);
    assert.equal(isIgnored([{ code: 'section-numbering', target: expected[1] }], 'section-numbering', first), false);
    const ignored = analyze(text, { ignore: [{ code: 'section-numbering', target: `subheading.${line}` }] });
    assert.deepEqual(subheadingTargets(ignored.findings), expected.slice(1));
  });
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addIgnoreEntry } from '../../server/src/core/actions';
import { applyEdits } from '../../server/src/core/edits';
import { diffEdits } from '../../server/src/core/text-diff';

/** The pure helpers behind the server's code actions (no server process). */
describe('diffEdits: a fix-all result as small edits', () => {
  const cases: [string, string, string][] = [
    ['one cell', 'a | 0 | 1\nb | 2 | 3\n', 'a | 0 | 1\nb | 5 | 3\n'],
    ['an inserted line', '一、x\n三、y\n', '一、x\n二、z\n三、y\n'],
    ['a deleted line at the end, no final newline', 'a\nb\nc', 'a\nb'],
    ['CRLF kept', 'a | 0\r\nb | 0\r\n', 'a | 1\r\nb | 0\r\n'],
    ['CR only', 'x\ry\r', 'x\rz\r'],
    ['empty before', '', 'abc\n'],
    ['empty after', 'abc\n', ''],
    [
      'many changes',
      Array.from({ length: 300 }, (_, i) => `r${i} | 0`).join('\n'),
      Array.from({ length: 300 }, (_, i) => `r${i} | ${i % 7 ? 0 : 1}`).join('\n'),
    ],
  ];
  for (const [name, before, after] of cases) {
    it(name, () => {
      const edits = diffEdits(before, after);
      assert.equal(applyEdits(before, edits), after);
    });
  }
  it('one changed cell is one edit of that cell', () => {
    assert.deepEqual(diffEdits('a | 0 | 1\nb | 2 | 3\n', 'a | 0 | 1\nb | 5 | 3\n'), [
      { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, newText: '5' },
    ]);
  });
});

describe('addIgnoreEntry', () => {
  it('adds to a config, keeps its keys, and says when the entry is already there', () => {
    const before = '{\n  "rules": { "cell-empty": "off" }\n}\n';
    const after = addIgnoreEntry(before, '2020/a.txt', { code: 'row-total', target: 'T3.R1.TOT' })!;
    assert.deepEqual(JSON.parse(after), { rules: { 'cell-empty': 'off' }, ignore: [{ file: '2020/a.txt', code: 'row-total', target: 'T3.R1.TOT' }] });
    assert.equal(addIgnoreEntry(after, '2020/a.txt', { code: 'row-total', target: 'T3.R1.TOT' }), undefined);
    assert.deepEqual(JSON.parse(addIgnoreEntry(undefined, 'b.txt', { code: 'title-incomplete' })!), { ignore: [{ file: 'b.txt', code: 'title-incomplete' }] });
    assert.throws(() => addIgnoreEntry('[1]', 'b.txt', { code: 'x' }));
  });
});

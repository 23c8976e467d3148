import * as assert from 'node:assert/strict';

/** 表三 「(一)予以公开」自然人 of seed 000: line 39 (0-based 38), the first number after the label. */
export function t3Cell(text: string): { line: number; character: number } {
  const line = 38;
  const l = text.split('\n')[line];
  assert.match(l, /\(一\)予以公开/);
  return { line, character: l.indexOf('| 0 |', l.indexOf('予以公开')) + 2 };
}

/**
 * Text copied or converted from a PDF whose fonts map ideographs to radicals (⼀ U+2F00 for 一,
 * ⼈ for 人): read as the ideographs, at the same offsets.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/source';
import { unifiedIdeographs } from '../../server/src/core/text';
import { readSeed } from '../support/fixtures';

const RADICALS: Record<string, string> = { 一: '⼀', 二: '⼆', 人: '⼈', 门: '⻔', 长: '⻓' };
const asCopied = (text: string) => text.replace(/[一二人门长]/g, (c) => RADICALS[c]);
const shown = (text: string) => analyzeText(text).findings.map((f) => `${f.code} ${f.target ?? ''} ${JSON.stringify(f.range)}`);

describe('radicals for ideographs (text copied from a PDF)', () => {
  it('are folded one for one, so no offset moves', () => {
    assert.equal(unifiedIdeographs('⼀、总体情况 ⼆、主动公开 ⼈⺠ ⻔户'), '一、总体情况 二、主动公开 人民 门户');
    assert.equal(unifiedIdeographs('⼀').length, 1);
  });

  it('a report copied with radicals gives the findings of the report itself, at the same places', () => {
    const text = readSeed('s001');
    const copied = asCopied(text);
    assert.match(copied, /⼀、/);
    assert.notEqual(copied, text);
    assert.deepEqual(shown(copied), shown(text));
    assert.ok(!shown(copied).some((f) => f.startsWith('section-missing')));
  });
});

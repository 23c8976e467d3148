import type { CellState } from './model';
import type { ValueType } from './schema/formats';
import { isAsciiDigits, isBlank } from './text';

export interface ParsedValue {
  state: CellState;
  value?: number;
  /** `placeholder`, `unit:元`, `negative`, `signed`, `decimal`, `prose`. */
  problem?: string;
}

const PLACEHOLDER = /^(\/|\\|-{1,2}|—{1,2}|–|－|无|N\/?A|不适用)$/i;
const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const WITH_UNIT = /^(.*?\d)\s*(万元|元|件|个|项|条|次|起)$/;

/** Reads a table cell by the syntax of docs/domain.md, 数字写法, for its column's value type. */
export function parseCellValue(raw: string, type: ValueType): ParsedValue {
  // `0`, `17`, `2048`: what almost every cell holds, read without the general syntax.
  if (raw.length <= 15 && isAsciiDigits(raw)) return { state: 'number', value: Number(raw) };
  if (isBlank(raw)) return { state: 'blank' };
  const text = raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/，/g, ',');
  if (PLACEHOLDER.test(text)) return { state: 'placeholder', problem: 'placeholder' };
  const unit = WITH_UNIT.exec(text);
  const numeric = unit ? unit[1] : text;
  const m = NUMBER.exec(numeric);
  if (!m) return { state: 'invalid', problem: 'prose' };
  const [, sign, digits, fraction] = m;
  const value = Number(`${sign === '-' ? '-' : ''}${digits.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
  if (sign === '-' && type !== 'signedCount') return { state: 'invalid', value, problem: 'negative' };
  if (sign === '+' && type !== 'signedCount') return { state: 'invalid', value, problem: 'signed' };
  if (fraction !== undefined && type !== 'amount') return { state: 'invalid', value, problem: 'decimal' };
  if (unit) return { state: 'number', value, problem: `unit:${unit[2]}` };
  return { state: 'number', value };
}

/**
 * A cell's value as the sums count it: its number, or 0 for a blank or placeholder when
 * `blankAsZero` (`blank` says so); undefined when it is unknown.
 */
export function countedValue(cell: { state: CellState; value?: number } | undefined, blankAsZero: boolean): { value: number; blank: boolean } | undefined {
  if (!cell) return undefined;
  if (cell.state === 'number' && cell.value !== undefined) return { value: cell.value, blank: false };
  if ((cell.state === 'blank' || cell.state === 'placeholder') && blankAsZero) return { value: 0, blank: true };
  return undefined;
}

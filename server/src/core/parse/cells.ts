import type { Cell, Range, TableId } from '../model';
import { parseCellValue } from '../numbers';
import type { ColumnSpec } from '../schema/formats';
import type { CellToken } from './tokens';

export function makeCell(table: TableId, row: string, column: ColumnSpec, token: CellToken): Cell {
  const parsed = parseCellValue(token.text, column.type);
  return { table, row, column: column.key, raw: token.text, range: token.range, present: true, ...parsed };
}

/** A cell the text did not write at all, placed at the end of what the row did write. */
export function phantomCell(table: TableId, row: string, column: ColumnSpec, at: Range): Cell {
  return { table, row, column: column.key, raw: '', state: 'blank', range: { start: at.end, end: at.end }, present: false };
}

import type { Rule } from '../rule';
import { balance } from './balance';
import { cellEmpty } from './cell-empty';
import { cellsInferred } from './cells-inferred';
import { cellInvalid } from './cell-invalid';
import { columnTotal } from './column-total';
import { formatMismatch } from './format-mismatch';
import { inputEncoding } from './input-encoding';
import { inputSize } from './input-size';
import { inputUnreadable } from './input-unreadable';
import { reportUnrecognized } from './report-unrecognized';
import { plausibility } from './plausibility';
import { reviewTotal } from './review-total';
import { rowLabel } from './row-label';
import { rowMissing } from './row-missing';
import { rowTotal } from './row-total';
import { sectionMissing } from './section-missing';
import { sectionNumbering } from './section-numbering';
import { sectionOrder } from './section-order';
import { tableMissing } from './table-missing';
import { tableUnparsed } from './table-unparsed';
import { titleIncomplete } from './title-incomplete';
import { textTableMismatch } from './text-table-mismatch';
import { yearDrift } from './year-drift';
import { publicationDate } from './publication-date';
import { sectionContent } from './section-content';
import { titleSignature } from './title-signature';
import { carryOver } from './carry-over';
import { copiedText } from './copied-text';

/** Every rule, in the order their findings are listed for one line. */
export const RULES: Rule[] = [
  inputSize,
  inputUnreadable,
  inputEncoding,
  reportUnrecognized,
  sectionMissing,
  sectionNumbering,
  sectionOrder,
  tableMissing,
  rowMissing,
  rowLabel,
  formatMismatch,
  cellEmpty,
  cellInvalid,
  rowTotal,
  columnTotal,
  balance,
  reviewTotal,
  tableUnparsed,
  cellsInferred,
  plausibility,
  titleIncomplete,
  textTableMismatch,
  yearDrift,
  publicationDate,
  sectionContent,
  titleSignature,
  carryOver,
  copiedText,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}

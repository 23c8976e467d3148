import { tableName } from '../../labels';
import type { TableId } from '../../model';
import type { Localized } from '../../rule';

/** What the edits of the text rules' fixes change, named for the `--fix` log. */

export function headingSubject(numeral: string, index: number): Localized {
  return { 'zh-CN': `第${numeral}部分标题`, en: `heading of section ${index}` };
}

export function headingNumberSubject(numeral: string, index: number): Localized {
  return { 'zh-CN': `第${numeral}部分标题编号`, en: `number of section ${index}` };
}

export const SUBHEADING_NUMBER: Localized = { 'zh-CN': '小标题编号', en: 'sub-heading number' };
export const TITLE: Localized = { 'zh-CN': '标题', en: 'title' };
export const PERIOD_YEAR: Localized = { 'zh-CN': '报告期年份', en: 'year of the reporting period' };

export function rowLabelSubject(table: TableId): Localized {
  return { 'zh-CN': `${tableName(table, 'zh-CN')}行名`, en: `${tableName(table, 'en')} row label` };
}

import type { FormatVersion } from '../model';
import { BlockSpec, otherFormat, TABLE2 } from './formats';

/**
 * 《中华人民共和国政府信息公开条例》第二十条: the items that table 二's block captions cite
 * (docs/domain.md, 法律依据), keyed by the item numeral as in the report model's table captions.
 */
export const ARTICLE_20_ITEMS: Record<string, { item: string; text: string }> = {
  一: { item: '一', text: '行政法规、规章和规范性文件' },
  五: { item: '五', text: '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果' },
  六: { item: '六', text: '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定' },
  八: { item: '八', text: '行政事业性收费项目及其依据、标准' },
  九: { item: '九', text: '政府集中采购项目的目录、标准及实施情况（仅 2019 年格式）' },
};

/** The table 二 block a caption numeral names, in either format. */
export function blockOfCaption(format: FormatVersion, item: string): BlockSpec | undefined {
  const caption = `第二十条第（${item}）项`;
  return TABLE2[format].find((b) => b.caption === caption) ?? TABLE2[otherFormat(format)].find((b) => b.caption === caption);
}

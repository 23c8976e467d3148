import { tableNames } from '../labels';
import type { TableId } from '../model';
import { defineRule, Draft } from '../rule';

const SECTION_OF: Record<TableId, number> = { T2: 2, T3: 3, T4: 4 };

const messages = {
  missing: { 'zh-CN': '第{section}部分中没有找到{table}', en: 'No {table} found in section {section}' },
  placeholder: {
    'zh-CN': '第{section}部分中的{table}在转换时被换成了「[TABLE]」，表格没有保留下来，请用原网页或原文档检查',
    en: 'The {table} of section {section} was replaced by “[TABLE]” in conversion and is not in this text: check the original page or document',
  },
};

type MessageId = keyof typeof messages;

export const tableMissing = defineRule({
  code: 'table-missing',
  defaultSeverity: 'error',
  description: { 'zh-CN': '第二、三、四部分须有各自的统计表', en: 'Sections 二, 三 and 四 carry their tables' },
  docs: {
    'zh-CN':
      '第二部分（表二）、第三部分（表三）、第四部分（表四）的主体是国家统一格式的统计表。该部分存在但其中找不到表格（没有任何数字）时报告。有数字却读不出行时报告 table-unparsed。转换工具把表格换成“[TABLE]”一行时（pandoc 纯文本输出遇到单元格内有多段文字的表格），消息会指出这一点。',
    en: 'Sections 二, 三 and 四 consist mainly of the fixed tables. Reported when the section is there but holds no table at all (no numbers). When there are numbers but no rows can be read, table-unparsed is reported instead. When a converter wrote a “[TABLE]” line in the table’s place (pandoc’s plain text, for tables whose cells hold several paragraphs), the message says so.',
  },
  messages,
  check(ctx) {
    const drafts: Draft<MessageId>[] = [];
    for (const id of ['T2', 'T3', 'T4'] as const) {
      const table = ctx.report.tables[id];
      const section = ctx.report.sections.find((s) => s.heading.section === SECTION_OF[id]);
      if (!table || !section || table.rows.size > 0 || table.valueCount > 0) continue;
      // pandoc -t plain writes this line for a table it cannot draw (cells of several paragraphs).
      let placeholder = -1;
      for (let line = section.bodyStart; line <= section.bodyEnd && placeholder < 0; line++) if (ctx.doc.lines[line]?.trim() === '[TABLE]') placeholder = line;
      drafts.push({
        messageId: placeholder >= 0 ? 'placeholder' : 'missing',
        params: { section: section.heading.numberText || String(SECTION_OF[id]), table: tableNames(id) },
        range: placeholder >= 0 ? ctx.doc.lineRange(placeholder) : section.heading.range,
        target: `${id}`,
      });
    }
    return drafts;
  },
});

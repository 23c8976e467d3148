import type { Finding } from '../core/analyze';
import type { Locale, Severity } from '../core/model';
import type { BlockView, CellView, TableView } from '../core/tables-view';
import type { FileResult } from './formatters';
import { where } from './formatters';

/**
 * `--format html`: the review report a 政务公开办 hands back — one self-contained page (no network,
 * inline CSS, printable): a summary table, then per report its findings with what to change
 * (整改建议) and its tables with the faulty cells marked.
 */

const T = {
  'zh-CN': {
    title: '政府信息公开工作年度报告审核意见',
    generated: '生成工具',
    summary: '汇总',
    file: '文件',
    organ: '机关',
    year: '年度',
    format: '格式',
    status: '状态',
    errors: '错误',
    warnings: '警告',
    info: '提示',
    checked: '已检查',
    unrecognized: '未识别',
    unchecked: '未检查',
    unreadable: '无法读取',
    findings: '问题与整改建议',
    none: '未发现问题。',
    where: '位置',
    problem: '问题',
    advice: '整改建议',
    tables: '表格',
    legend: '图例：红色为错误，黄色为警告，蓝色为提示；加粗边框为导致勾稽关系不成立的单元格；斜线为空白单元格。',
    severity: { error: '错误', warning: '警告', information: '提示', hint: '提示' } as Record<Severity, string>,
    formatName: (f: string) => `${f} 年格式`,
  },
  en: {
    title: 'Review of government information disclosure annual reports',
    generated: 'Made with',
    summary: 'Summary',
    file: 'File',
    organ: 'Organ',
    year: 'Year',
    format: 'Format',
    status: 'Status',
    errors: 'Errors',
    warnings: 'Warnings',
    info: 'Info',
    checked: 'checked',
    unrecognized: 'not recognized',
    unchecked: 'not checked',
    unreadable: 'unreadable',
    findings: 'Findings and what to change',
    none: 'No problems found.',
    where: 'Where',
    problem: 'Problem',
    advice: 'What to change',
    tables: 'Tables',
    legend: 'Legend: red errors, yellow warnings, blue information; a thick border marks the cell that breaks a sum; hatching marks a blank cell.',
    severity: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' } as Record<Severity, string>,
    formatName: (f: string) => `${f} format`,
  },
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const CSS = `
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:2em;color:#222;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:2px solid #888;margin-top:2em}h3{font-size:1.05em}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #999;padding:2px 6px;vertical-align:middle}
th{background:#f0f0f0;font-weight:normal}
table.summary td.n,table.grid td.v{text-align:right}
.error{background:#fdd}.warning{background:#ffefb0}.information,.hint{background:#ddeeff}
td.culprit{outline:3px solid #c00;outline-offset:-3px;font-weight:bold}
td.blank{background-image:repeating-linear-gradient(45deg,transparent 0 4px,#ccc 4px 5px)}
td.blank.error,td.blank.warning{background-color:#ffefb0}
table.grid td.label{text-align:left;max-width:28em}
.status-unrecognized,.status-unchecked,.status-unreadable{color:#b00;font-weight:bold}
.muted{color:#666;font-size:.9em}
@media print{body{margin:0}h2{page-break-before:always}h2:first-of-type{page-break-before:avoid}table{page-break-inside:avoid}}
`;

/** A file's state in the summary: unreadable, not checked, not recognized, or checked. */
function statusOf(r: FileResult): 'checked' | 'unrecognized' | 'unchecked' | 'unreadable' {
  if (r.error) return 'unreadable';
  if (r.unchecked) return 'unchecked';
  return r.findings.some((f) => f.code === 'report-unrecognized') ? 'unrecognized' : 'checked';
}

const count = (findings: Finding[], severity: Severity | 'info') =>
  findings.filter((f) => (severity === 'info' ? f.severity === 'information' || f.severity === 'hint' : f.severity === severity)).length;

function summaryTable(results: FileResult[], locale: Locale): string {
  const t = T[locale];
  const head = [t.file, t.organ, t.year, t.format, t.status, t.errors, t.warnings, t.info].map((h) => `<th>${h}</th>`).join('');
  const rows = results.map((r, i) => {
    const status = statusOf(r);
    return (
      `<tr><td><a href="#r${i + 1}">${escape(r.file)}</a></td><td>${escape(r.digest?.organ ?? '')}</td><td>${r.year ?? ''}</td>` +
      `<td>${r.formatVersion ? t.formatName(r.formatVersion) : ''}</td><td class="status-${status}">${t[status]}</td>` +
      `<td class="n">${count(r.findings, 'error')}</td><td class="n">${count(r.findings, 'warning')}</td><td class="n">${count(r.findings, 'info')}</td></tr>`
    );
  });
  return `<table class="summary"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The safe fix, else every suggestion (each states what it assumes), a line each. */
function advice(f: FileResult['findings'][number]): string {
  if (f.fix) return escape(f.fix.title);
  return (f.suggestions ?? []).map((s) => escape(s.title)).join('<br>');
}

function findingsTable(r: FileResult, locale: Locale): string {
  const t = T[locale];
  if (r.error) return `<p class="status-unreadable">${escape(r.error)}</p>`;
  if (r.findings.length === 0) return `<p>${t.none}</p>`;
  const rows = r.findings.map(
    (f) =>
      `<tr class="${f.severity}"><td>${t.severity[f.severity]}</td><td>${escape(where(f, locale))}</td>` +
      `<td>${escape(f.message)} <span class="muted">${f.code}</span></td><td>${advice(f)}</td></tr>`,
  );
  return `<table class="findings"><thead><tr><th></th><th>${t.where}</th><th>${t.problem}</th><th>${t.advice}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function cellHtml(c: CellView): string {
  const classes = ['v', c.severity ?? '', c.culprit ? 'culprit' : '', c.state === 'blank' || c.state === 'missing' ? 'blank' : ''].filter(Boolean).join(' ');
  const title = c.messages.length ? ` title="${escape(c.messages.join('\n'))}"` : '';
  return `<td class="${classes}"${title}>${escape(c.text)}</td>`;
}

function blockHtml(block: BlockView): string {
  const width = 1 + (block.rows[0]?.cells.length ?? 0);
  const caption = block.caption ? `<tr><th colspan="${width}">${escape(block.caption)}</th></tr>` : '';
  const header = block.header
    .map(
      (row) =>
        `<tr>${row.map((h) => `<th${h.colSpan ? ` colspan="${h.colSpan}"` : ''}${h.rowSpan ? ` rowspan="${h.rowSpan}"` : ''}>${escape(h.text)}</th>`).join('')}</tr>`,
    )
    .join('');
  const rows = block.rows.map((row) => `<tr><td class="label">${escape(row.label)}</td>${row.cells.map(cellHtml).join('')}</tr>`).join('');
  return `${caption}${header}${rows}`;
}

function tablesHtml(tables: TableView[]): string {
  return tables.map((table) => `<h3>${table.title}</h3><table class="grid">${table.blocks.map(blockHtml).join('')}</table>`).join('');
}

export function renderReview(results: FileResult[], locale: Locale, version: string): string {
  const t = T[locale];
  const reports = results.map(
    (r, i) =>
      `<h2 id="r${i + 1}">${i + 1}. ${escape(r.digest?.organ ?? r.file)}${r.year ? ` ${r.year}` : ''}</h2>` +
      `<p class="muted">${escape(r.file)}</p><h3>${t.findings}</h3>${findingsTable(r, locale)}` +
      (r.tables?.length ? `<p class="muted">${t.legend}</p>${tablesHtml(r.tables)}` : ''),
  );
  return (
    `<!DOCTYPE html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${t.title}</title><style>${CSS}</style></head>` +
    `<body><h1>${t.title}</h1><p class="muted">${t.generated} xxgk-lint ${escape(version)}</p>` +
    `<h2>${t.summary}</h2>${summaryTable(results, locale)}${reports.join('\n')}</body></html>\n`
  );
}

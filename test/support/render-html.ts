/**
 * Renders a ReportModel as a whole web page of the kind government sites publish: site chrome
 * (header, navigation, breadcrumb 首页 > 政府信息公开 > 年度报告, sidebar, footer with 主办单位 and
 * 备案号) around the article — title, section headings, prose, and tables 二, 三 and 四 with the
 * merged cells of the official templates (spec, table structure): 表二 caption rows across the
 * width and single 2021 value columns over three slots; 表三's three header rows under the
 * rowspan=3 colspan=3 corner, the 三、本年度办理结果 and （三）…（六） rowspans; 表四's 行政复议 /
 * 行政诉讼 / 未经复议直接起诉 / 复议后起诉 header spans above the 15-number row.
 *
 * The page is the same report as `render(model, …)` in test/support/render.ts: same title, headings,
 * prose, labels and values, so the plain text of a model is the truth for a converter's output.
 */
import * as iconv from 'iconv-lite';
import { CellValue, NUMERALS, ReportModel, SECTION_TITLES, T2_BLOCKS, T3_COL_NAMES, T3_GROUP_LABELS, T3_ORDER, T3_ROW_DEFS } from './model';
import { DEFAULT_BODY } from './render';

export type HtmlCharset = 'UTF-8' | 'GBK' | 'GB2312';

export interface HtmlOptions {
  /** The charset the page declares (the caller encodes the bytes, see `encodeHtml`). Default UTF-8. */
  charset?: HtmlCharset;
  /** `<meta charset>` (default) or the older `<meta http-equiv="Content-Type" content="…; charset=…">`. */
  httpEquiv?: boolean;
  /** Site header, navigation, breadcrumb, sidebar and footer around the article (default true). */
  chrome?: boolean;
  /** Section headings as `<h2>`, `<p><strong>` or a plain `<p>` (default h2). */
  headings?: 'h2' | 'strong' | 'p';
  /** Cells as Word's HTML export writes them: `<td …><p …><span …>12</span></p></td>`. */
  word?: boolean;
  /** What a blank cell holds: `&nbsp;` (default), nothing, or `<p>&nbsp;</p>`. */
  blank?: 'nbsp' | 'empty' | 'p-nbsp';
  /** Labels wrapped as in the templates: `本年新<br>制作数量`, long row labels in `<p>` pieces. */
  wrapLabels?: boolean;
  /** 三、本年度办理结果 written top to bottom: one character per line (`br`) or by CSS writing-mode. */
  vertical?: 'br' | 'css';
}

/** Where the article is on the page (what a reader selects and copies). */
export const ARTICLE_SELECTOR = '#zoom';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Cell {
  /** Inner HTML of the cell's text (already escaped), or null for a blank value cell. */
  html: string | null;
  rowspan?: number;
  colspan?: number;
  /** Extra attributes (style). */
  attrs?: string;
}

function valueHtml(v: CellValue): string | null {
  if (v === null) return null;
  return esc(typeof v === 'number' ? String(v) : v);
}

function text(s: string): Cell {
  return { html: esc(s) };
}

/** A long label in pieces of about `width` characters, as a narrow Word cell shows it. */
function pieces(s: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += width) out.push(s.slice(i, i + width));
  return out;
}

class Writer {
  constructor(readonly options: HtmlOptions) {}

  /** A row label: wrapped into `<p>` pieces when asked and long. */
  label(s: string, width = 14): Cell {
    if (!this.options.wrapLabels || s.length <= width + 2) return text(s);
    return {
      html: pieces(s, width)
        .map((p) => `<p>${esc(p)}</p>`)
        .join(''),
    };
  }

  header(s: string): Cell {
    const m = /^(本年新)(制作数量|公开数量)$/.exec(s);
    if (this.options.wrapLabels && m) return { html: `${m[1]}<br>${m[2]}` };
    return text(s);
  }

  cell(c: Cell): string {
    const attrs = [
      c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '',
      c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : '',
      c.attrs ?? '',
    ].join('');
    const word = this.options.word;
    let inner: string;
    if (c.html === null) {
      const blank = this.options.blank ?? 'nbsp';
      inner = blank === 'empty' ? '' : blank === 'p-nbsp' ? '<p>&nbsp;</p>' : '&nbsp;';
      if (word && blank !== 'empty') inner = '<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt">&nbsp;</span></p>';
    } else if (word) {
      const paras = c.html.startsWith('<p>') ? c.html.slice(3, -4).split('</p><p>') : [c.html];
      inner = paras
        .map((p) => `<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt;font-family:宋体">${p}</span></p>`)
        .join('');
    } else inner = c.html;
    const tdAttrs = word ? ' valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt"' : '';
    return `<td${attrs}${tdAttrs}>${inner}</td>`;
  }

  table(rows: Cell[][]): string {
    const open = this.options.word
      ? '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">'
      : '<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;margin:0 auto">';
    const body = rows.map((r) => `<tr>${r.map((c) => this.cell(c)).join('')}</tr>`).join('\n');
    return `${open}\n<tbody>\n${body}\n</tbody>\n</table>`;
  }
}

function labelOf(model: ReportModel, key: string, official: string): string {
  return model.labels?.[key] ?? official;
}

/** 表二: one table four slots wide, a caption row and a 信息内容 header row per 第二十条 item. */
function table2(model: ReportModel, w: Writer): string {
  const rows: Cell[][] = [];
  for (const block of T2_BLOCKS[model.format]) {
    rows.push([{ ...text(block.caption), colspan: 4 }]);
    // The last column takes the slots left over (2021's single columns span three).
    const span = (i: number) => (i === block.headers.length - 1 ? 4 - block.headers.length : 1);
    rows.push([text('信息内容'), ...block.headers.map((h, i) => ({ ...w.header(h), colspan: span(i) }))]);
    for (const r of block.rows) {
      const values = model.t2[r.key];
      if (!values) continue;
      rows.push([w.label(labelOf(model, `T2.${r.key}`, r.label)), ...values.map((v, i) => ({ html: valueHtml(v), colspan: span(i) }))]);
    }
  }
  return w.table(rows);
}

const T3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function verticalCell(s: string, rowspan: number, w: Writer): Cell {
  if (w.options.vertical === 'br') return { html: [...s].map(esc).join('<br>'), rowspan };
  if (w.options.vertical === 'css') return { html: esc(s), rowspan, attrs: ' style="writing-mode:vertical-rl"' };
  return { html: esc(s), rowspan };
}

/** 表三: three header rows, then one row per present model row with the label spans of the template. */
function table3(model: ReportModel, w: Writer): string {
  const rows: Cell[][] = [
    [
      { ...text(T3_CORNER), rowspan: 3, colspan: 3 },
      { ...text('申请人情况'), colspan: 7 },
    ],
    [
      { ...text('自然人'), rowspan: 2 },
      { ...text('法人或其他组织'), colspan: 5 },
      { ...text('总计'), rowspan: 2 },
    ],
    T3_COL_NAMES.slice(1, 6).map((n) => text(n)),
  ];
  const present = T3_ORDER.filter((k) => model.t3[k]);
  const groupSize = (g: string) => present.filter((k) => T3_ROW_DEFS[k].groups.includes(g)).length;
  const opened = new Set<string>();
  for (const key of present) {
    const def = T3_ROW_DEFS[key];
    const cells: Cell[] = [];
    for (const g of def.groups) {
      if (opened.has(g)) continue;
      opened.add(g);
      cells.push(g === 'G3' ? verticalCell(T3_GROUP_LABELS[g], groupSize(g), w) : { ...w.label(T3_GROUP_LABELS[g], 4), rowspan: groupSize(g) });
    }
    // The label spans the label slots its groups leave: 3 for 一、二、四, 2 for （一）（二）（七）, 1 under a sub-group.
    cells.push({ ...w.label(labelOf(model, `T3.${key}`, def.label)), colspan: 3 - def.groups.length });
    for (const v of model.t3[key]) cells.push({ html: valueHtml(v) });
    rows.push(cells);
  }
  return w.table(rows);
}

/** 表四: 行政复议 over five columns, 行政诉讼 over ten, its two kinds over five each, then the 15 numbers. */
function table4(model: ReportModel, w: Writer): string {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return w.table([
    [
      { ...text('行政复议'), colspan: 5 },
      { ...text('行政诉讼'), colspan: 10 },
    ],
    [...results.map((r) => ({ ...w.label(r, 2), rowspan: 2 })), { ...text('未经复议直接起诉'), colspan: 5 }, { ...text('复议后起诉'), colspan: 5 }],
    [...results, ...results].map((r) => w.label(r, 2)),
    model.t4.map((v) => ({ html: valueHtml(v) })),
  ]);
}

function heading(model: ReportModel, n: number, w: Writer): string {
  const number = model.sections?.number?.[n] ?? `${NUMERALS[n - 1]}、`;
  const title = esc(number + (model.sections?.title?.[n] ?? SECTION_TITLES[n - 1]));
  switch (w.options.headings ?? 'h2') {
    case 'h2':
      return `<h2 style="font-size:16px">${title}</h2>`;
    case 'strong':
      return `<p style="text-indent:2em"><strong>${title}</strong></p>`;
    case 'p':
      return `<p style="text-indent:2em">${title}</p>`;
  }
}

/** A prose line; the （一）-style sub-headings of the prose in bold. */
function prose(line: string): string {
  const sub = /^（[一二三四五六七八九十]+）/.test(line) && line.length <= 20;
  return `<p style="text-indent:2em">${sub ? `<strong>${esc(line)}</strong>` : esc(line)}</p>`;
}

function article(model: ReportModel, w: Writer): string {
  const out: string[] = [];
  const title = model.title === undefined ? `${model.organ}${model.year}年政府信息公开工作年度报告` : model.title;
  if (title !== null) out.push(`<h1 class="article-title" style="text-align:center">${esc(title)}</h1>`);
  for (const n of model.sections?.order ?? [1, 2, 3, 4, 5, 6]) {
    if (model.sections?.omit?.includes(n)) continue;
    out.push(heading(model, n, w));
    for (const line of model.sections?.body?.[n] ?? DEFAULT_BODY[n] ?? []) out.push(prose(line));
    if (n >= 2 && n <= 4 && !model.sections?.noTable?.includes(n)) {
      out.push(n === 2 ? table2(model, w) : n === 3 ? table3(model, w) : table4(model, w));
    }
  }
  const signature = model.signature === undefined ? [model.organ, `${model.year + 1}年1月20日`] : model.signature;
  for (const line of signature ?? []) out.push(`<p style="text-align:right">${esc(line)}</p>`);
  return out.join('\n');
}

function page(model: ReportModel, body: string, options: HtmlOptions): string {
  const charset = options.charset ?? 'UTF-8';
  const meta = options.httpEquiv ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset.toLowerCase()}">` : `<meta charset="${charset}">`;
  const title = model.title ?? `${model.organ}${model.year}年政府信息公开工作年度报告`;
  const chrome = options.chrome ?? true;
  const articleHtml = `<div class="article" id="zoom">\n${body}\n</div>`;
  if (!chrome) {
    return `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n${meta}\n<title>${esc(title)}</title>\n</head>\n<body>\n${articleHtml}\n</body>\n</html>\n`;
  }
  const site = `${model.organ.replace(/[局委办厅].*$|人民政府.*$/, '')}人民政府`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${meta}
<title>${esc(title)}_${esc(site)}</title>
<style>body{font-family:"Microsoft YaHei",sans-serif} .main{width:1000px;margin:0 auto;display:flex;gap:20px} .side{width:220px} .content{width:760px} td{border:1px solid #000;text-align:center}</style>
</head>
<body>
<div class="header"><div class="logo">${esc(site)}门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zfxxgk/">政府信息公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="main">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a> &gt; <a href="/zfxxgk/ndbg/">年度报告</a></div>
<div class="side"><h3>政府信息公开</h3><ul><li><a href="/zfxxgk/zn/">政府信息公开指南</a></li><li><a href="/zfxxgk/zd/">政府信息公开制度</a></li><li><a href="/zfxxgk/ndbg/">政府信息公开年报</a></li></ul></div>
<div class="content">
<div class="info">发布时间：${model.year + 1}-01-20　来源：${esc(model.organ)}　<span>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
${articleHtml}
<div class="share">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
</div>
<div class="footer"><p>主办单位：${esc(site)}办公室　承办单位：${esc(site)}大数据中心</p><p>网站标识码：3300000001　备案号：浙ICP备12345678号-1</p></div>
</body>
</html>
`;
}

export function renderHtml(model: ReportModel, options: HtmlOptions = {}): string {
  return page(model, article(model, new Writer(options)), options);
}

/** The page's bytes in the charset it declares (a character the charset lacks becomes `?`). */
export function encodeHtml(html: string, charset: HtmlCharset = 'UTF-8'): Buffer {
  return charset === 'UTF-8' ? Buffer.from(html, 'utf8') : iconv.encode(html, charset === 'GBK' ? 'gbk' : 'gb2312');
}

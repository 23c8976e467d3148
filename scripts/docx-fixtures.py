#!/usr/bin/python3
"""DOCX fixtures made by editing LibreOffice's output or with python-docx (Debian python3-docx).

Called by scripts/make-docx-fixtures.mjs with the fixture folder, after the LibreOffice conversions:

  numbered-headings.docx  gen-2021-blanks.docx with its section headings numbered by Word numbering
                          (chineseCounting, %1、) and its （一） sub-headings through a paragraph style
                          whose basedOn parent holds the numbering (level 2, （%2）, no suffix)
  tracked-change.docx     gen-2021-blanks.docx with one 表三 cell rewritten as a tracked change: the old
                          value deleted, the same value as before inserted (so it prints as before)
  merged-cells.docx       python-docx: a table that is no report, with vertical and horizontal merges,
                          an empty grid slot before a row's first cell and a table nested in a cell
  no-report.docx          python-docx: a meeting notice with a plain table
"""
import re
import sys
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

OUT = Path(sys.argv[1])
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


def rewrite(source, target, edit):
    """Copies a package, each part passed through edit(name, bytes) -> bytes; edit may add parts (returns extra)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as zout:
        extra = {}
        for item in zin.infolist():
            data = edit(item.filename, zin.read(item.filename), extra)
            zout.writestr(item, data)
        for name, data in extra.items():
            zout.writestr(name, data)


def outside_tables(xml, edit_paragraph):
    """Applies edit_paragraph to each body paragraph (not those in tables)."""
    parts = re.split(r'(<w:tbl>.*?</w:tbl>)', xml, flags=re.S)
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(r'<w:p>.*?</w:p>', lambda m: edit_paragraph(m.group(0)), parts[i], flags=re.S)
    return ''.join(parts)


def text_of(paragraph):
    return ''.join(re.findall(r'<w:t(?: [^>]*)?>([^<]*)</w:t>', paragraph))


def drop_prefix(paragraph, prefix):
    """Removes the number written at the start of the paragraph's first w:t."""
    def first(m):
        assert m.group(2).startswith(prefix), (m.group(2), prefix)
        return m.group(1) + m.group(2)[len(prefix):] + '</w:t>'
    return re.sub(r'(<w:t(?: [^>]*)?>)([^<]*)</w:t>', first, paragraph, count=1)


NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {nsdecls('w')}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>\
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/>\
<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>\
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/>\
<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl></w:abstractNum>\
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'''

SUBHEADING_STYLES = '''<w:style w:type="paragraph" w:styleId="ReportSubheadingBase"><w:name w:val="Report Subheading Base"/>\
<w:basedOn w:val="TextBody"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>\
<w:style w:type="paragraph" w:styleId="ReportSubheading"><w:name w:val="Report Subheading"/><w:basedOn w:val="ReportSubheadingBase"/></w:style>'''


def numbered_headings():
    def paragraph(p):
        text = text_of(p)
        heading = re.match(r'[一二三四五六]、', text)
        sub = re.match(r'（[一二三四五六七八九十]+）', text)
        if heading:
            p = drop_prefix(p, heading.group(0))
            return re.sub(r'(<w:pStyle w:val="[^"]*"/>)', r'\1<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>', p, count=1)
        if sub:
            p = drop_prefix(p, sub.group(0))
            return re.sub(r'<w:pStyle w:val="[^"]*"/>', '<w:pStyle w:val="ReportSubheading"/>', p, count=1)
        return p

    def edit(name, data, extra):
        if name == 'word/document.xml':
            return outside_tables(data.decode(), paragraph).encode()
        if name == 'word/styles.xml':
            return data.decode().replace('</w:styles>', SUBHEADING_STYLES + '</w:styles>').encode()
        if name == '[Content_Types].xml':
            override = '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
            return data.decode().replace('</Types>', override + '</Types>').encode()
        if name == 'word/_rels/document.xml.rels':
            rel = '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            extra['word/numbering.xml'] = NUMBERING.encode()
            return data.decode().replace('</Relationships>', rel + '</Relationships>').encode()
        return data

    rewrite(OUT / 'gen-2021-blanks.docx', OUT / 'numbered-headings.docx', edit)


def tracked_change():
    """表三 （一）予以公开, 自然人: the value deleted as a larger one and inserted as itself."""
    def edit(name, data, extra):
        if name != 'word/document.xml':
            return data
        xml = data.decode()
        tables = list(re.finditer(r'<w:tbl>.*?</w:tbl>', xml, flags=re.S))
        table3 = tables[1]
        rows = re.findall(r'<w:tr>.*?</w:tr>', table3.group(0), flags=re.S)
        row = next(r for r in rows if '予以公开' in text_of(r))
        cells = re.findall(r'<w:tc>.*?</w:tc>', row, flags=re.S)
        label = next(i for i, c in enumerate(cells) if '予以公开' in text_of(c))
        cell = cells[label + 1]
        run = re.search(r'<w:r><w:rPr>(.*?)</w:rPr><w:t>(\d+)</w:t></w:r>', cell, flags=re.S)
        props, value = run.group(1), run.group(2)
        date = 'w:author="审核人" w:date="2024-01-10T09:00:00Z"'
        tracked = (f'<w:del w:id="901" {date}><w:r><w:rPr>{props}</w:rPr><w:delText>{int(value) + 10}</w:delText></w:r></w:del>'
                   f'<w:ins w:id="902" {date}><w:r><w:rPr>{props}</w:rPr><w:t>{value}</w:t></w:r></w:ins>')
        new_cell = cell.replace(run.group(0), tracked, 1)
        new_table = table3.group(0).replace(row, row.replace(cell, new_cell, 1), 1)
        return (xml[:table3.start()] + new_table + xml[table3.end():]).encode()

    rewrite(OUT / 'gen-2021-blanks.docx', OUT / 'tracked-change.docx', edit)


def merged_cells():
    document = docx.Document()
    document.add_paragraph('附表：人员安排')
    table = document.add_table(rows=4, cols=4)
    table.style = 'Table Grid'
    texts = [['部门', '人员', '', ''], ['', '张三', '李四', '王五'], ['', '12', '7', '3'], ['', '合计', '22', '']]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(2, 0))   # 部门 over three rows
    table.cell(0, 1).merge(table.cell(0, 3))   # 人员 over three columns
    table.cell(3, 2).merge(table.cell(3, 3))   # 22 over two columns
    # The last row starts one slot in (Word's gridBefore): its first cell removed.
    last = table.rows[3]._tr
    last.remove(last.tc_lst[0])
    last.insert(0, parse_xml(f'<w:trPr {nsdecls("w")}><w:gridBefore w:val="1"/></w:trPr>'))
    # A table nested in 王五's cell.
    inner = table.cell(1, 3).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = '外聘'
    inner.cell(0, 1).text = '1'
    document.add_paragraph('以上。')
    document.save(OUT / 'merged-cells.docx')


def no_report():
    document = docx.Document()
    title = document.add_paragraph()
    run = title.add_run('关于召开年度工作会议的通知')
    run.font.size = Pt(16)
    document.add_paragraph('各科室：定于下周一上午九时召开年度工作会议，请准时参加。')
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([['科室', '参会人数', '联系人'], ['办公室', '3', '王某'], ['政策法规科', '2', '李某']]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph('办公室')
    document.save(OUT / 'no-report.docx')


numbered_headings()
tracked_change()
merged_cells()
no_report()

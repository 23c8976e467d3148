import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseXml, textOf, wVal, XmlElement } from '../../server/src/core/read/docx-xml';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe('parseXml (the XML of .docx parts)', () => {
  it('refuses what is not well-formed XML, saying what is wrong', () => {
    assert.equal(parseXml(''), 'no root element');
    assert.equal(parseXml('<a><b>'), 'unclosed element: b');
    assert.equal(parseXml('<a><b></a></b>'), 'unexpected end tag: a');
    assert.equal(parseXml('<a/><b/>'), 'more than one root element');
    assert.equal(parseXml('<a/>text'), 'text outside the root element');
    assert.equal(parseXml('<w:p/>'), 'undeclared prefix: w');
    assert.equal(parseXml(`<a ${W}><b x:val="1"/></a>`), 'undeclared prefix: x');
    assert.equal(parseXml('<a>&nbsp;</a>'), 'undefined entity: &nbsp;');
    assert.equal(parseXml('<a b=1/>'), 'attribute without a quoted value: b');
    assert.equal(parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a/>'), 'DOCTYPE');
  });

  it('resolves prefixes, decodes references, reads CR LF as LF, and keeps each element’s offsets', () => {
    const xml = `<?xml version="1.0"?>\r\n<w:document ${W}><w:p><w:r><w:t xml:space="preserve">a &amp; &#x4e00;\r\nb</w:t></w:r><w:jc w:val="center"/></w:p></w:document>`;
    const root = parseXml(xml) as XmlElement;
    assert.equal(root.namespace, 'http://schemas.openxmlformats.org/wordprocessingml/2006/main');
    const p = root.children[0] as XmlElement;
    const t = (p.children[0] as XmlElement).children[0] as XmlElement;
    assert.equal(textOf(p), 'a & 一\nb');
    assert.equal(t.attributes['xml:space'].uri, 'http://www.w3.org/XML/1998/namespace');
    assert.equal(xml.slice(t.start, t.contentStart), '<w:t xml:space="preserve">');
    assert.equal(xml.slice(t.contentStart, t.contentEnd), 'a &amp; &#x4e00;\r\nb');
    assert.equal(xml.slice(t.contentEnd, t.end), '</w:t>');
    const jc = p.children[1] as XmlElement;
    assert.equal(wVal(jc), 'center');
    assert.equal(xml.slice(jc.start, jc.end), '<w:jc w:val="center"/>');
    assert.equal(jc.contentStart, jc.end);
  });

  it('does not build what `keep` turns down, nor anything inside it', () => {
    const root = parseXml(`<w:p ${W}><w:rPr><w:b/><w:t>x</w:t></w:rPr><w:t>y</w:t></w:p>`, (name) => name !== 'rPr') as XmlElement;
    assert.deepEqual(
      root.children.map((c) => (typeof c === 'string' ? c : c.name)),
      ['w:t'],
    );
    assert.equal(textOf(root), 'y');
  });
});

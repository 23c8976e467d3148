import type { ReadProblemKind } from './document';
import { parseXml, plainAttribute, W_NAMESPACES, XmlElement } from './docx-xml';
import { inflateEntries, InflateResult, isOle2, listZip, ole2StreamNames, ZipEntry } from './docx-zip';

/**
 * Opens a .docx: the ZIP, the main document part (found through the package relationships), its
 * styles and numbering parts, each parsed as XML. Only those parts are inflated; images and the
 * rest are never touched.
 */

/**
 * The largest XML part read. A report's document.xml is 0.1–2 MB; at 8 MB of the densest table
 * markup, reading peaks at about 350 MB of memory, which bounds what a hostile file can cost.
 */
export const MAX_PART_SIZE = 8 * 1024 * 1024;

export interface DocxPart {
  name: string;
  /** The part's XML text as decoded from its bytes, without a byte-order mark. */
  xml: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  bom: boolean;
  root: XmlElement;
}

export interface DocxPackage {
  document: DocxPart & { entry: ZipEntry };
  styles?: DocxPart;
  numbering?: DocxPart;
}

export type OpenResult = { ok: true; pkg: DocxPackage } | { ok: false; problem: ReadProblemKind; detail?: string };

/** The elements of document.xml that the reader and writer look at; the rest (formatting, drawings) is not built. */
const DOCUMENT_ELEMENTS = new Set([
  'body',
  'p',
  'pPr',
  'pStyle',
  'numPr',
  'ilvl',
  'numId',
  'rPr',
  'ins',
  'del',
  'moveFrom',
  'moveTo',
  'rPrChange',
  'vanish',
  'r',
  't',
  'tab',
  'ptab',
  'br',
  'cr',
  'noBreakHyphen',
  'ruby',
  'rubyBase',
  'fldChar',
  'fldSimple',
  'hyperlink',
  'smartTag',
  'customXml',
  'sdt',
  'sdtContent',
  'bdo',
  'dir',
  'tbl',
  'tr',
  'trPr',
  'gridBefore',
  'tc',
  'tcPr',
  'gridSpan',
  'vMerge',
  'hMerge',
  'drawing',
  'pict',
  'txbxContent',
]);
/**
 * The way from a run down to a text box's content, outside WordprocessingML: markup-compatibility
 * choices, DrawingML anchors, shapes and groups (wps/wpg), VML shapes and their text boxes.
 */
const TEXT_BOX_PATH = new Set([
  'AlternateContent',
  'Choice',
  'Fallback',
  'anchor',
  'inline',
  'graphic',
  'graphicData',
  'wsp',
  'wgp',
  'grpSp',
  'txbx',
  'shape',
  'rect',
  'roundrect',
  'group',
  'textbox',
]);
const keepInDocument = (localName: string, namespace: string) =>
  W_NAMESPACES.has(namespace) ? DOCUMENT_ELEMENTS.has(localName) : TEXT_BOX_PATH.has(localName);
const keepWordprocessing = (_: string, namespace: string) => W_NAMESPACES.has(namespace);
/** Of the styles, what numbers a paragraph (a styles part is mostly formatting and latent styles). */
const STYLE_ELEMENTS = new Set(['style', 'basedOn', 'pPr', 'numPr', 'numId', 'ilvl']);
const keepInStyles = (localName: string, namespace: string) => W_NAMESPACES.has(namespace) && STYLE_ELEMENTS.has(localName);

/** Where Word, WPS and LibreOffice put the parts the reader needs. */
const USUAL_PARTS = new Set(['_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml', 'word/numbering.xml']);

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_STYLES = /\/styles$/;
const REL_NUMBERING = /\/numbering$/;

export function openDocx(bytes: Uint8Array): OpenResult {
  if (isOle2(bytes)) {
    const streams = ole2StreamNames(bytes);
    if (streams.has('EncryptedPackage')) return { ok: false, problem: 'encrypted' };
    return { ok: false, problem: 'not-docx', detail: streams.has('WordDocument') ? 'Word 97–2003 .doc' : 'OLE2' };
  }
  if (bytes.length < 22) return { ok: false, problem: bytes.length === 0 ? 'empty' : 'not-docx' };
  const byName = listZip(bytes);
  if ('error' in byName) {
    // A ZIP that starts as one but whose directory is gone was cut short or damaged.
    const local = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
    return { ok: false, problem: local ? 'corrupt' : 'not-docx', detail: local ? byName.error : undefined };
  }
  // The parts a Word document usually has, inflated in one pass; a part named otherwise is inflated when asked for.
  const usual = [...USUAL_PARTS].flatMap((name) => byName.get(name) ?? []);
  const inflatedUsual = inflateEntries(bytes, usual, MAX_PART_SIZE);
  const inflate = (entry: ZipEntry): InflateResult => inflatedUsual.get(entry.name) ?? inflateEntries(bytes, [entry], MAX_PART_SIZE).get(entry.name)!;
  const parse = (entry: ZipEntry, keep?: (localName: string, namespace: string) => boolean): DocxPart | { problem: ReadProblemKind; detail: string } => {
    const inflated = inflate(entry);
    if (!inflated.ok) return { problem: inflated.problem, detail: inflated.detail };
    const decoded = decodeXml(inflated.data);
    if (!decoded) return { problem: 'corrupt', detail: `${entry.name}: encoding` };
    const bom = decoded.text.charCodeAt(0) === 0xfeff;
    const xml = bom ? decoded.text.slice(1) : decoded.text;
    const root = parseXml(xml, keep);
    if (typeof root === 'string') return { problem: 'corrupt', detail: `${entry.name}: ${root}` };
    return { name: entry.name, xml, encoding: decoded.encoding, bom, root };
  };

  const documentName = relationshipTarget(byName, parse, '_rels/.rels', '', REL_OFFICE_DOCUMENT) ?? 'word/document.xml';
  const documentEntry = byName.get(documentName);
  if (!documentEntry) return { ok: false, problem: 'not-docx', detail: otherFormat(byName) };
  const document = parse(documentEntry, keepInDocument);
  if ('problem' in document) return { ok: false, problem: document.problem, detail: document.detail };
  if (!isWordDocument(document.root)) return { ok: false, problem: 'not-docx', detail: otherFormat(byName) };

  const folder = documentName.includes('/') ? documentName.slice(0, documentName.lastIndexOf('/') + 1) : '';
  const rels = `${folder}_rels/${documentName.slice(folder.length)}.rels`;
  const optional = (
    pattern: RegExp,
    fallback: string,
    keep: (localName: string, namespace: string) => boolean,
  ): DocxPart | { problem: ReadProblemKind; detail: string } | undefined => {
    const entry = byName.get(relationshipTarget(byName, parse, rels, folder, pattern) ?? `${folder}${fallback}`);
    return entry ? parse(entry, keep) : undefined;
  };
  const styles = optional(REL_STYLES, 'styles.xml', keepInStyles);
  if (styles && 'problem' in styles) return { ok: false, problem: styles.problem, detail: styles.detail };
  const numbering = optional(REL_NUMBERING, 'numbering.xml', keepWordprocessing);
  if (numbering && 'problem' in numbering) return { ok: false, problem: numbering.problem, detail: numbering.detail };
  return { ok: true, pkg: { document: { ...document, entry: documentEntry }, styles, numbering } };
}

/** What a ZIP without a Word document is, for the message. */
function otherFormat(byName: Map<string, ZipEntry>): string | undefined {
  if (byName.has('xl/workbook.xml')) return 'Excel .xlsx';
  if (byName.has('ppt/presentation.xml')) return 'PowerPoint .pptx';
  if (byName.has('content.xml') && byName.has('mimetype')) return 'OpenDocument';
  return undefined;
}

/** The target of the first relationship of `type` in a .rels part, as a package path. */
function relationshipTarget(
  byName: Map<string, ZipEntry>,
  parse: (entry: ZipEntry) => DocxPart | { problem: ReadProblemKind },
  relsName: string,
  base: string,
  type: RegExp,
): string | undefined {
  const entry = byName.get(relsName);
  if (!entry) return undefined;
  const rels = parse(entry);
  if ('problem' in rels) return undefined;
  for (const rel of rels.root.children) {
    if (typeof rel === 'string' || rel.localName !== 'Relationship') continue;
    if (plainAttribute(rel, 'TargetMode') === 'External' || !type.test(plainAttribute(rel, 'Type') ?? '')) continue;
    const target = plainAttribute(rel, 'Target');
    if (target) return resolvePath(target.startsWith('/') ? target.slice(1) : base + target);
  }
  return undefined;
}

/** `word/../x.xml` → `x.xml`. */
function resolvePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

function isWordDocument(root: XmlElement): boolean {
  return root.localName === 'document' && W_NAMESPACES.has(root.namespace);
}

/** UTF-8 (with or without BOM) or UTF-16 by BOM, as XML allows; undefined when the bytes are not that. */
function decodeXml(data: Uint8Array): { text: string; encoding: DocxPart['encoding'] } | undefined {
  const encoding = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(data), encoding };
  } catch {
    return undefined;
  }
}

import { SaxesAttributeNS, SaxesParser, SaxesTagNS } from 'saxes';

/**
 * The XML of a .docx part as a light element tree, read with saxes (a checking parser: unbalanced
 * tags, undeclared prefixes, unknown entities are errors, and a DOCTYPE is refused here, so a
 * damaged part is reported as such). Each element keeps its offsets in the source, which the
 * writer splices: they are indices into the string parsed, so they hold for any text, non-ASCII
 * included, as long as the writer splices that same string before encoding it again.
 */

export interface XmlElement {
  /** The qualified name as written (`w:t`). */
  name: string;
  prefix: string;
  localName: string;
  /** Empty when the element has no namespace. */
  namespace: string;
  /** By qualified name, namespaces resolved (saxes' own records). */
  attributes: Record<string, SaxesAttributeNS>;
  children: XmlNode[];
  parent: XmlElement | undefined;
  /** Offset of the `<` of the start tag. */
  start: number;
  /** Offset just past the start tag's `>`: where the content starts (for an empty element `<a/>`, its end). */
  contentStart: number;
  /** Offset of the end tag's `<` (for `<a/>`, its end). */
  contentEnd: number;
  /** Offset just past the element. */
  end: number;
}

export type XmlNode = XmlElement | string;

export const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** Leaves have no children of their own: they share this one (never pushed to). */
const NO_CHILDREN: XmlNode[] = [];

/**
 * The root element, or what is wrong with the XML. Elements `keep` turns down are checked but not
 * built, nor anything inside them (a report's run and cell formatting, drawings): the tree holds
 * what the reader looks at, and its memory stays a small multiple of the text's.
 */
export function parseXml(xml: string, keep: (localName: string, namespace: string) => boolean = () => true): XmlElement | string {
  const parser = new SaxesParser({ xmlns: true });
  let root: XmlElement | undefined;
  let current: XmlElement | undefined;
  /** Depth inside an element that is not kept. */
  let skipped = 0;
  const addChild = (node: XmlNode) => {
    if (current!.children === NO_CHILDREN) current!.children = [];
    current!.children.push(node);
  };
  const addText = (text: string) => {
    if (current && skipped === 0) addChild(text);
  };
  parser.on('doctype', () => {
    // Entity declarations could expand without bound; Word never writes a DOCTYPE.
    throw new Error('DOCTYPE');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (skipped > 0 || (current && !keep(tag.local, tag.uri))) {
      if (!tag.isSelfClosing) skipped++;
      return;
    }
    const end = parser.position;
    // Attribute values hold no `<`, so the last one before the tag's end is its start.
    const element: XmlElement = {
      name: tag.name, prefix: tag.prefix, localName: tag.local, namespace: tag.uri, attributes: tag.attributes,
      children: NO_CHILDREN, parent: current, start: xml.lastIndexOf('<', end - 1), contentStart: end, contentEnd: end, end,
    };
    if (current) addChild(element);
    else root = element;
    if (!tag.isSelfClosing) current = element;
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    // An empty element `<a/>` was done with at its start tag.
    if (tag.isSelfClosing) return;
    if (skipped > 0) {
      skipped--;
      return;
    }
    const element = current!;
    element.end = parser.position;
    element.contentEnd = xml.lastIndexOf('<', element.end - 1);
    current = element.parent;
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(xml).close();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return root ?? 'no root element';
}

/** Is `node` the WordprocessingML element `name` (in the transitional or the strict namespace, whatever the prefix)? */
export function isW(node: XmlNode, name: string): node is XmlElement {
  return typeof node !== 'string' && node.localName === name && W_NAMESPACES.has(node.namespace);
}

export function wChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const n of el.children) if (isW(n, name)) return n;
  return undefined;
}

export function wChildren(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((n): n is XmlElement => isW(n, name));
}

/** An attribute in the WordprocessingML namespace (`w:val` by default). */
export function wVal(el: XmlElement | undefined, name = 'val'): string | undefined {
  if (!el) return undefined;
  for (const key in el.attributes) {
    const a = el.attributes[key];
    if (a.local === name && W_NAMESPACES.has(a.uri)) return a.value === '' ? undefined : a.value;
  }
  return undefined;
}

/** An attribute without a namespace (`Type` of a relationship). */
export function plainAttribute(el: XmlElement, name: string): string | undefined {
  const a = el.attributes[name];
  return a && a.uri === '' ? a.value : undefined;
}

/** An on/off property: present and not "0"/"false"/"off". */
export function wOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = wVal(el);
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

/** The text of an element and its descendants. */
export function textOf(el: XmlElement): string {
  let text = '';
  for (const n of el.children) text += typeof n === 'string' ? n : textOf(n);
  return text;
}

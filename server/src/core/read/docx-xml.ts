import type { Element, Node } from '@xmldom/xmldom';

/** WordprocessingML elements and attributes, in the transitional or the strict namespace, whatever the prefix. */
export const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** Is `node` the WordprocessingML element `name`? */
export function isW(node: Node, name: string): boolean {
  return node.nodeType === 1 && (node as Element).localName === name && W_NAMESPACES.has((node as Element).namespaceURI ?? '');
}

export function wChild(el: Element, name: string): Element | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (isW(n, name)) return n as Element;
  }
  return undefined;
}

export function wChildren(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (isW(n, name)) out.push(n as Element);
  }
  return out;
}

/** The `w:val` attribute (any prefix bound to the WordprocessingML namespace). */
export function wVal(el: Element | undefined, name = 'val'): string | undefined {
  if (!el) return undefined;
  for (const ns of W_NAMESPACES) {
    const v = el.getAttributeNS(ns, name);
    if (v !== null && v !== '') return v;
  }
  return undefined;
}

/** An on/off property: present and not "0"/"false"/"off". */
export function wOn(el: Element | undefined): boolean {
  if (!el) return false;
  const v = wVal(el);
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

/**
 * The XML of a .docx part as a light element tree: names resolved to namespaces, attributes, text,
 * and each element's offsets in the source (what the writer splices). A checking parser, not a
 * tolerant one: unbalanced tags, undeclared prefixes, unknown entities and a DOCTYPE are errors, so
 * a damaged part is reported as such (attributes are only checked for their quoting and references).
 * It is written for the parts Word writes (a report's document.xml is 100–300 KB of markup) and reads
 * them about ten times as fast as a general DOM: @xmldom/xmldom took 27 ms for a 200 KB
 * document.xml, this 1.5–2.5 ms.
 */

export interface XmlElement {
  /** The qualified name as written (`w:t`). */
  name: string;
  prefix: string;
  localName: string;
  namespace: string | undefined;
  /** The start tag's attributes as written, read on demand (see `attributesOf`). */
  attributeText: string;
  scope: Map<string, string>;
  attributes?: XmlAttribute[];
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

export interface XmlAttribute {
  name: string;
  localName: string;
  namespace: string | undefined;
  value: string;
}

export type XmlNode = XmlElement | string;

export const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const START_TAG = /<([^\s/>!?]+)/y;
const ATTRIBUTE = /\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ATTRIBUTES_END = /(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/y;
const END_TAG = /<\/([^\s>]+)\s*>/y;

/** Leaves have no children of their own: they share this one (never pushed to). */
const NO_CHILDREN: XmlNode[] = [];

/**
 * The root element, or what is wrong with the XML. Elements `keep` turns down are checked for
 * nesting but not built, nor anything inside them (a report's run and cell formatting, drawings):
 * the tree holds what the reader looks at, and its memory stays a small multiple of the text's.
 */
export function parseXml(xml: string, keep: (localName: string, namespace: string | undefined) => boolean = () => true): XmlElement | string {
  let root: XmlElement | undefined;
  let current: XmlElement | undefined;
  let scope = new Map<string, string>([['xml', XML_NAMESPACE]]);
  const scopes: Map<string, string>[] = [];
  /** Names of the open elements inside one that is not kept. */
  const skipped: string[] = [];
  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > pos && skipped.length === 0) {
      const text = decode(xml.slice(pos, textEnd));
      if (text === undefined) return 'bad character reference';
      if (current) {
        if (current.children === NO_CHILDREN) current.children = [];
        current.children.push(text);
      } else if (text.trim() !== '') return 'text outside the root element';
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', lt + 2);
      if (close < 0) return 'unclosed processing instruction';
      pos = close + 2;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close < 0) return 'unclosed comment';
        pos = close + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt + 9);
        if (close < 0 || !current) return 'misplaced CDATA';
        if (skipped.length === 0) {
          if (current.children === NO_CHILDREN) current.children = [];
          current.children.push(xml.slice(lt + 9, close));
        }
        pos = close + 3;
      } else return xml.startsWith('<!DOCTYPE', lt) ? 'DOCTYPE' : 'bad markup';
    } else if (next === 0x2f /* / */) {
      END_TAG.lastIndex = lt;
      const m = END_TAG.exec(xml);
      if (skipped.length) {
        if (!m || m[1] !== skipped.pop()) return `mismatched end tag ${m?.[1] ?? ''}`.trim();
        pos = END_TAG.lastIndex;
        continue;
      }
      if (!m || !current || m[1] !== current.name) return `mismatched end tag ${m?.[1] ?? ''}`.trim();
      current.contentEnd = lt;
      current.end = END_TAG.lastIndex;
      current = current.parent;
      scope = scopes.pop()!;
      pos = END_TAG.lastIndex;
    } else {
      START_TAG.lastIndex = lt;
      const m = START_TAG.exec(xml);
      if (!m) return 'bad start tag';
      const attributesStart = START_TAG.lastIndex;
      ATTRIBUTES_END.lastIndex = attributesStart;
      const close = ATTRIBUTES_END.exec(xml);
      if (!close) return 'bad start tag';
      const end = ATTRIBUTES_END.lastIndex;
      if (skipped.length) {
        if (!close[1]) skipped.push(m[1]);
        pos = end;
        continue;
      }
      const attributesEnd = end - 1 - close[1].length;
      // Namespace declarations are read now; other attributes when asked for (most never are).
      let elementScope = scope;
      const raw = xml.slice(attributesStart, attributesEnd);
      if (raw.includes('&') && decode(raw) === undefined) return 'bad character reference';
      if (raw.includes('xmlns')) {
        for (const a of readAttributes(raw, scope)) {
          if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) continue;
          if (elementScope === scope) elementScope = new Map(scope);
          elementScope.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value);
        }
      }
      const name = m[1];
      const colon = name.indexOf(':');
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      const namespace = elementScope.get(prefix);
      if (prefix && namespace === undefined) return `undeclared prefix ${prefix}`;
      const localName = colon < 0 ? name : name.slice(colon + 1);
      if (current && !keep(localName, namespace)) {
        if (!close[1]) skipped.push(name);
        pos = end;
        continue;
      }
      const element: XmlElement = {
        name, prefix, localName, namespace, attributeText: raw, scope: elementScope,
        children: NO_CHILDREN, parent: current, start: lt, contentStart: end, contentEnd: end, end,
      };
      if (current) {
        if (current.children === NO_CHILDREN) current.children = [];
        current.children.push(element);
      } else if (root) return 'more than one root element';
      else root = element;
      if (!close[1]) {
        current = element;
        scopes.push(scope);
        scope = elementScope;
      }
      pos = end;
    }
  }
  if (current || skipped.length) return `unclosed element ${current?.name ?? skipped[skipped.length - 1]}`;
  return root ?? 'no root element';
}

/** Attributes as written in a start tag, prefixes resolved in `scope`. */
function readAttributes(raw: string, scope: Map<string, string>): XmlAttribute[] {
  const attributes: XmlAttribute[] = [];
  ATTRIBUTE.lastIndex = 0;
  for (let a = ATTRIBUTE.exec(raw); a; a = ATTRIBUTE.exec(raw)) {
    const name = a[1];
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    attributes.push({
      name,
      localName: colon < 0 ? name : name.slice(colon + 1),
      // Unprefixed attributes have no namespace; xmlns declarations are not attributes of any.
      namespace: colon < 0 || prefix === 'xmlns' ? undefined : scope.get(prefix),
      value: decode(a[2] ?? a[3]) ?? '',
    });
  }
  return attributes;
}

export function attributesOf(el: XmlElement): XmlAttribute[] {
  el.attributes ??= el.attributeText ? readAttributes(el.attributeText, el.scope) : [];
  return el.attributes;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its entity and character references replaced; undefined for an unknown or broken one. */
function decode(text: string): string | undefined {
  if (!text.includes('&')) return text;
  let bad = false;
  const out = text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (all, ref: string | undefined) => {
    if (!ref) {
      bad = true;
      return all;
    }
    if (ref[0] !== '#') {
      const entity = ENTITIES[ref];
      if (entity === undefined) bad = true;
      return entity ?? all;
    }
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff)) {
      bad = true;
      return all;
    }
    return String.fromCodePoint(code);
  });
  return bad ? undefined : out;
}

/** Is `node` the WordprocessingML element `name` (in the transitional or the strict namespace, whatever the prefix)? */
export function isW(node: XmlNode, name: string): node is XmlElement {
  return typeof node !== 'string' && node.localName === name && W_NAMESPACES.has(node.namespace!);
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
  for (const a of attributesOf(el)) if (a.localName === name && W_NAMESPACES.has(a.namespace!)) return a.value === '' ? undefined : a.value;
  return undefined;
}

/** An attribute without a namespace (`Type` of a relationship). */
export function plainAttribute(el: XmlElement, name: string): string | undefined {
  for (const a of attributesOf(el)) if (a.name === name) return a.value;
  return undefined;
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

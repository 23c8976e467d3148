import { Tokenizer } from 'htmlparser2';

/**
 * The XML of a .docx part as a light element tree, read with htmlparser2's tokenizer in XML mode:
 * it decodes entities and says where each token is, in a third of the time saxes (a validating
 * parser) took on a report's document.xml. What the tokenizer leaves to its caller is checked
 * here: tags balance, prefixes are declared, there is one root, no undefined entity, and a DOCTYPE
 * is refused, so a damaged part is reported as such. Each element keeps its offsets in the source,
 * which the writer splices: they are indices into the string parsed, so they hold for any text,
 * non-ASCII included, as long as the writer splices that same string before encoding it again.
 */

export interface XmlAttribute {
  /** The qualified name as written (`w:val`). */
  name: string;
  prefix: string;
  local: string;
  /** The namespace; empty for an attribute without a prefix. */
  uri: string;
  value: string;
}

export interface XmlElement {
  /** The qualified name as written (`w:t`). */
  name: string;
  prefix: string;
  localName: string;
  /** Empty when the element has no namespace. */
  namespace: string;
  /** By qualified name, namespaces resolved. */
  attributes: Record<string, XmlAttribute>;
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

export const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** Leaves have no children of their own: they share this one (never pushed to). */
const NO_CHILDREN: XmlNode[] = [];
const NO_ATTRIBUTES: Record<string, XmlAttribute> = {};

/** An open element: built, or only counted (not kept, or inside one that is not). */
interface Open {
  name: string;
  element: XmlElement | undefined;
  /** The prefixes in scope (a new map only where the element declares one). */
  namespaces: Map<string, string>;
}

class XmlError extends Error {}

/** `a:b` → [`a`, `b`]; `b` → [``, `b`]. */
function splitName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

/** XML's attribute-value normalization: a tab, CR, LF or CRLF is read as one space. */
const normalizeAttribute = (value: string) => (/[\t\n\r]/.test(value) ? value.replace(/\r\n|[\t\n\r]/g, ' ') : value);

/** The tokenizer decodes the references XML defines and leaves any other `&` as it is: an error in XML. */
function withoutReference(raw: string): string {
  if (raw.includes('&')) throw new XmlError(`undefined entity: ${raw.slice(raw.indexOf('&'), raw.indexOf('&') + 12)}`);
  return raw;
}

/** XML's end-of-line handling: a CR or CRLF is read as LF. */
const normalizeLines = (text: string) => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/**
 * The root element, or what is wrong with the XML. Elements `keep` turns down are checked but not
 * built, nor anything inside them (a report's run and cell formatting, drawings): the tree holds
 * what the reader looks at, and its memory stays a small multiple of the text's.
 */
export function parseXml(xml: string, keep: (localName: string, namespace: string) => boolean = () => true): XmlElement | string {
  let root: XmlElement | undefined;
  let rootClosed = false;
  const stack: Open[] = [];
  const namespaces = new Map([
    ['xml', XML_NAMESPACE],
    ['xmlns', XMLNS_NAMESPACE],
  ]);
  /** Text since the last markup, entities decoded. */
  let text = '';
  // The start tag being read.
  let tagStart = 0;
  let tagName = '';
  let rawAttributes: [string, string][] = [];
  let attributeName = '';
  let attributeValue = '';

  const flushText = () => {
    if (!text) return;
    const parent = stack[stack.length - 1]?.element;
    if (parent) {
      if (parent.children === NO_CHILDREN) parent.children = [];
      parent.children.push(normalizeLines(text));
    } else if (!stack.length && text.trim()) throw new XmlError('text outside the root element');
    text = '';
  };
  const openTag = (endIndex: number, selfClosing: boolean) => {
    if (rootClosed || (!stack.length && root)) throw new XmlError('more than one root element');
    const outer = stack[stack.length - 1];
    let scope = outer ? outer.namespaces : namespaces;
    for (const [name, value] of rawAttributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scope === (outer ? outer.namespaces : namespaces)) scope = new Map(scope);
        scope.set(name === 'xmlns' ? '' : name.slice(6), normalizeAttribute(value));
      }
    }
    const [prefix, localName] = splitName(tagName);
    const namespace = scope.get(prefix) ?? (prefix ? undefined : '');
    if (namespace === undefined) throw new XmlError(`undeclared prefix: ${prefix}`);
    const kept = !outer || (outer.element !== undefined && keep(localName, namespace));
    let element: XmlElement | undefined;
    if (kept) {
      let attributes = NO_ATTRIBUTES;
      for (const [name, value] of rawAttributes) {
        const [aPrefix, local] = splitName(name);
        const uri = name === 'xmlns' ? XMLNS_NAMESPACE : aPrefix ? scope.get(aPrefix) : '';
        if (uri === undefined) throw new XmlError(`undeclared prefix: ${aPrefix}`);
        if (attributes === NO_ATTRIBUTES) attributes = {};
        attributes[name] = { name, prefix: aPrefix, local, uri, value: normalizeAttribute(value) };
      }
      const end = endIndex + 1;
      element = {
        name: tagName,
        prefix,
        localName,
        namespace,
        attributes,
        children: NO_CHILDREN,
        parent: outer?.element,
        start: tagStart,
        contentStart: end,
        contentEnd: end,
        end,
      };
      if (outer) {
        if (outer.element!.children === NO_CHILDREN) outer.element!.children = [];
        outer.element!.children.push(element);
      } else root = element;
    }
    rawAttributes = [];
    if (selfClosing) {
      if (!stack.length) rootClosed = true;
    } else stack.push({ name: tagName, element, namespaces: scope });
  };

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      ontext: (start, endIndex) => {
        text += withoutReference(xml.slice(start, endIndex));
      },
      ontextentity: (codepoint) => {
        text += String.fromCodePoint(codepoint);
      },
      oncdata: (start, endIndex, endOffset) => {
        flushText();
        text = xml.slice(start, endIndex - endOffset);
        flushText();
      },
      onopentagname: (start, endIndex) => {
        flushText();
        tagStart = start - 1;
        tagName = xml.slice(start, endIndex);
      },
      onattribname: (start, endIndex) => {
        attributeName = xml.slice(start, endIndex);
        attributeValue = '';
      },
      onattribdata: (start, endIndex) => {
        attributeValue += withoutReference(xml.slice(start, endIndex));
      },
      onattribentity: (codepoint) => {
        attributeValue += String.fromCodePoint(codepoint);
      },
      onattribend: (quote) => {
        // QuoteType.NoValue and Unquoted: XML wants every value in quotes.
        if (quote < 2) throw new XmlError(`attribute without a quoted value: ${attributeName}`);
        rawAttributes.push([attributeName, attributeValue]);
      },
      onopentagend: (endIndex) => openTag(endIndex, false),
      onselfclosingtag: (endIndex) => openTag(endIndex, true),
      onclosetag: (start, endIndex) => {
        flushText();
        const name = xml.slice(start, endIndex);
        const open = stack.pop();
        if (!open || open.name !== name) throw new XmlError(`unexpected end tag: ${name}`);
        if (open.element) {
          open.element.contentEnd = xml.lastIndexOf('<', start);
          open.element.end = xml.indexOf('>', endIndex) + 1;
        }
        if (!stack.length) rootClosed = true;
      },
      ondeclaration: (start) => {
        // Entity declarations could expand without bound; Word never writes a DOCTYPE.
        if (/^doctype/i.test(xml.slice(start, start + 7))) throw new XmlError('DOCTYPE');
      },
      oncomment: flushText,
      onprocessinginstruction: flushText,
      onend: () => undefined,
    },
  );
  try {
    tokenizer.write(xml);
    tokenizer.end();
    flushText();
  } catch (e) {
    if (e instanceof XmlError) return e.message;
    throw e;
  }
  if (stack.length) return `unclosed element: ${stack[stack.length - 1].name}`;
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

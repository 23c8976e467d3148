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

/**
 * The prefixes in scope, and the names already resolved in that scope: a report's document.xml
 * repeats a few dozen names thousands of times, and the root's declarations hold for all of them.
 */
interface Scope {
  prefixes: Map<string, string>;
  elements: Map<string, ResolvedName>;
  attributes: Map<string, ResolvedName>;
}

interface ResolvedName {
  prefix: string;
  local: string;
  /** Undefined when the prefix is not declared. */
  uri: string | undefined;
  /** Whether `keep` takes an element of this name (decided once per scope). */
  kept?: boolean;
}

/** An open element: built, or only counted (not kept, or inside one that is not). */
interface Open {
  name: string;
  element: XmlElement | undefined;
  /** A new scope only where the element declares a prefix. */
  scope: Scope;
}

class XmlError extends Error {}

/** `a:b` → [`a`, `b`]; `b` → [``, `b`]. */
function splitName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

/** A known namespace as the one string object that `W_NAMESPACES` holds, so that lookups compare it by identity. */
function canonicalUri(uri: string): string {
  for (const known of W_NAMESPACES) if (known === uri) return known;
  return uri;
}

const newScope = (prefixes: Map<string, string>): Scope => ({ prefixes, elements: new Map(), attributes: new Map() });

/** An element's name: an unprefixed one takes the default namespace. */
function resolveElement(scope: Scope, name: string): ResolvedName {
  let resolved = scope.elements.get(name);
  if (!resolved) {
    const [prefix, local] = splitName(name);
    resolved = { prefix, local, uri: scope.prefixes.get(prefix) ?? (prefix ? undefined : '') };
    scope.elements.set(name, resolved);
  }
  return resolved;
}

/** An attribute's name: an unprefixed one has no namespace. */
function resolveAttribute(scope: Scope, name: string): ResolvedName {
  let resolved = scope.attributes.get(name);
  if (!resolved) {
    const [prefix, local] = splitName(name);
    resolved = { prefix, local, uri: name === 'xmlns' ? XMLNS_NAMESPACE : prefix ? scope.prefixes.get(prefix) : '' };
    scope.attributes.set(name, resolved);
  }
  return resolved;
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
  const rootScope = newScope(
    new Map([
      ['xml', XML_NAMESPACE],
      ['xmlns', XMLNS_NAMESPACE],
    ]),
  );
  /** Text since the last markup, entities decoded. */
  let text = '';
  // The start tag being read.
  let tagStart = 0;
  let tagName = '';
  /**
   * Its attributes as offsets (name start and end, value start and end, four numbers each), sliced
   * only for an element that is built or a namespace declaration: most attributes of a report's
   * markup are formatting, never looked at. A value with a reference in it is kept decoded instead.
   */
  const attributeBounds: number[] = [];
  const decodedValues: (string | undefined)[] = [];
  let attributeCount = 0;
  /** Without a `&` anywhere, no text or value needs checking for undefined entities. */
  const hasReferences = xml.includes('&');
  const attributeName = (i: number) => xml.slice(attributeBounds[4 * i], attributeBounds[4 * i + 1]);
  const attributeValue = (i: number) => decodedValues[i] ?? xml.slice(attributeBounds[4 * i + 2], attributeBounds[4 * i + 3]);
  const isNamespaceDeclaration = (i: number) => {
    const start = attributeBounds[4 * i];
    const length = attributeBounds[4 * i + 1] - start;
    return xml.startsWith('xmlns', start) && (length === 5 || xml.charCodeAt(start + 5) === 0x3a);
  };

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
    let scope = outer ? outer.scope : rootScope;
    for (let i = 0; i < attributeCount; i++) {
      if (isNamespaceDeclaration(i)) {
        const name = attributeName(i);
        if (scope === (outer ? outer.scope : rootScope)) scope = newScope(new Map(scope.prefixes));
        scope.prefixes.set(name === 'xmlns' ? '' : name.slice(6), canonicalUri(normalizeAttribute(attributeValue(i))));
      }
    }
    const resolved = resolveElement(scope, tagName);
    if (resolved.uri === undefined) throw new XmlError(`undeclared prefix: ${resolved.prefix}`);
    const kept = !outer || (outer.element !== undefined && (resolved.kept ??= keep(resolved.local, resolved.uri)));
    let element: XmlElement | undefined;
    if (kept) {
      let attributes = NO_ATTRIBUTES;
      for (let i = 0; i < attributeCount; i++) {
        const name = attributeName(i);
        const value = attributeValue(i);
        const a = resolveAttribute(scope, name);
        if (a.uri === undefined) throw new XmlError(`undeclared prefix: ${a.prefix}`);
        if (attributes === NO_ATTRIBUTES) attributes = {};
        attributes[name] = { name, prefix: a.prefix, local: a.local, uri: a.uri, value: normalizeAttribute(value) };
      }
      const end = endIndex + 1;
      element = {
        name: tagName,
        prefix: resolved.prefix,
        localName: resolved.local,
        namespace: resolved.uri,
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
    attributeCount = 0;
    if (selfClosing) {
      if (!stack.length) rootClosed = true;
    } else stack.push({ name: tagName, element, scope });
  };

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      ontext: (start, endIndex) => {
        text += hasReferences ? withoutReference(xml.slice(start, endIndex)) : xml.slice(start, endIndex);
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
        const at = 4 * attributeCount;
        attributeBounds[at] = start;
        attributeBounds[at + 1] = endIndex;
        attributeBounds[at + 2] = attributeBounds[at + 3] = endIndex;
        decodedValues[attributeCount] = undefined;
      },
      onattribdata: (start, endIndex) => {
        const at = 4 * attributeCount;
        if (hasReferences) withoutReference(xml.slice(start, endIndex));
        if (decodedValues[attributeCount] === undefined && attributeBounds[at + 2] === attributeBounds[at + 3]) {
          attributeBounds[at + 2] = start;
          attributeBounds[at + 3] = endIndex;
        } else decodedValues[attributeCount] = attributeValue(attributeCount) + xml.slice(start, endIndex);
      },
      onattribentity: (codepoint) => {
        decodedValues[attributeCount] = attributeValue(attributeCount) + String.fromCodePoint(codepoint);
      },
      onattribend: (quote) => {
        // QuoteType.NoValue and Unquoted: XML wants every value in quotes.
        if (quote < 2) throw new XmlError(`attribute without a quoted value: ${attributeName(attributeCount)}`);
        attributeCount++;
      },
      onopentagend: (endIndex) => openTag(endIndex, false),
      onselfclosingtag: (endIndex) => openTag(endIndex, true),
      onclosetag: (start, endIndex) => {
        flushText();
        const open = stack.pop();
        // Compared in place: slicing every end tag's name costs more than the comparison.
        if (!open || endIndex - start !== open.name.length || !xml.startsWith(open.name, start)) {
          throw new XmlError(`unexpected end tag: ${xml.slice(start, endIndex)}`);
        }
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

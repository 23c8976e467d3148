/**
 * URI strings as the web server gets them (`vscode-remote://host/a/b.txt`, `vscode-vfs://github/o/r/x`,
 * `file:///…`): folders, joins and relative paths on the path part, without Node's `path`.
 */

const URI = /^([a-zA-Z][\w+.-]*:(?:\/\/[^/?#]*)?)([^?#]*)/;

function split(uri: string): { root: string; path: string } | undefined {
  const m = URI.exec(uri);
  return m ? { root: m[1], path: m[2] } : undefined;
}

/** The folder of a file URI (no trailing slash, but `…/` for the root). */
export function dirOf(uri: string): string {
  const parts = split(uri);
  if (!parts) return uri;
  const cut = parts.path.lastIndexOf('/');
  return parts.root + (cut <= 0 ? '/' : parts.path.slice(0, cut));
}

/** The folder above, or undefined at the root. */
export function parentOf(dir: string): string | undefined {
  const parts = split(dir);
  if (!parts || parts.path === '/' || parts.path === '') return undefined;
  return dirOf(dir.replace(/\/$/, ''));
}

/** `name` (not encoded) in the folder `dir`. */
export function joinUri(dir: string, name: string): string {
  return `${dir.replace(/\/$/, '')}/${encodeURIComponent(name)}`;
}

/** Whether `uri` lies in the folder `dir` (at any depth). */
export function isInside(uri: string, dir: string): boolean {
  return uri.startsWith(`${dir.replace(/\/$/, '')}/`);
}

/** `uri` relative to the folder `dir`, decoded, with `/` (as config files and summaries write paths); '' if not inside. */
export function relativeTo(dir: string, uri: string): string {
  if (!isInside(uri, dir)) return '';
  return uri
    .slice(dir.replace(/\/$/, '').length + 1)
    .replace(/[?#].*$/, '')
    .split('/')
    .map(safeDecode)
    .join('/');
}

/** The path of a URI, decoded: what messages show of it. */
export function displayPath(uri: string): string {
  const parts = split(uri);
  return parts ? parts.path.split('/').map(safeDecode).join('/') : uri;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

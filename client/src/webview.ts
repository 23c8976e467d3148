import * as vscode from 'vscode';

/**
 * The page of one of the extension's webviews: the shared stylesheet and one script from
 * client/media, nothing else allowed (Content-Security-Policy: the script by its nonce), and the
 * user-visible words as JSON on the body.
 */
export function webviewHtml(webview: vscode.Webview, media: vscode.Uri, script: string, strings: Record<string, string>): string {
  const nonce = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'view.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, script));
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${css}">
<title>${escapeHtml(strings.title ?? '')}</title>
</head>
<body data-strings="${escapeHtml(JSON.stringify(strings))}">
<div id="app"></div>
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Bytes as base64, with what both Node and browsers have. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The desktop entry (package.json `main`): the language server runs as a Node process. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activate as activateWith, XxgkApi } from './extension';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<XxgkApi> {
  return activateWith(context, (ctx, clientOptions) => {
    const module = ctx.asAbsolutePath(path.join('server', 'out', 'server.js'));
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    return new LanguageClient('xxgk', vscode.l10n.t('XXGK Report language server'), serverOptions, clientOptions);
  });
}

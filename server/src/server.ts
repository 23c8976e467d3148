#!/usr/bin/env node
/**
 * The language server: `node server/out/server.js --stdio` (also --node-ipc, --socket=<port>),
 * for VS Code and any other LSP client.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { setRuleDocs } from './lsp/convert';
import { startServer } from './lsp/server';
import { findConfig, loadConfig } from './node/config';

/** The extension's (or checkout's) root: the folder above the running code with our package.json. */
function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'docs', 'rules'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, '..', '..');
    dir = parent;
  }
}

setRuleDocs(pathToFileURL(path.join(packageRoot(), 'docs', 'rules')).href);
startServer(createConnection(ProposedFeatures.all), { find: findConfig, load: loadConfig });

#!/usr/bin/env node
/**
 * The language server: `node server/out/server.js --stdio` (also --node-ipc, --socket=<port>),
 * for VS Code and any other LSP client.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { findConfig, loadConfig } from './node/config';

startServer(createConnection(ProposedFeatures.all), { find: findConfig, load: loadConfig });

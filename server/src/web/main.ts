/** The web worker entry of the language server (package.json `browser` → client/out/browser.js starts it). */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startWebServer } from './server';

// The worker's global scope (the project compiles without the DOM and WebWorker libraries).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startWebServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)));

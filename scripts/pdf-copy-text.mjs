#!/usr/bin/env node
// The text a PDF viewer built on PDF.js (Firefox) copies from a PDF: its text items in order, a line
// break where an item ends a line. Used to make test fixtures of text pasted from a PDF.
//
// Usage: node scripts/pdf-copy-text.mjs IN.pdf OUT.txt
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/pdf-copy-text.mjs IN.pdf OUT.txt');
  process.exit(2);
}
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(input)) }).promise;
let text = '';
for (let p = 1; p <= doc.numPages; p++) {
  const content = await (await doc.getPage(p)).getTextContent();
  for (const item of content.items) text += item.str + (item.hasEOL ? '\n' : '');
  text += '\n';
}
writeFileSync(output, text);

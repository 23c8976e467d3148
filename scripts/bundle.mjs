// Bundles the shipped entry points with esbuild: the CLI, the language server and the VS Code client.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'server/src/cli.ts', out: 'server/out/cli.js' },
  { in: 'server/src/node/worker.ts', out: 'server/out/worker.js' },
  { in: 'server/src/shared/pdf-worker.ts', out: 'server/out/pdf-worker.js' },
  { in: 'server/src/server.ts', out: 'server/out/server.js' },
  { in: 'client/src/extension.ts', out: 'client/out/extension.js' },
].filter((e) => existsSync(e.in));

await Promise.all(entries.map((e) => build({
  entryPoints: [e.in],
  outfile: e.out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['vscode'],
  // ESM dependencies read import.meta.url, which CommonJS bundles lack.
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
  logLevel: 'warning',
})));

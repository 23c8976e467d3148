// Bundles the shipped entry points with esbuild: the CLI, the language server and the VS Code client
// for Node, and the web extension (client and language server) for browsers. The browser bundles
// must not use Node: any import of a Node built-in fails the build.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';

const nodeEntries = [
  { in: 'server/src/cli.ts', out: 'server/out/cli.js' },
  { in: 'server/src/node/worker.ts', out: 'server/out/worker.js' },
  { in: 'server/src/shared/pdf-worker.ts', out: 'server/out/pdf-worker.js' },
  { in: 'server/src/server.ts', out: 'server/out/server.js' },
  { in: 'client/src/main-node.ts', out: 'client/out/extension.js' },
].filter((e) => existsSync(e.in));

const browserEntries = [
  { in: 'client/src/main-browser.ts', out: 'client/out/browser.js', format: 'cjs' },
  { in: 'server/src/web/main.ts', out: 'server/out/web-server.js', format: 'iife' },
];

const BUILTINS = new Set(builtinModules);

/** Fails the build on `node:x` or a bare built-in name, wherever it is imported (a dependency's too). */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.replace(/^node:/, '').split('/')[0];
      if (!args.path.startsWith('node:') && !BUILTINS.has(name)) return undefined;
      return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer} in a browser bundle` }] };
    });
  },
};

const common = { bundle: true, sourcemap: true, external: ['vscode'], logLevel: 'warning' };

await Promise.all([
  ...nodeEntries.map((e) =>
    build({
      ...common,
      entryPoints: [e.in],
      outfile: e.out,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // ESM dependencies read import.meta.url, which CommonJS bundles lack.
      banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__importMetaUrl' },
    }),
  ),
  ...browserEntries.map((e) =>
    build({
      ...common,
      entryPoints: [e.in],
      outfile: e.out,
      platform: 'browser',
      format: e.format,
      target: 'es2022',
      plugins: [noNodeBuiltins],
    }),
  ),
]);

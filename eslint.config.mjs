// ESLint (flat config): the recommended rules of ESLint and typescript-eslint on every TypeScript and
// JavaScript source; `npm run lint` runs it with `prettier --check` (layout is Prettier's, not ESLint's).
// Type-aware rules (recommendedTypeChecked) are left out: they took about 56 s and 1 GB here against
// about 13 s for these, too slow to run on every `npm test` on a shared 2-core machine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node's globals as the running Node has them, for the scripts (no extra `globals` dependency). */
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));
/** What the webview scripts use of the browser, and the function VS Code gives a webview. */
const webviewGlobals = { window: 'readonly', document: 'readonly', CSS: 'readonly', acquireVsCodeApi: 'readonly' };

export default tseslint.config(
  { ignores: ['out/', 'client/out/', 'server/out/', 'test/fixtures/', '.cache/', '.vscode-test/', 'test-results/', '*.vsix'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `const { file: _file, ...kept } = result` drops a property: the rest is what is used.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Chinese text in templates (test pages) uses the ideographic space U+3000 on purpose.
      'no-irregular-whitespace': ['error', { skipTemplates: true }],
      // pdf.ts references the worker's module declaration so that the test projects, which reach the
      // reader only through imports, see it too.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always' }],
    },
  },
  {
    // Checking for control characters (binary input, names in a ZIP) means writing them in a pattern.
    files: ['server/src/core/rules/input-encoding.ts', 'server/src/core/read/docx-zip.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  { files: ['**/*.mjs', 'scripts/**/*.js', 'test/**/*.js'], languageOptions: { globals: nodeGlobals } },
  {
    // CommonJS (package.json has no "type"): the CLI's launcher loads the built CLI with require; the web
    // suite is loaded by the extension host's test runner.
    files: ['bin/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The UI test's page.evaluate callbacks run in the browser page.
    files: ['test/e2e/*.mjs'],
    languageOptions: { globals: { ...nodeGlobals, document: 'readonly', NodeFilter: 'readonly', getComputedStyle: 'readonly' } },
  },
  { files: ['client/media/*.js'], languageOptions: { sourceType: 'script', globals: webviewGlobals } },
);

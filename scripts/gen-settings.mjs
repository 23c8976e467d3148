#!/usr/bin/env node
// Generates what must follow the rule registry (server/src/core/rules/index.ts), so it cannot drift:
//   - package.json  contributes.configuration (the xxgk.* settings, one xxgk.rules property per rule)
//   - package.nls.json / package.nls.zh-cn.json  the settings' texts (keys starting with "config.")
//   - docs/rules/<code>.md and docs/rules/README.md  the rule pages that diagnostics link to
// Reads the compiled registry from out/ (run `tsc -p .` first). With --check it writes nothing and
// exits 1 when a generated file is stale (the manifest test runs it that way).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { RULES } = require(path.join(root, 'out/server/src/core/rules/index.js'));
const { DEFAULT_MAX_FILE_SIZE } = require(path.join(root, 'out/server/src/core/analyze.js'));
const check = process.argv.includes('--check');

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const { SEVERITY_WORDS } = require(path.join(root, 'out/server/src/shared/severity-words.js'));
// The CLI's severity words, so the settings and the command line speak one vocabulary.
const SEVERITY_NAMES = {
  en: { ...Object.fromEntries(Object.entries(SEVERITY_WORDS).map(([k, v]) => [k, v.en])), off: 'off' },
  zh: { ...Object.fromEntries(Object.entries(SEVERITY_WORDS).map(([k, v]) => [k, v['zh-CN']])), off: '关闭' },
};

// ------------------------------------------------------------------ settings texts (en, zh-cn)
const texts = {
  'config.title': ['XXGK Report (disclosure annual reports)', '政府信息公开年度报告检查'],
  'config.run': ['When to check a report: as you type, or when the file is saved.', '何时检查报告：输入时，或保存文件时。'],
  'config.run.onType': ['Check while typing (after `#xxgk.debounceMs#` of quiet).', '输入时检查（停止输入 `#xxgk.debounceMs#` 毫秒后）。'],
  'config.run.onSave': ['Check when the file is opened and saved.', '打开和保存文件时检查。'],
  'config.detectByFirstLine': [
    'Open a plain-text file (e.g. any `.txt`) as a report when its first non-blank line is a report title (…政府信息公开工作年度报告).',
    '首个非空行是年报标题（……政府信息公开工作年度报告）的纯文本文件（如任意 `.txt` 文件）按年报打开并检查。',
  ],
  'config.debounceMs': ['Milliseconds to wait after the last keystroke before checking.', '最后一次输入后等待多少毫秒再检查。'],
  'config.blankAsZero': [
    'Count blank table cells as 0 in the sums (勾稽关系). When off, sums with blank cells are not checked.',
    '核对勾稽关系时把空白单元格按0计算；关闭时，含空白单元格的合计不核对。',
  ],
  'config.formatVersion': [
    'Which national table format reports must use. `auto`: 2019 format for report years 2019–2020, 2021 format from 2021.',
    '报告应使用的国家统一表格格式。`auto`：2019、2020年度用2019年格式，2021年度起用2021年格式。',
  ],
  'config.formatVersion.auto': ['Decide by the report year.', '按报告年度判断。'],
  'config.formatVersion.2019': ['The 2019 format (国办公开办函〔2019〕60号).', '2019年格式（国办公开办函〔2019〕60号）。'],
  'config.formatVersion.2021': ['The 2021 format (国办公开办函〔2021〕30号).', '2021年格式（国办公开办函〔2021〕30号）。'],
  'config.rules': [
    'Severity per rule, or `off`. A `.xxgk-lint.json` in the workspace overrides these per rule.',
    '各规则的级别，或 `off` 关闭。工作区中的 `.xxgk-lint.json` 按规则覆盖此处设置。',
  ],
  'config.maxFileSize': [
    'Files with more characters than this are not checked; they get one notice instead.',
    '字符数超过此值的文件不做检查，只给出一条提示。',
  ],
  'config.trace.server': [
    'Traces the communication between VS Code and the language server (Output panel).',
    '在“输出”面板中记录 VS Code 与语言服务器之间的通信。',
  ],
};
for (const s of SEVERITIES) texts[`config.severity.${s}`] = [SEVERITY_NAMES.en[s], SEVERITY_NAMES.zh[s]];
for (const rule of RULES) {
  const d = rule.defaultSeverity;
  texts[`config.rules.${rule.code}`] = [
    `${rule.description.en} (default: ${SEVERITY_NAMES.en[d]})`,
    `${rule.description['zh-CN']}（默认：${SEVERITY_NAMES.zh[d]}）`,
  ];
}

// ------------------------------------------------------------------ contributes.configuration
const ruleProperties = Object.fromEntries(
  RULES.map((rule) => [
    rule.code,
    {
      type: 'string',
      enum: SEVERITIES,
      enumDescriptions: SEVERITIES.map((s) => `%config.severity.${s}%`),
      description: `%config.rules.${rule.code}%`,
    },
  ]),
);

const configuration = {
  title: '%config.title%',
  properties: {
    'xxgk.run': {
      type: 'string',
      enum: ['onType', 'onSave'],
      enumDescriptions: ['%config.run.onType%', '%config.run.onSave%'],
      default: 'onType',
      scope: 'resource',
      description: '%config.run%',
    },
    'xxgk.detectByFirstLine': { type: 'boolean', default: true, scope: 'resource', markdownDescription: '%config.detectByFirstLine%' },
    'xxgk.debounceMs': { type: 'number', default: 200, minimum: 0, maximum: 10000, scope: 'resource', description: '%config.debounceMs%' },
    'xxgk.blankAsZero': { type: 'boolean', default: true, scope: 'resource', description: '%config.blankAsZero%' },
    'xxgk.formatVersion': {
      type: 'string',
      enum: ['auto', '2019', '2021'],
      enumDescriptions: ['%config.formatVersion.auto%', '%config.formatVersion.2019%', '%config.formatVersion.2021%'],
      default: 'auto',
      scope: 'resource',
      markdownDescription: '%config.formatVersion%',
    },
    'xxgk.rules': {
      type: 'object',
      default: {},
      additionalProperties: false,
      scope: 'resource',
      markdownDescription: '%config.rules%',
      properties: ruleProperties,
    },
    'xxgk.maxFileSize': { type: 'number', default: DEFAULT_MAX_FILE_SIZE, minimum: 1, scope: 'resource', description: '%config.maxFileSize%' },
    'xxgk.trace.server': { type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off', scope: 'window', description: '%config.trace.server%' },
  },
};

// ------------------------------------------------------------------ rule pages
const fixable = (rule) => (rule.fixKind ? `是 / yes (\`${rule.fixKind}\`)` : '否 / no');
const fence = (text) => `\`\`\`text\n${text}\n\`\`\``;

/** The rule's example (verified by test/unit/rule-examples.test.ts): the flagged text and its fix. */
function exampleSection(example) {
  if (!example) return '';
  const fix = example.fixed === undefined ? '' : `\n修复后 / After the fix:\n\n${fence(example.fixed)}\n`;
  return `\n## 例 / Example\n\n检查标出 / Flagged:\n\n${fence(example.flagged)}\n${fix}`;
}

function rulePage(rule) {
  const messages = Object.entries(rule.messages)
    .map(([id, m]) => `| \`${id}\` | ${m['zh-CN'].replace(/\|/g, '\\|')} | ${m.en.replace(/\|/g, '\\|')} |`)
    .join('\n');
  return `<!-- Generated by scripts/gen-settings.mjs from server/src/core/rules/${rule.code}.ts; do not edit. -->
# ${rule.code}

${rule.description['zh-CN']}

*${rule.description.en}*

| 默认级别 / default severity | 可修复 / fixable | 设置 / setting | 配置文件 / \`.xxgk-lint.json\` |
|---|---|---|---|
| ${rule.defaultSeverity} | ${fixable(rule)} | \`"xxgk.rules": { "${rule.code}": "off" }\` | \`{ "rules": { "${rule.code}": "off" } }\` |

## 说明

${rule.docs['zh-CN']}

## Description

${rule.docs.en}
${exampleSection(rule.example)}
## 消息 / Messages

| id | 中文 | English |
|---|---|---|
${messages}
`;
}

function ruleIndex() {
  const rows = RULES.map(
    (r) => `| [${r.code}](${r.code}.md) | ${r.defaultSeverity} | ${r.fixKind ? `\`${r.fixKind}\`` : ''} | ${r.description['zh-CN']} | ${r.description.en} |`,
  ).join('\n');
  return `<!-- Generated by scripts/gen-settings.mjs from server/src/core/rules/index.ts; do not edit. -->
# 规则 / Rules

各规则所依据的年报要求见 [domain.md](../domain.md)。 / What the rules rest on: [domain.md](../domain.md).

| code | 默认级别 / default | 修复 / fix | 说明 | description |
|---|---|---|---|---|
${rows}
`;
}

// ------------------------------------------------------------------ write or check
const outputs = new Map();
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

const pkg = readJson('package.json');
pkg.contributes = { ...pkg.contributes, configuration };
outputs.set('package.json', json(pkg));

for (const [file, index] of [
  ['package.nls.json', 0],
  ['package.nls.zh-cn.json', 1],
]) {
  const existing = fs.existsSync(path.join(root, file)) ? readJson(file) : {};
  const kept = Object.fromEntries(Object.entries(existing).filter(([k]) => !k.startsWith('config.')));
  const generated = Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v[index]]));
  outputs.set(file, json({ ...kept, ...generated }));
}

for (const rule of RULES) outputs.set(`docs/rules/${rule.code}.md`, rulePage(rule));
outputs.set('docs/rules/README.md', ruleIndex());

const stale = [];
for (const [file, content] of outputs) {
  const abs = path.join(root, file);
  const current = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
  if (current === content) continue;
  stale.push(file);
  if (!check) {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}
const docsDir = path.join(root, 'docs', 'rules');
for (const f of fs.existsSync(docsDir) ? fs.readdirSync(docsDir) : []) {
  const file = `docs/rules/${f}`;
  if (outputs.has(file)) continue;
  stale.push(`${file} (no such rule)`);
  if (!check) fs.rmSync(path.join(root, file));
}

if (check && stale.length) {
  process.stderr.write(`gen-settings: stale, run \`npm run gen\`:\n${stale.map((s) => `  ${s}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(stale.length ? `gen-settings: wrote ${stale.join(', ')}\n` : 'gen-settings: up to date\n');

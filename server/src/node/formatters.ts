import type * as sarif from 'sarif';
import type { Finding } from '../core/analyze';
import type { AppliedEdit } from '../core/fix';
import type { FormatVersion, Locale } from '../core/model';
import { RULES } from '../core/rules';
import type { TableView } from '../core/tables-view';
import type { ReportDigest } from '../core/report-digest';
import type { CacheKey } from './cache';
import { SEVERITY_WORDS } from '../shared/severity-words';
import { cliText } from './messages';

export interface FileResult {
  file: string;
  year: number | null;
  formatVersion: FormatVersion | null;
  findings: Finding[];
  /** Set when the file could not be checked at all. */
  error?: string;
  /** Read, but not checked (too large, unreadable PDF or DOCX): never a clean report. */
  unchecked?: boolean;
  /** The edits --fix wrote into the file (or --fix-dry-run would write). */
  fixedEdits?: AppliedEdit[];
  /** Why --fix wrote some or all fixes not (a Word file's cell it cannot change safely, a lock file). */
  fixRefused?: string;
  /** What the workspace checks (carry-over, copied-text) need from this report. */
  digest?: ReportDigest;
  /** With --format html: the recognized tables, for drawing. */
  tables?: TableView[];
  /** With --cache: what the result was made from; never printed. */
  cacheKey?: CacheKey;
}

export type OutputFormat = 'text' | 'json' | 'sarif' | 'html';

/** One file's share of the output, made where the file was checked (possibly a worker thread). */
export interface RenderedFile {
  file: string;
  error?: string;
  /** Read, but not checked: never a clean report. */
  unchecked?: boolean;
  counts: { error: number; warning: number; info: number };
  /** Text lines, a JSON array entry, or SARIF results, ready to be joined. */
  fragment: string;
}

export function renderFile(r: FileResult, format: OutputFormat, locale: Locale = 'zh-CN'): RenderedFile {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of r.findings) {
    if (f.severity === 'error') counts.error++;
    else if (f.severity === 'warning') counts.warning++;
    else counts.info++;
  }
  const base = { file: r.file, counts, ...(r.error ? { error: r.error } : {}), ...(r.unchecked ? { unchecked: true } : {}) };
  if (r.error) return { ...base, fragment: '' };
  // One line per file: readable by line-oriented tools, a third of the size of indented JSON.
  if (format === 'json') return { ...base, fragment: JSON.stringify(jsonEntry(r)) };
  if (format === 'sarif')
    return {
      ...base,
      fragment: sarifResults(r)
        .map((x) => indent(JSON.stringify(x, null, 2), 8))
        .join(',\n'),
    };
  // `path:line:col: 警告 row-total：message`: the rule code stays an identifier, like ESLint's rule ids.
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return {
    ...base,
    fragment: r.findings.map((f) => `${r.file}:${where(f, locale)}: ${SEVERITY_WORDS[f.severity][locale]} ${f.code}${colon}${f.message}`).join('\n'),
  };
}

/**
 * Where a finding is, as a reader of the file finds it: line and column (1-based) in text and web
 * pages; the page in a PDF; the table cell or paragraph in a Word file.
 */
export function where(f: Pick<Finding, 'range' | 'location'>, locale: Locale): string {
  const at = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const l = f.location;
  if (!l) return at;
  const zh = locale === 'zh-CN';
  if (l.page !== undefined) return zh ? `第${l.page}页` : `page ${l.page}`;
  if (l.table !== undefined) return zh ? `表格${l.table}第${l.row}行第${l.column}列` : `table ${l.table} row ${l.row} column ${l.column}`;
  if (l.paragraph !== undefined) return zh ? `第${l.paragraph}段` : `paragraph ${l.paragraph}`;
  return at;
}

const indent = (s: string, n = 2) => s.replace(/^/gm, ' '.repeat(n));

/** An entry of `--format json`, the contract in docs/cli-output.schema.json. */
function jsonEntry(r: FileResult) {
  return {
    file: r.file,
    year: r.year,
    formatVersion: r.formatVersion,
    diagnostics: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: f.range,
      ...(f.location ? { location: f.location } : {}),
      ...(f.related ? { relatedInformation: f.related } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
      ...(f.suggestions ? { suggestions: f.suggestions } : {}),
    })),
    ...(r.fixedEdits ? { fixes: r.fixedEdits } : {}),
  };
}

const LEVEL: Record<Finding['severity'], sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const region = (r: Finding['range']): sarif.Region => ({
  startLine: r.start.line + 1,
  startColumn: r.start.character + 1,
  endLine: r.end.line + 1,
  endColumn: r.end.character + 1,
});

function sarifResults(r: FileResult): sarif.Result[] {
  const uri = r.file.replace(/\\/g, '/');
  return r.findings.map((f): sarif.Result => ({
    ruleId: f.code,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(f.range) } }],
    ...(f.location ? { properties: { sourceLocation: f.location } } : {}),
    ...(f.related
      ? {
          relatedLocations: f.related.map((rel, id) => ({
            id,
            message: { text: rel.message },
            physicalLocation: { artifactLocation: { uri }, region: region(rel.range) },
          })),
        }
      : {}),
    ...(f.fix
      ? {
          fixes: [
            {
              description: { text: f.fix.title },
              artifactChanges: [
                {
                  artifactLocation: { uri },
                  replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                },
              ],
            },
          ],
        }
      : {}),
  }));
}

/** JSON array items, a line each, with the commas between them. */
function* commaLines(items: string[]): Generator<string> {
  for (let i = 0; i < items.length; i++) yield `${items[i]}${i + 1 < items.length ? ',' : ''}\n`;
}

/** The whole output as pieces to write one after another (a large run is never one huge string). */
export function* assemble(files: RenderedFile[], format: OutputFormat, locale: Locale, version: string): Generator<string> {
  const checked = files.filter((f) => !f.error);
  if (format === 'json') {
    if (!checked.length) return yield '[]\n';
    yield '[\n';
    yield* commaLines(checked.map((f) => f.fragment));
    return yield ']\n';
  }
  if (format === 'sarif') {
    const log: sarif.Log = {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        {
          tool: {
            driver: {
              name: 'xxgk-lint',
              version,
              rules: RULES.map((r) => ({
                id: r.code,
                shortDescription: { text: r.description[locale] },
                fullDescription: { text: r.docs[locale] },
                defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              })),
            },
          },
          columnKind: 'utf16CodeUnits',
          results: [],
        },
      ],
    };
    const fragments = checked.map((f) => f.fragment).filter(Boolean);
    const head = JSON.stringify(log, null, 2);
    if (!fragments.length) return yield `${head}\n`;
    const at = head.indexOf('"results": []') + '"results": ['.length;
    yield `${head.slice(0, at)}\n`;
    yield* commaLines(fragments);
    return yield `      ${head.slice(at)}\n`;
  }
  let e = 0;
  let w = 0;
  let i = 0;
  for (const f of checked) {
    e += f.counts.error;
    w += f.counts.warning;
    i += f.counts.info;
    if (f.fragment) yield `${f.fragment}\n`;
  }
  yield `${cliText('totals', locale, { files: checked.length, problems: e + w + i, errors: e, warnings: w, infos: i })}\n`;
}

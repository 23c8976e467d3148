import type * as sarif from 'sarif';
import type { Finding } from '../core/analyze';
import type { FormatVersion, Locale } from '../core/model';
import { RULES } from '../core/rules';

export interface FileResult {
  file: string;
  year: number | null;
  formatVersion: FormatVersion | null;
  findings: Finding[];
  /** Set when the file could not be checked at all. */
  error?: string;
}

/** The contract of `--format json` (shared/spec/cli-output.schema.json). */
export function toJson(results: FileResult[]): string {
  const out = results.filter((r) => !r.error).map((r) => ({
    file: r.file,
    year: r.year,
    formatVersion: r.formatVersion,
    diagnostics: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: f.range,
      ...(f.related ? { relatedInformation: f.related } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
    })),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

const SUMMARY = {
  'zh-CN': (n: number, e: number, w: number, i: number, files: number) => `共 ${files} 个文件，${n} 个问题（${e} 个错误，${w} 个警告，${i} 个提示）`,
  en: (n: number, e: number, w: number, i: number, files: number) => `${n} problem(s) (${e} error(s), ${w} warning(s), ${i} info) in ${files} file(s)`,
};

/** `path:line:col: severity code: message`, 1-based like compilers print, then a summary. */
export function toText(results: FileResult[], locale: Locale): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    if (r.error) continue;
    for (const f of r.findings) {
      lines.push(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code}: ${f.message}`);
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  const checked = results.filter((r) => !r.error).length;
  lines.push(SUMMARY[locale](errors + warnings + infos, errors, warnings, infos, checked));
  return `${lines.join('\n')}\n`;
}

const LEVEL: Record<Finding['severity'], sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const region = (r: Finding['range']): sarif.Region => ({
  startLine: r.start.line + 1,
  startColumn: r.start.character + 1,
  endLine: r.end.line + 1,
  endColumn: r.end.character + 1,
});

/** SARIF 2.1.0; columns are UTF-16 code units, SARIF's default. */
export function toSarif(results: FileResult[], locale: Locale, version: string): string {
  const log: sarif.Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
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
      results: results.filter((r) => !r.error).flatMap((r) => r.findings.map((f): sarif.Result => ({
        ruleId: f.code,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.file.replace(/\\/g, '/') }, region: region(f.range) } }],
        ...(f.related ? {
          relatedLocations: f.related.map((rel, id) => ({
            id,
            message: { text: rel.message },
            physicalLocation: { artifactLocation: { uri: r.file.replace(/\\/g, '/') }, region: region(rel.range) },
          })),
        } : {}),
        ...(f.fix ? {
          fixes: [{
            description: { text: f.fix.title },
            artifactChanges: [{
              artifactLocation: { uri: r.file.replace(/\\/g, '/') },
              replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
            }],
          }],
        } : {}),
      }))),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

import type { Locale } from '../core/model';
import type { ReportDigest } from '../core/report-digest';
import type { SourceAnalysis } from '../core/source';
import { SummaryRow, summaryRows, workspaceFindings } from '../core/workspace';

/** What the desktop and the web language servers share about reports: no Node API here. */

/** A report not understood still counts when it says it is one near its start. */
const REPORT_TITLE = /政府信息公开(?:工作)?年度?报告/;
const TITLE_SEARCH_CHARS = 2000;

/** Whether a file is a report: understood as one, or saying so near its start. */
export function isReport(analysis: SourceAnalysis): boolean {
  if (!analysis.findings.some((f) => f.code === 'report-unrecognized')) return true;
  return REPORT_TITLE.test((analysis.view?.doc ?? analysis.doc).text.slice(0, TITLE_SEARCH_CHARS));
}

/** The file a PDF or Word view (`xxgk-view:…?<file URI>`) shows; any other URI is itself. */
export function sourceOfView(uri: string): string {
  if (!uri.startsWith('xxgk-view:')) return uri;
  const query = uri.indexOf('?');
  return query < 0 ? uri : decodeURIComponent(uri.slice(query + 1));
}

/**
 * One row per report in the workspace folders, open documents as edited (a PDF or Word view stands
 * for its file; web pages without a report are left out), with the cross-file findings counted.
 */
export async function folderSummary(
  open: Iterable<{ analysis: SourceAnalysis; digest: ReportDigest }>,
  folders: string[],
  reportsIn: (folder: string) => Promise<ReportDigest[]>,
  locale: Locale,
): Promise<SummaryRow[]> {
  const edited = [...open].filter((c) => isReport(c.analysis)).map((c) => ({ ...c.digest, uri: sourceOfView(c.digest.uri) }));
  const editedUris = new Set(edited.map((d) => d.uri));
  const saved = (await Promise.all(folders.map(reportsIn))).flat().filter((d) => !editedUris.has(d.uri));
  const digests = [...edited, ...saved].sort((a, b) => a.uri.localeCompare(b.uri));
  return summaryRows(digests, workspaceFindings(digests, { locale }));
}

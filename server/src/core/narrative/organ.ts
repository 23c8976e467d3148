import type { Range, Report } from '../model';
import { isBlank, LineIndex } from '../text';

/** Names of issuing bodies: the one in the title, the one in the 落款, and when two are the same. */

const ORGAN_SUFFIX = /(?:局|委|委员会|办|办公室|办公厅|厅|部|院|会|中心|政府|管委会|公司|所|署|府|处|馆|队|站|社|团|室|组|县|区|市|镇|乡|街道|旗)$/;
const BRACKETS: Record<string, string> = { '（': '(', '）': ')', '【': '(', '】': ')', '〔': '(', '〕': ')', '［': '(', '］': ')' };

/** Folds an organ name for comparison: NFKC, no spaces, one bracket style, no leading 中共. */
export function normalizeOrgan(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/^[#\s]+/, '')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[（）【】〔〕［］]/g, (c) => BRACKETS[c] ?? c)
    .replace(/[“”"'‘’《》<>]/g, '');
}

/** The key that matches the same organ across years (spec: by the title's issuing body, normalized). */
export function organKey(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const key = normalizeOrgan(name);
  return key.length >= 2 ? key : undefined;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * True when two names can be the same body: equal, one inside the other (招商合作局 in
 * 中国(云南)自贸试验区昆明片区招商合作局; 投资促进局办公室), or one an abbreviation of the other
 * (工信局 for 工业和信息化局, 管委会 for 管理委员会): its characters in order, ending alike.
 */
export function sameOrgan(a: string, b: string): boolean {
  const x = normalizeOrgan(a);
  const y = normalizeOrgan(b);
  if (!x || !y) return true;
  // 示例局办公室 signs for 温州市示例局: compare without the office too.
  const office = /(?:党政)?(?:办公室|办公厅|综合科|综合处)$/;
  if (office.test(x) || office.test(y)) {
    const [x2, y2] = [x.replace(office, ''), y.replace(office, '')];
    if (x2 && y2 && (x2 !== x || y2 !== y) && similar(x2, y2)) return true;
  }
  return similar(x, y);
}

function similar(x: string, y: string): boolean {
  if (x === y || x.includes(y) || y.includes(x)) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length < 2) return true;
  const strip = (s: string) => s.replace(/\([^)]*\)/g, '');
  if (strip(long).includes(strip(short)) || strip(short).includes(strip(long))) return true;
  return short[short.length - 1] === long[long.length - 1] && isSubsequence(short, long);
}

/** A line that can be an organ name: short, no sentence punctuation or digits, a body's ending. */
export function looksLikeOrgan(text: string): boolean {
  const t = normalizeOrgan(text);
  return t.length >= 2 && t.length <= 40 && !/[。，,；;：:！!？?\d]/.test(t) && ORGAN_SUFFIX.test(t);
}

/** The 落款 body: the non-blank line just above the signature date, when it reads as an organ name. */
export function signatureOrgan(report: Report, doc: LineIndex): { text: string; range: Range; line: number } | undefined {
  const sig = report.signature;
  if (!sig) return undefined;
  const firstBody = report.sections.length ? report.sections[report.sections.length - 1].heading.line : 0;
  for (let i = sig.range.start.line - 1, seen = 0; i > firstBody && seen < 1; i--) {
    const line = doc.lines[i];
    if (isBlank(line)) continue;
    seen++;
    if (!looksLikeOrgan(line)) return undefined;
    const text = line.trim();
    const start = line.indexOf(text);
    return { text, range: doc.range(i, start, start + text.length), line: i };
  }
  return undefined;
}

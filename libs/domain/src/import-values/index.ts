// Loose readers for values typed into spreadsheets (imports): dates in the shapes offices use,
// Excel date serials, 是/否, levels written as 三级 or 3, region cells like 南关区（220102）.
// Pure TypeScript: no framework imports. Each reader returns null for "cannot read this";
// blank input is reported separately by isBlankCell so that "missing" and "wrong" differ.
import { isValidIsoDate, type IsoDate } from '../dates';
import { restoreNeutralized } from '../spreadsheet-cells';

/** True for undefined, null, '' and whitespace-only text. */
export function isBlankCell(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The cell as trimmed text ('' when blank); numbers without a trailing '.0'. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  // a quote our own exports put in front of formula-like text goes again (spreadsheet-cells)
  if (typeof value === 'string') return restoreNeutralized(value.trim()).trim();
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    // exceljs: rich text, hyperlinks, formulas with results
    const record = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(record.richText)) return record.richText.map((part) => part.text).join('').trim();
    if (record.result !== undefined) return cellText(record.result);
    if (record.text !== undefined) return cellText(record.text);
  }
  return String(value).trim();
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** An Excel (1900 system) date serial → 'YYYY-MM-DD'; null outside 1900–9999 or not a whole day count. */
export function excelSerialToIsoDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial + 1e-9);
  // Serial 60 is Excel's phantom 1900-02-29; serials below it are one day off from the 1899-12-30 epoch.
  if (days === 60) return null;
  const adjusted = days < 60 ? days + 1 : days;
  return new Date(EXCEL_EPOCH_MS + adjusted * MS_PER_DAY).toISOString().slice(0, 10);
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/, // 2021-11-30, 2021/11/30, 2021.11.30
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/, // 2021年11月30日
  /^(\d{4})(\d{2})(\d{2})$/, // 20211130
];

/**
 * A date cell as 'YYYY-MM-DD': Date objects (exceljs gives UTC midnight), Excel serials,
 * and text in the forms 2021-11-30, 2021/11/30, 2021.11.30, 2021年11月30日, 20211130, with an
 * optional time part after a space or 'T'. Null when it is not a real calendar date.
 */
export function parseLooseDate(value: unknown): IsoDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString().slice(0, 10);
    return isValidIsoDate(iso) ? iso : null;
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 19000101 && value <= 99991231) return parseLooseDate(String(value));
    return excelSerialToIsoDate(value);
  }
  if (typeof value !== 'string') {
    const text = cellText(value);
    return text ? parseLooseDate(text) : null;
  }
  const text = value.trim().replace(/[Tt ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '').trim();
  if (!text) return null;
  if (/^\d{5}(\.\d+)?$/.test(text)) return excelSerialToIsoDate(Number(text));
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const iso = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
    return isValidIsoDate(iso) ? iso : null;
  }
  return null;
}

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√', '对']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '×', '不是']);

/** 是/否 (also Y/N, true/false, 1/0); null when it is neither. */
export function parseYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = cellText(value).toUpperCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** A small whole number written as 3, '3', '三', '三级', '3级', '第三类'; null otherwise. */
export function parseSmallInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const text = cellText(value).replace(/^第/, '').replace(/[级类档]$/, '');
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1 && CHINESE_DIGITS[text]) return CHINESE_DIGITS[text];
  return null;
}

/** A number cell ('1,200', ' 35.5 ' or a number); null when not a finite number. */
export function parseLooseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = cellText(value).replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** A code read from a cell like '220102', '南关区（220102）' or '南关区(220102)'; null when none. */
export function parseCodeCell(value: unknown, digits = '6,9'): string | null {
  const text = cellText(value);
  const bracketed = /[（(]\s*([0-9A-Za-z]+)\s*[）)]\s*$/.exec(text);
  if (bracketed) return bracketed[1].toUpperCase();
  const bare = new RegExp(`^\\s*(\\d{${digits}})\\b`).exec(text);
  return bare ? bare[1] : null;
}

/** A labelled choice: the cell matches a label or the code itself (case-insensitive). */
export function parseLabelled<T extends string>(value: unknown, labels: Readonly<Record<T, string>>): T | null {
  const text = cellText(value);
  if (!text) return null;
  const code = parseCodeCell(text, '1,9');
  for (const [key, label] of Object.entries(labels) as [T, string][]) {
    if (text === label || text.toUpperCase() === key || code === key || text.startsWith(`${label}（`) || text.startsWith(`${label}(`)) return key;
  }
  return null;
}

/** 'label（code）', the form dropdowns and exports write so that both people and the reader understand it. */
export function labelWithCode(label: string, code: string): string {
  return `${label}（${code}）`;
}

// The import job as the REST API reports it (api/src/imports, web/src/imports): one shape for both.
export type ImportKind = 'coordinators' | 'enterprises';
export type ImportMode = 'ALL_OR_NOTHING' | 'VALID_ONLY';
export type ImportStatus = 'QUEUED' | 'VALIDATING' | 'VALIDATED' | 'COMMITTING' | 'COMMITTED' | 'FAILED';

export interface ImportJobSummary {
  id: string;
  kind: ImportKind;
  mode: ImportMode | null;
  status: ImportStatus;
  fileName: string;
  fileFormat: 'xlsx' | 'csv';
  fileSize: number;
  username: string;
  /** 上传人 as people know the account: office · display name */
  uploaderName: string;
  rowsParsed: number;
  rowsValidated: number;
  rowsWritten: number;
  counts: { new: number; updated: number; unchanged: number; invalid: number } | null;
  /**
   * Each phase's own progress: rows read (rowsParsed) of the rows the file declares (rowsTotal,
   * null when it declares none, as a CSV); the whole-file checks done (checkStep of checkSteps);
   * rows written (rowsWritten) of counts.new + counts.updated.
   */
  progress: { rowsTotal: number | null; checkStep: number; checkSteps: number };
  /** The dry run's first rows as they will be stored (null before it ends). */
  preview: ImportPreview | null;
  /** What the dry run decided for the user, e.g. which code a region written by name took. */
  notes: string[];
  message: string | null;
  createdAt: string;
  validatedAt: string | null;
  committedAt: string | null;
}

/** Staged rows as they will be stored: column headers and, per row, its number, action and cells. */
export interface ImportPreview {
  columns: string[];
  rows: { row: number; action: 'NEW' | 'UPDATE' | 'UNCHANGED' | null; cells: (string | null)[] }[];
}

/** One refused cell of an import: sheet, row number, column header and the reason in Chinese. */
export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  reason: string;
}

// The user's own file back, with a 错误说明 column on every row that was refused; an xlsx keeps
// the template's header notes and dropdowns (a fresh 代码 sheet of the user's lists), so the
// corrected file is filled in as the template was (issue 14).
import { neutralizeFormula } from '@registry/domain';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { matchHeader, type CodeList, type ImportKind, type SheetSpec } from '../sheets/columns';
import { csvField, type SheetRow } from '../reading/readers';

export const ERROR_COLUMN = '错误说明';
export const CODES_SHEET = '代码';
/** Rows below the header that get the dropdowns, at least (as the template). */
const VALIDATION_ROWS = 2000;

export type CodeLists = Record<CodeList, { title: string; values: string[] }>;

/** The 代码 sheet: one list per column; returns each list's range for a dropdown's formula. */
export function writeCodesSheet(codes: ExcelJS.Worksheet, lists: CodeLists): Map<CodeList, string> {
  const ranges = new Map<CodeList, string>();
  (Object.keys(lists) as CodeList[]).forEach((key, index) => {
    const column = codes.getColumn(index + 1);
    column.width = key === 'region' ? 28 : key === 'category' ? 34 : 16;
    const header = codes.getCell(1, index + 1);
    header.value = lists[key].title;
    header.font = { bold: true };
    lists[key].values.forEach((value, row) => (codes.getCell(row + 2, index + 1).value = value));
    const letter = column.letter;
    ranges.set(key, `'${CODES_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, lists[key].values.length + 1)}`);
  });
  return ranges;
}

/** The header cell's note, as the template writes it. */
export function columnNote(spec: SheetSpec['columns'][number]): string {
  return `${spec.required ? '【必填】' : '【选填】'}${spec.note}`;
}

/** The template's dropdown of a list column (industry codes may be finer than the list: warn only). */
export function listValidation(spec: SheetSpec['columns'][number], formula: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: !spec.required,
    formulae: [formula],
    errorStyle: spec.list === 'industry' ? 'warning' : 'stop',
    showErrorMessage: true,
    errorTitle: spec.header,
    error: `请从下拉列表中选择（见“${CODES_SHEET}”表）`,
  };
}

function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

export async function writeXlsxErrorFile(kind: ImportKind, rows: AsyncIterable<SheetRow>, errors: Map<string, string>, out: Writable, lists?: CodeLists): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | null = null;
  let sheetIndex = 0;
  let spec: string | null = null;
  let errorColumn = 0;
  // the dropdowns of the current sheet, added when it is committed (their range reaches its last row)
  let dropdowns: { column: number; from: number; validation: ExcelJS.DataValidation }[] = [];
  let lastRow = 0;
  const ranges = lists ? new Map<CodeList, string>() : null;
  if (lists) {
    // the same columns as the template's 代码 sheet, which is written last (ranges are known now)
    (Object.keys(lists) as CodeList[]).forEach((key, index) => {
      const letter = columnLetter(index);
      ranges!.set(key, `'${CODES_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, lists[key].values.length + 1)}`);
    });
  }
  const commitSheet = () => {
    if (!sheet) return;
    for (const dropdown of dropdowns) {
      const letter = columnLetter(dropdown.column);
      // the streaming worksheet has them (exceljs' types omit it)
      (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}${dropdown.from}:${letter}${Math.max(lastRow, dropdown.from + VALIDATION_ROWS - 1)}`, dropdown.validation);
    }
    sheet.commit();
    dropdowns = [];
    lastRow = 0;
  };
  let skipping = false;
  for await (const row of rows) {
    if (row.sheetIndex !== sheetIndex) {
      commitSheet();
      sheetIndex = row.sheetIndex;
      spec = null;
      // the uploaded 代码 sheet is replaced by the user's current lists
      skipping = lists !== undefined && row.sheetName === CODES_SHEET;
      sheet = skipping ? null : workbook.addWorksheet(row.sheetName);
    }
    if (skipping || !sheet) continue;
    lastRow = Math.max(lastRow, row.rowNumber);
    const target = sheet!.getRow(row.rowNumber);
    row.values.forEach((value, index) => {
      if (value !== undefined && value !== null) target.getCell(index + 1).value = neutralizeFormula(value) as ExcelJS.CellValue;
    });
    if (!spec) {
      const header = matchHeader(kind, row.values.map((value) => (value == null ? '' : String(value))));
      if (header) {
        spec = header.sheet.name;
        errorColumn = row.values.length + 1;
        const cell = target.getCell(errorColumn);
        cell.value = ERROR_COLUMN;
        cell.font = { bold: true, color: { argb: 'FFC00000' } };
        sheet!.getColumn(errorColumn).width = 60;
        for (const column of header.sheet.columns) {
          const position = header.positions.get(column.key);
          if (position === undefined) continue;
          target.getCell(position + 1).note = columnNote(column);
          if (column.list && ranges?.has(column.list)) {
            dropdowns.push({ column: position, from: row.rowNumber + 1, validation: listValidation(column, ranges.get(column.list)!) });
          }
        }
      }
    } else {
      const message = errors.get(`${spec}:${row.rowNumber}`);
      if (message) {
        const cell = target.getCell(Math.max(errorColumn, row.values.length + 1));
        cell.value = message;
        cell.font = { color: { argb: 'FFC00000' } };
      }
    }
    target.commit();
  }
  commitSheet();
  if (lists) {
    const codes = workbook.addWorksheet(CODES_SHEET);
    writeCodesSheet(codes, lists);
    codes.commit();
  }
  await workbook.commit();
}

export async function writeCsvErrorFile(kind: ImportKind, rows: AsyncIterable<SheetRow>, errors: Map<string, string>, out: Writable): Promise<void> {
  let spec: string | null = null;
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('\ufeff');
  for await (const row of rows) {
    let extra = '';
    if (!spec) {
      const header = matchHeader(kind, row.values.map((value) => (value == null ? '' : String(value))));
      if (header) {
        spec = header.sheet.name;
        extra = ERROR_COLUMN;
      }
    } else extra = errors.get(`${spec}:${row.rowNumber}`) ?? '';
    await write(`${[...row.values, extra].map(csvField).join(',')}\r\n`);
  }
  out.end();
}

// The user's own file back, with a 错误说明 column on every row that was refused.
import { neutralizeFormula } from '@registry/domain';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { matchHeader, type ImportKind } from './columns';
import { csvField, type SheetRow } from './readers';

export const ERROR_COLUMN = '错误说明';

export async function writeXlsxErrorFile(kind: ImportKind, rows: AsyncIterable<SheetRow>, errors: Map<string, string>, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | null = null;
  let sheetIndex = 0;
  let spec: string | null = null;
  let errorColumn = 0;
  for await (const row of rows) {
    if (row.sheetIndex !== sheetIndex) {
      sheet?.commit();
      sheetIndex = row.sheetIndex;
      sheet = workbook.addWorksheet(row.sheetName);
      spec = null;
    }
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
  sheet?.commit();
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

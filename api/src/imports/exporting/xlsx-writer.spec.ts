import ExcelJS from 'exceljs';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { readXlsx, type SheetRow } from '../reading/readers';
import { CellStyle, columnName, XlsxStreamWriter } from './xlsx-writer';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'xlsx-writer-spec-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('names columns A…Z, AA…', () => {
  expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});

it('writes a workbook that exceljs and the import reader read back: sheets, styles, merges, text, numbers', async () => {
  const path = join(dir, 'out.xlsx');
  const out = createWriteStream(path);
  const writer = new XlsxStreamWriter(out);
  await writer.addSheet('协调员', { widths: [6, 20], frozenRows: 2, merges: ['A1:C1'] });
  await writer.addRow(['标题 & <说明>'], CellStyle.TITLE);
  await writer.addRow(['序号', '姓名*', '金额'], [CellStyle.HEADER, CellStyle.REQUIRED_HEADER, CellStyle.HEADER]);
  for (let index = 0; index < 5000; index++) await writer.addRow([index + 1, `张三${index}`, index / 2, null, '2021-11-30']);
  await writer.addRow(['合计', '共 5000 人']);
  await writer.addSheet('证书');
  await writer.addRow(['身份证号', 'x\u0001y']);
  await writer.finish();
  out.end();
  await finished(out);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['协调员', '证书']);
  const sheet = book.getWorksheet('协调员')!;
  expect(sheet.getCell('A1').value).toBe('标题 & <说明>');
  expect(sheet.getCell('A1').font?.bold).toBe(true);
  expect(sheet.getCell('B2').font?.color?.argb).toBe('FFC00000');
  expect(sheet.getCell('C1').isMerged).toBe(true);
  expect(sheet.getCell('B5002').value).toBe('张三4999');
  expect(sheet.getCell('C4').value).toBe(0.5);
  expect(sheet.getColumn(2).width).toBe(20);
  expect(book.getWorksheet('证书')!.getCell('B1').value).toBe('xy');

  const rows: SheetRow[] = [];
  for await (const row of readXlsx(path)) rows.push(row);
  expect(rows).toHaveLength(5004);
  expect(rows[3].values).toEqual([2, '张三1', 0.5, undefined, '2021-11-30']);
});

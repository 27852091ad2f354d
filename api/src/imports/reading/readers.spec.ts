import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectEncoding, readCsv, readXlsx, type SheetRow } from './readers';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'readers-spec-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const all: SheetRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('readXlsx', () => {
  it('reads shared and inline strings, numbers, booleans, dates, rich text and sparse rows of every sheet', async () => {
    for (const useSharedStrings of [true, false]) {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('协调员');
      sheet.addRow(['姓名', '日期', '数字', '布尔', '富文本']);
      sheet.addRow(['张三 & <李四>', new Date(Date.UTC(2021, 10, 30)), 1200.5, true, { richText: [{ text: '吉林' }, { text: '长春', font: { bold: true } }] }]);
      sheet.getCell('B2').numFmt = 'yyyy/m/d';
      sheet.getCell('E4').value = '跳过的行';
      book.addWorksheet('证书').addRow(['身份证号', 22010419850615002]);
      const path = join(dir, `basic-${useSharedStrings}.xlsx`);
      if (useSharedStrings) await book.xlsx.writeFile(path);
      else {
        const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
        for (const source of book.worksheets) {
          const target = writer.addWorksheet(source.name);
          source.eachRow({ includeEmpty: false }, (row, number) => {
            const out = target.getRow(number);
            row.eachCell((cell, column) => {
              out.getCell(column).value = cell.value;
              out.getCell(column).numFmt = cell.numFmt;
            });
            out.commit();
          });
          target.commit();
        }
        await writer.commit();
      }
      const rows = await collect(readXlsx(path));
      expect(rows.map((row) => [row.sheetName, row.rowNumber])).toEqual([['协调员', 1], ['协调员', 2], ['协调员', 4], ['证书', 1]]);
      const [name, date, number, flag, rich] = rows[1].values;
      expect(name).toBe('张三 & <李四>');
      expect(date).toEqual(new Date(Date.UTC(2021, 10, 30)));
      expect(number).toBe(1200.5);
      expect(flag).toBe(true);
      expect(rich).toBe('吉林长春');
      expect(rows[2].values[4]).toBe('跳过的行');
      expect(rows[2].values[0]).toBeUndefined();
    }
  });

  it('keeps Chinese characters intact across inflate chunk boundaries', async () => {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'big.xlsx'), useSharedStrings: false, useStyles: false });
    const sheet = writer.addWorksheet('协调员');
    const names: string[] = [];
    for (let index = 0; index < 20000; index++) {
      const name = `劳动关系协调员第${index}号吉林省长春市朝阳区`;
      names.push(name);
      sheet.addRow([name, '其他', index]).commit();
    }
    sheet.commit();
    await writer.commit();
    const rows = await collect(readXlsx(join(dir, 'big.xlsx')));
    expect(rows.map((row) => row.values[0])).toEqual(names);
    expect(rows.every((row) => row.values[1] === '其他')).toBe(true);
  });
});

describe('readCsv', () => {
  const text = '姓名,备注\r\n张三,"含,逗号"\r\n李四,"两行\n备注 ""引号"""\r\n\r\n王五,末行';

  it('detects GBK and UTF-8 (with or without BOM)', () => {
    expect(detectEncoding(iconv.encode(text, 'gbk'))).toBe('gbk');
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toBe('utf8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(text, 'gbk')]))).toBe('utf8');
    // a sample cut inside a multi-byte character is still UTF-8
    expect(detectEncoding(Buffer.from('协调员', 'utf8').subarray(0, 7))).toBe('utf8');
  });

  it.each(['utf8', 'gbk'] as const)('parses quoted fields, embedded newlines and quotes, blank lines (%s)', async (encoding) => {
    const path = join(dir, `t-${encoding}.csv`);
    writeFileSync(path, encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const rows = await collect(readCsv(path, encoding));
    expect(rows.map((row) => row.values)).toEqual([['姓名', '备注'], ['张三', '含,逗号'], ['李四', '两行\n备注 "引号"'], [''], ['王五', '末行']]);
    expect(rows.map((row) => row.rowNumber)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('hostile files', () => {
  it('refuses a CSV with an unclosed quote (one endless cell) and one with 40,000 cells in a row, each with a Chinese reason', async () => {
    const endless = join(dir, 'endless.csv');
    writeFileSync(endless, `姓名,身份证号\r\n"${'张'.repeat(400_000)}`);
    await expect(collect(readCsv(endless, 'utf8'))).rejects.toThrow(/单元格超过 256 KB/);
    const wide = join(dir, 'wide.csv');
    writeFileSync(wide, `姓名,身份证号\r\n${','.repeat(40_000)}\r\n`);
    await expect(collect(readCsv(wide, 'utf8'))).rejects.toThrow(/超过 1000 个单元格/);
  });
});

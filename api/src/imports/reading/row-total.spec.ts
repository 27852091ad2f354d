import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredImportJob } from './import-job';
import { declaredRowTotal } from './row-total';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'row-total-spec-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const job = (storedFile: string, fileFormat: 'xlsx' | 'csv') => ({ storedFile, fileFormat, kind: 'coordinators' } as StoredImportJob);

describe('declaredRowTotal', () => {
  it('sums the import sheets’ declared rows and leaves other sheets out', async () => {
    const book = new ExcelJS.Workbook();
    const main = book.addWorksheet('协调员');
    for (let row = 1; row <= 41; row += 1) main.addRow([`第${row}行`]);
    const certificates = book.addWorksheet('证书');
    for (let row = 1; row <= 6; row += 1) certificates.addRow([`第${row}行`]);
    const codes = book.addWorksheet('代码');
    for (let row = 1; row <= 900; row += 1) codes.addRow([`代码${row}`]);
    writeFileSync(join(dir, 'book.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
    await expect(declaredRowTotal(dir, job('book.xlsx', 'xlsx'))).resolves.toBe(47);
  });

  it('counts a CSV’s lines, with or without a final line break', async () => {
    writeFileSync(join(dir, 'a.csv'), '姓名,身份证号\r\n甲,1\r\n乙,2\r\n');
    writeFileSync(join(dir, 'b.csv'), '姓名,身份证号\n甲,1\n乙,2');
    await expect(declaredRowTotal(dir, job('a.csv', 'csv'))).resolves.toBe(3);
    await expect(declaredRowTotal(dir, job('b.csv', 'csv'))).resolves.toBe(3);
  });
});

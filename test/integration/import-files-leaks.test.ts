import { makeIdNumber, maskIdNumber } from '@registry/domain';
import { csv, ImportClient, readWorkbook, removeStoredUploads, workbook, type Row } from '../fixtures/imports/helpers';
import { startTestApp, type TestApp } from '../support/test-app';
import { signedInUser } from './access-helpers';

// Issue 13, medium: the error file's full ID numbers go back only to the uploader; job listings
// hold no internal fields; no file the product writes runs a formula when opened.

const FORMULAS = ['=1+1', "+cmd|' /C calc'!A0", '@SUM(1)', '=HYPERLINK("http://example.com","点我")'];
let t: TestApp;
let uploader: ImportClient;
let colleague: ImportClient;
let sequence = 200;

function row(overrides: Row = {}): Row {
  sequence += 2;
  return {
    name: `文件测试${sequence}`,
    idNumber: makeIdNumber('220104', '1988-08-08', sequence, 'MALE'),
    region: '朝阳区（220104）',
    tripartite: '否',
    unitName: '长春测试单位',
    joinedOn: '2018-03-01',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.adminToken();
  uploader = new ImportClient(t.baseUrl, await signedInUser(t, admin, 'files.uploader', 'COUNTY_OFFICE', '220104'));
  colleague = new ImportClient(t.baseUrl, await signedInUser(t, admin, 'files.colleague', 'COUNTY_OFFICE', '220104'));
});
afterAll(async () => {
  if (t) await removeStoredUploads(t);
  await t?.close();
});

async function cellTexts(buffer: Buffer): Promise<string[]> {
  const book = await readWorkbook(buffer);
  const texts: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((excelRow) => excelRow.eachCell((cell) => texts.push(cell.type === 6 ? `FORMULA:${String(cell.formula)}` : String(cell.text)))));
  return texts;
}

describe('the error file', () => {
  it('holds the full ID numbers for its uploader only; anyone else in the scope gets them masked, audited', async () => {
    const good = row();
    const bad = row({ joinedOn: '2021-02-30' });
    const job = await uploader.dryRun('coordinators', '名册.xlsx', await workbook('coordinators', { 协调员: [good, bad] }));
    expect(job.status).toBe('VALIDATED');
    const own = (await cellTexts(await uploader.download(`/api/imports/${job.id}/error-file`))).join('\n');
    expect(own).toContain(String(good.idNumber));
    expect(own).toContain(String(bad.idNumber));
    const theirs = (await cellTexts(await colleague.download(`/api/imports/${job.id}/error-file`))).join('\n');
    expect(theirs).not.toContain(String(good.idNumber));
    expect(theirs).not.toContain(String(bad.idNumber));
    expect(theirs).toContain(maskIdNumber(String(bad.idNumber)));
    expect(theirs).toContain('错误说明');
    const audit = await t.sql<{ username: string; detail: { copy: string } }>(
      `select username, detail from audit_log where action = 'IMPORT_ERROR_FILE' and object_id = $1 order by id`,
      [job.id],
    );
    expect(audit.map((entry) => [entry.username, entry.detail.copy])).toEqual([
      ['files.uploader', 'AS_UPLOADED'],
      ['files.colleague', 'MASKED'],
    ]);
  });

  it('neutralizes formula-like cells in the xlsx and CSV error files', async () => {
    const rows = FORMULAS.map((text) => row({ unitName: text, joinedOn: '2021-02-30' }));
    const xlsxJob = await uploader.dryRun('coordinators', '公式.xlsx', await workbook('coordinators', { 协调员: rows }));
    const xlsxCells = await cellTexts(await uploader.download(`/api/imports/${xlsxJob.id}/error-file`));
    expect(xlsxCells.filter((text) => text.startsWith('FORMULA:'))).toEqual([]);
    for (const text of FORMULAS) expect(xlsxCells).toContain(`'${text}`);

    const csvJob = await uploader.dryRun('coordinators', '公式.csv', csv('coordinators', rows));
    const lines = (await uploader.download(`/api/imports/${csvJob.id}/error-file`)).toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    const fields = lines.slice(1).flatMap((line) => line.split(',').map((field) => field.replace(/^"/, '')));
    expect(fields.filter((field) => /^[=+\-@\t\r]/.test(field))).toEqual([]);
    expect(lines.join('\n')).toContain("'=1+1");
  });
});

describe('job listings', () => {
  it('show no stored file name, uploader id or scope path', async () => {
    const job = await uploader.dryRun('coordinators', '字段.xlsx', await workbook('coordinators', { 协调员: [row()] }));
    const one = (await colleague.json(`/api/imports/${job.id}`)).body;
    const list = (await colleague.json(`/api/imports`)).body as Record<string, unknown>[];
    for (const shown of [one, ...list]) {
      for (const field of ['storedFile', 'userId', 'scopePath', 'fileEncoding']) expect(shown).not.toHaveProperty(field);
    }
    expect(one).toMatchObject({ id: job.id, fileName: '字段.xlsx', username: 'files.uploader', status: 'VALIDATED' });
  });
});

describe('exports', () => {
  it('write formula-like text neutralized, and the export re-imports without change', async () => {
    const rows = [row({ unitName: '=1+1', phone: '+86 431 8888' }), row({ unitName: '@SUM(1)' })];
    const seeded = await uploader.dryRun('coordinators', '导出前.xlsx', await workbook('coordinators', { 协调员: rows }));
    const committed = await uploader.commit(seeded.id, 'ALL_OR_NOTHING');
    expect([committed.status, committed.job?.status, JSON.stringify(committed.body)]).toEqual([202, 'COMMITTED', expect.any(String)]);
    const exported = await uploader.download(`/api/exports/coordinators.xlsx?filter=${encodeURIComponent(JSON.stringify({ search: '文件测试' }))}`);
    const cells = await cellTexts(exported);
    expect(cells.filter((text) => text.startsWith('FORMULA:'))).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining(["'=1+1", "'@SUM(1)", "'+86 431 8888"]));
    const again = await uploader.dryRun('coordinators', '导出.xlsx', exported);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2, invalid: 0 });
    const [stored] = await t.sql<{ unit_name: string; phone: string }>(`select unit_name, phone from coordinator where name = $1`, [rows[0].name]);
    expect(stored).toEqual({ unit_name: '=1+1', phone: '+86 431 8888' });
  });
});

import { makeIdNumber } from '@registry/domain';
import type ExcelJS from 'exceljs';
import { SpreadsheetsService } from '../../api/src/imports/exporting/spreadsheets.service';
import { ImportClient, readWorkbook, removeStoredUploads, workbook, type Row } from '../fixtures/imports/helpers';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 17: a coordinator export reads one snapshot. An import that commits after the main sheet
// was read and before the sub-record sheets are (the export's beforeSheet seam, so the
// interleaving is deterministic) must not show in any sheet of that export.
let t: TestApp;
let admin: ImportClient;

const ids = [0, 1, 2, 3].map((n) => makeIdNumber('220104', '1986-04-0' + (n + 1), 300 + n, n % 2 ? 'MALE' : 'FEMALE'));

function person(index: number, name: string): Row {
  return {
    name,
    idNumber: ids[index],
    region: '朝阳区（220104）',
    category: 1,
    tripartite: '否',
    unitName: '快照测试单位',
    joinedOn: '2018-03-01',
    certOccupation: '劳动关系协调员',
    certLevel: '三级',
    certIssuedOn: '2019-05-10',
    eduLevel: '本科',
    eduMajor: '人力资源管理',
    workStart: '2015-03-01',
    workOccupation: '劳动关系协调员',
  };
}

/** The data rows of a sheet as { header: value } (header row: the one holding 记录编号; the 合计 row left out). */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, string>[] {
  let headerRow = 0;
  sheet.eachRow((row, number) => {
    if (!headerRow && (row.values as unknown[]).includes('记录编号')) headerRow = number;
  });
  const headers = (sheet.getRow(headerRow).values as unknown[]).map((value) => String(value ?? '').replace(/\*$/, ''));
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number <= headerRow || row.getCell(1).value === '合计') return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(headers.map((header, index) => [header, values[index] === undefined || values[index] === null ? '' : String(values[index])]).filter(([header]) => header)));
  });
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = new ImportClient(t.baseUrl, await t.adminToken());
  const seed = await admin.dryRun('coordinators', 'seed.xlsx', await workbook('coordinators', { 协调员: [0, 1, 2].map((i) => person(i, `快照甲${i}`)) }));
  expect(seed.status).toBe('VALIDATED');
  expect((await admin.commit(seed.id, 'ALL_OR_NOTHING')).job?.status).toBe('COMMITTED');
});

afterAll(async () => {
  if (t) {
    t.app.get(SpreadsheetsService).beforeSheet = null;
    await removeStoredUploads(t);
  }
  await t?.close();
});

it('an import committing between the main sheet and the sub-record sheets shows in none of them', async () => {
  // the import: renames the three people, adds a fourth, a training for each of the four
  const people = [0, 1, 2, 3].map((i) => person(i, `快照乙${i}`));
  const job = await admin.dryRun(
    'coordinators',
    'during-export.xlsx',
    await workbook('coordinators', {
      协调员: people,
      培训: people.map((p) => ({ idNumber: p.idNumber, course: '调解实务', hours: 8, completedOn: '2022-01-05' })),
    }),
  );
  expect(job.counts).toMatchObject({ new: 1, updated: 3, invalid: 0 });

  const spreadsheets = t.app.get(SpreadsheetsService);
  const sheetsSeen: string[] = [];
  let committed = '';
  spreadsheets.beforeSheet = async (sheet) => {
    sheetsSeen.push(sheet);
    if (sheetsSeen.length === 1) committed = (await admin.commit(job.id, 'ALL_OR_NOTHING')).job?.status ?? 'no job';
  };
  let during: ExcelJS.Workbook;
  try {
    during = await readWorkbook(await admin.download(`/api/exports/coordinators.xlsx?filter=${encodeURIComponent(JSON.stringify({ regionCode: '220104' }))}`));
  } finally {
    spreadsheets.beforeSheet = null;
  }
  // the import did commit while the export was running, before its 证书 sheet was read
  expect(committed).toBe('COMMITTED');
  expect(sheetsSeen).toEqual(['证书', '学历', '工作经历', '培训', '工作记录']);
  expect(await t.sql(`select count(*)::int as n from training`)).toEqual([{ n: 4 }]);

  const main = rowsOf(during.getWorksheet('协调员')!);
  expect(main.map((row) => row['姓名']).sort()).toEqual(['快照甲0', '快照甲1', '快照甲2']);
  const refs = new Set(main.map((row) => row['记录编号']));
  for (const name of ['证书', '学历', '工作经历', '培训']) {
    for (const row of rowsOf(during.getWorksheet(name)!)) expect(refs.has(row['记录编号'])).toBe(true);
  }
  expect(rowsOf(during.getWorksheet('培训')!)).toEqual([]);

  // the next export shows the import whole
  const after = await readWorkbook(await admin.download(`/api/exports/coordinators.xlsx?filter=${encodeURIComponent(JSON.stringify({ regionCode: '220104' }))}`));
  const mainAfter = rowsOf(after.getWorksheet('协调员')!);
  expect(mainAfter.map((row) => row['姓名']).sort()).toEqual(['快照乙0', '快照乙1', '快照乙2', '快照乙3']);
  const trainings = rowsOf(after.getWorksheet('培训')!);
  expect(trainings.map((row) => row['记录编号']).sort()).toEqual(mainAfter.map((row) => row['记录编号']).sort());
});

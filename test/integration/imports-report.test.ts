import { makeIdNumber } from '@registry/domain';
import { ImportClient, readWorkbook, removeStoredUploads, workbook, type Row } from '../fixtures/imports/helpers';
import { startTestApp, type TestApp } from '../support/test-app';
import { signedInUser } from './access-helpers';

// Issue 14, imports in the browser (the server's part): category labels in the template, the
// exports and the reader; the error file keeps the template's notes and dropdowns; a township
// written by name; the dry run's preview; each phase's own progress.
let t: TestApp;
let admin: ImportClient;
let county: ImportClient;
const seed = Number(process.env.TEST_SEED ?? Date.now() % 100000);
let sequence = seed % 500;
process.stdout.write(`imports-report seed ${seed}\n`);

function person(birthDate = '1987-03-09'): string {
  sequence += 1;
  return makeIdNumber('220104', birthDate, sequence % 1000, sequence % 2 ? 'MALE' : 'FEMALE');
}

function row(overrides: Row = {}): Row {
  return {
    name: `报告测试${sequence}`,
    idNumber: person(),
    region: '朝阳区（220104）',
    category: '1 用人单位协调劳动关系工作人员',
    tripartite: '否',
    unitName: '长春报告测试单位',
    joinedOn: '2018-03-01',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = new ImportClient(t.baseUrl, await t.adminToken());
  county = new ImportClient(t.baseUrl, await signedInUser(t, await t.adminToken(), 'report_county', 'COUNTY_OFFICE', '220104'));
});

afterAll(async () => {
  if (t) await removeStoredUploads(t);
  await t?.close();
});

it('offers 人员类别 as "1 用人单位协调劳动关系工作人员" in the template and the export, and reads labels and codes', async () => {
  const template = await readWorkbook(await admin.download('/api/imports/templates/coordinators.xlsx'));
  const categories = (template.getWorksheet('代码')!.getColumn(2).values as unknown[]).slice(1).map(String);
  expect(categories[0]).toBe('人员类别');
  expect(categories.slice(1)).toEqual([
    '1 用人单位协调劳动关系工作人员',
    '2 社保、人才、职介、法律服务等行业人员',
    '3 人社部门及基层公共服务平台人员',
    '4 工会、企业代表组织人员',
    '5 调解机构人员',
    '6 其他人员',
  ]);
  const main = template.getWorksheet('协调员')!;
  const categoryColumn = (main.getRow(1).values as unknown[]).indexOf('人员类别');
  expect(main.getRow(2).getCell(categoryColumn).value).toBe('1 用人单位协调劳动关系工作人员');

  const file = await workbook('coordinators', {
    协调员: [row({ name: '类别标签甲' }), row({ name: '类别代码乙', category: 5 }), row({ name: '类别错误丙', category: '2 调解机构人员' })],
  });
  const job = await admin.dryRun('coordinators', 'categories.xlsx', file);
  expect(job.counts).toMatchObject({ new: 2, invalid: 1 });
  const errors = await admin.errors(job.id);
  expect(errors).toEqual([expect.objectContaining({ row: 4, column: '人员类别' })]);
  await admin.commit(job.id, 'VALID_ONLY');
  const stored = await t.sql(`select name, category from coordinator where name like '类别%' order by name`);
  expect(stored).toEqual([
    { name: '类别代码乙', category: 5 },
    { name: '类别标签甲', category: 1 },
  ]);

  const exported = await readWorkbook(await admin.download(`/api/exports/coordinators.xlsx?${new URLSearchParams({ filter: JSON.stringify({ search: '类别代码乙' }) })}`));
  const sheet = exported.getWorksheet('协调员')!;
  const header = sheet.getRow(2).values as unknown[];
  expect(sheet.getRow(3).getCell(header.indexOf('人员类别')).value).toBe('5 调解机构人员');
});

it('gives back an error file with the template’s header notes and dropdowns', async () => {
  const file = await workbook('coordinators', { 协调员: [row({ name: '错误文件甲' }), row({ name: '错误文件乙', joinedOn: '2019-02-30' })] });
  const job = await county.dryRun('coordinators', 'notes.xlsx', file);
  expect(job.counts).toMatchObject({ invalid: 1 });
  const book = await readWorkbook(await county.download(`/api/imports/${job.id}/error-file`));
  const main = book.getWorksheet('协调员')!;
  const header = main.getRow(1).values as unknown[];
  const column = (name: string) => header.indexOf(name);
  expect(String(main.getRow(1).getCell(column('身份证号*')).note)).toContain('18位');
  expect(String(main.getRow(1).getCell(column('所在地区*')).note)).toContain('【必填】');
  const region = main.getRow(3).getCell(column('所在地区*')).dataValidation;
  expect(region?.type).toBe('list');
  expect(region?.formulae?.[0]).toContain('代码');
  expect(main.getRow(50).getCell(column('人员类别')).dataValidation?.type).toBe('list');
  expect(String(main.getRow(3).getCell(column('错误说明')).value)).toContain('入职日期');
  // the county's own lists, as its template has them
  const regions = (book.getWorksheet('代码')!.getColumn(1).values as unknown[]).slice(2).map(String);
  expect(regions).toContain('前进街道（220104001）');
  expect(regions.every((value) => /（220104\d*）$/.test(value))).toBe(true);
});

it('takes a township written by name when it is unique in the scope, says which code it took, and refuses an ambiguous one naming the candidates', async () => {
  const file = await workbook('coordinators', { 协调员: [row({ name: '名称地区甲', region: '前进街道' }), row({ name: '名称地区乙', region: '朝阳区 前进街道' })] });
  const countyJob = (await county.dryRun('coordinators', 'by-name.xlsx', file)) as any;
  expect(countyJob.counts).toMatchObject({ new: 2, invalid: 0 });
  expect(countyJob.notes.join('\n')).toContain('前进街道');
  expect(countyJob.notes.join('\n')).toContain('220104001');
  expect(countyJob.preview.rows.map((entry: { cells: string[] }) => entry.cells[2])).toEqual(['长春市 · 朝阳区 · 前进街道（220104001）', '长春市 · 朝阳区 · 前进街道（220104001）']);

  // the province has two 前进街道 (长春 朝阳区 and 松原 宁江区): refused, both named; a parent disambiguates
  const provinceFile = await workbook('coordinators', { 协调员: [row({ name: '名称地区丙', region: '前进街道' }), row({ name: '名称地区丁', region: '宁江区 前进街道' })] });
  const provinceJob = await admin.dryRun('coordinators', 'ambiguous.xlsx', provinceFile);
  expect(provinceJob.counts).toMatchObject({ new: 1, invalid: 1 });
  const [refusal] = await admin.errors(provinceJob.id);
  expect(refusal).toMatchObject({ row: 2, column: '所在地区' });
  expect(refusal.reason).toContain('220104001');
  expect(refusal.reason).toContain('220702006');
  expect(((provinceJob as any).notes as string[]).join('\n')).toContain('220702006');
});

it('previews the first rows as they will be stored, with their action', async () => {
  const file = await workbook('coordinators', {
    协调员: [row({ name: '预览甲', category: null, tripartite: '是', region: '前进街道（220104001）' }), row({ name: '预览乙', joinedOn: '2019-02-30' }), row({ name: '预览丙', status: '离岗', leftOn: '2024-01-31' })],
  });
  const job = (await county.dryRun('coordinators', 'preview.xlsx', file)) as any;
  expect(job.preview.columns.slice(0, 4)).toEqual(['姓名', '身份证号', '所在地区', '人员类别']);
  expect(job.preview.rows.map((entry: { row: number }) => entry.row)).toEqual([2, 4]);
  const [first, second] = job.preview.rows;
  expect(first.action).toBe('NEW');
  expect(first.cells[0]).toBe('预览甲');
  expect(first.cells[1]).toMatch(/^2201\*{10}\d{3}[\dX]$/);
  // derived as the commit will store it: 三方/基层 at a township → 3, 基层平台
  expect(first.cells[3]).toBe('3 人社部门及基层公共服务平台人员');
  expect(first.cells[4]).toBe('基层平台');
  expect(second.cells[8]).toBe('离岗');
  // 上传人 as people know the account: its office and display name, not the login name
  await t.sql(`update app_user set display_name = '朝阳区人社局 张三' where username = 'report_county'`);
  const listed = (await (await county.request(`/api/imports?limit=5`)).json()) as { id: string; uploaderName: string }[];
  expect(listed.find((entry) => entry.id === job.id)?.uploaderName).toBe('朝阳区 · 朝阳区人社局 张三');
});

it('reports each phase’s own progress: rows read of the rows declared, the whole-file checks done of all', async () => {
  const rows = Array.from({ length: 30 }, (_, index) => row({ name: `进度${index}` }));
  const job = (await county.dryRun('coordinators', 'progress.xlsx', await workbook('coordinators', { 协调员: rows }))) as any;
  expect(job.rowsParsed).toBe(30);
  expect(job.progress.rowsTotal).toBe(30);
  expect(job.progress.checkSteps).toBeGreaterThan(3);
  expect(job.progress.checkStep).toBe(job.progress.checkSteps);
  const committed = (await county.commit(job.id, 'ALL_OR_NOTHING')).job!;
  expect(committed.rowsWritten).toBe(30);
});

import { chinaYear, makeIdNumber } from '@registry/domain';
import { ImportClient, readWorkbook, removeStoredUploads, workbook, type Row } from '../fixtures/imports/helpers';
import { startTestApp, type TestApp } from '../support/test-app';
import { seedPair, signedInUser, type Seeded } from './access-helpers';

// The 工作记录 sheet of the coordinator template (六(三)): a county office imports its people's work
// — kinds and outcomes as labels or codes, a day or only a month, the enterprise served by credit
// code within its jurisdiction — each bad cell named in the dry run; the export writes the same
// sheet back and re-imports unchanged.
const YEAR = chinaYear() - 1;
let t: TestApp;
let county: ImportClient;
let countyToken: string;
let own: Seeded;
let foreign: Seeded;
let sequence = 400;

function person(): string {
  sequence += 1;
  return makeIdNumber('220104', '1984-04-04', sequence, sequence % 2 ? 'MALE' : 'FEMALE');
}

function coordinatorRow(idNumber: string): Row {
  return {
    name: `工作记录导入${sequence}`,
    idNumber,
    region: '朝阳区（220104）',
    category: 1,
    tripartite: '否',
    unitName: '长春测试单位',
    joinedOn: '2018-03-01',
    workStart: '2015-03-01',
    workOccupation: '劳动关系协调员',
  };
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.adminToken();
  own = await seedPair(t, admin, '220104');
  foreign = await seedPair(t, admin, '220102');
  countyToken = await signedInUser(t, admin, 'import_work_county', 'COUNTY_OFFICE', '220104');
  county = new ImportClient(t.baseUrl, countyToken);
});

afterAll(async () => {
  if (t) await removeStoredUploads(t);
  await t?.close();
});

it('offers the 工作记录 sheet with its dropdowns and an example', async () => {
  const book = await readWorkbook(await county.download('/api/imports/templates/coordinators.xlsx'));
  const sheet = book.getWorksheet('工作记录')!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '身份证号*', '工作类型*', '次数', '工作日期*', '服务企业统一社会信用代码', '调解结果', '工作说明', '记录编号']);
  expect(sheet.getCell('A2').value).toBe('示例');
  expect(sheet.getCell('C5').dataValidation?.type).toBe('list');
});

it('imports work records given as labels or codes, by day or month, naming each bad cell; the export re-imports unchanged', async () => {
  const [{ credit_code: ownCode }] = await t.sql(`select credit_code from enterprise where id = $1`, [own.enterpriseId]);
  const [{ credit_code: foreignCode }] = await t.sql(`select credit_code from enterprise where id = $1`, [foreign.enterpriseId]);
  const good = person();
  const bad = person();
  const file = await workbook('coordinators', {
    协调员: [coordinatorRow(good), coordinatorRow(bad)],
    工作记录: [
      { idNumber: good, workKind: '调解劳动争议', workCount: 3, workDate: `${YEAR}-06-15`, workEnterpriseCode: ownCode, workOutcome: '调解成功', workDescription: '工资争议' },
      { idNumber: good, workKind: 'CONSULTATION', workCount: 12, workDate: `${YEAR}-03` },
      { idNumber: good, workKind: '集体协商', workDate: `${YEAR}年11月`, workOutcome: '' },
      { idNumber: bad, workKind: '政策宣传', workCount: -1, workDate: `${YEAR}-05-05` },
      { idNumber: bad, workKind: '政策宣传', workDate: `${YEAR}-05-05`, workOutcome: 'MEDIATED' },
      { idNumber: bad, workKind: '调解劳动争议', workDate: `${YEAR}-05-05`, workEnterpriseCode: foreignCode },
      { idNumber: bad, workKind: '打扫卫生', workDate: `${YEAR}-05-05` },
      { idNumber: bad, workKind: '其他', workDate: `${chinaYear() + 1}-01-01` },
    ],
  });
  const job = await county.dryRun('coordinators', 'work.xlsx', file);
  expect(job.status).toBe('VALIDATED');
  // five bad rows on the sheet, and the main row of their person (its lists would be incomplete)
  expect(job.counts).toMatchObject({ new: 1, invalid: 6 });
  const errors = (await county.errors(job.id)).filter((error) => error.sheet === '工作记录').map((error) => `${error.row}:${error.column}`);
  expect(errors.sort()).toEqual(['5:次数', '6:调解结果', '7:服务企业统一社会信用代码', '8:工作类型', '9:工作日期'].sort());
  const committed = await county.commit(job.id, 'VALID_ONLY');
  expect(committed.job?.status).toBe('COMMITTED');

  const stored = await t.sql(
    `select w.kind, w.count, w.recorded_on::text as recorded_on, w.date_precision, w.enterprise_id::text as enterprise_id, w.outcome, w.region_code, w.recorded_by
     from work_record w join coordinator c on c.id = w.coordinator_id where c.name = (select name from coordinator where id_number_masked = $1 limit 1)
     order by w.recorded_on`,
    [`${good.slice(0, 4)}**********${good.slice(-4)}`],
  );
  expect(stored).toEqual([
    { kind: 'CONSULTATION', count: 12, recorded_on: `${YEAR}-03-01`, date_precision: 'MONTH', enterprise_id: null, outcome: null, region_code: '220104', recorded_by: null },
    { kind: 'DISPUTE_MEDIATED', count: 3, recorded_on: `${YEAR}-06-15`, date_precision: 'DAY', enterprise_id: own.enterpriseId, outcome: 'MEDIATED', region_code: '220104', recorded_by: null },
    { kind: 'COLLECTIVE_NEGOTIATION', count: 1, recorded_on: `${YEAR}-11-01`, date_precision: 'MONTH', enterprise_id: null, outcome: null, region_code: '220104', recorded_by: null },
  ]);
  const [{ bad_records }] = await t.sql(`select count(*)::int as bad_records from work_record where recorded_on = $1`, [`${YEAR}-05-05`]);
  expect(bad_records).toBe(0);

  // the export writes the sheet (labels, months as months, the enterprise's code) and re-imports unchanged
  const exported = await county.download(`/api/exports/coordinators.xlsx`);
  const book = await readWorkbook(exported);
  const rows = book.getWorksheet('工作记录')!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(3, 8));
  expect(rows).toEqual(
    expect.arrayContaining([
      ['调解劳动争议', 3, `${YEAR}-06-15`, ownCode, '调解成功'],
      ['咨询接待', 12, `${YEAR}-03`, undefined, undefined],
    ]),
  );
  const again = await county.dryRun('coordinators', 'again.xlsx', exported);
  expect(again.counts).toMatchObject({ updated: 0, invalid: 0 });
});

import { makeCreditCode, makeIdNumber, todayIsoDate } from '@registry/domain';
import { ImportClient, removeStoredUploads, workbook, type Row } from '../fixtures/imports/helpers';
import { startTestApp, type TestApp } from '../support/test-app';

// Imports take the registry's dated facts (issue 12): an employer change in an imported row
// starts a new assignment on its 变更日期 (default today), an enterprise row's figures are of its
// 统计年度 (default the current year).
const TODAY = todayIsoDate();
const THIS_YEAR = Number(TODAY.slice(0, 4));
const LAST_YEAR = THIS_YEAR - 1;
let t: TestApp;
let admin: ImportClient;
let token: string;

const FIRST = makeCreditCode('91220104MA0000701');
const SECOND = makeCreditCode('91220104MA0000702');
const PERSON = makeIdNumber('220104', '1984-04-04', 17, 'MALE');

function enterpriseRow(overrides: Row = {}): Row {
  return { creditCode: FIRST, name: '导入年度测试甲公司', region: '220104', industryCode: 'C13', employees: 1200, revenue: 50000, publicOwned: '否', registeredOn: '2020-01-01', ...overrides };
}

function coordinatorRow(overrides: Row = {}): Row {
  return {
    name: '年度导入', idNumber: PERSON, region: '220104', category: 1, tripartite: '否', enterpriseCode: FIRST, joinedOn: '2021-03-01',
    certOccupation: '劳动关系协调员', certLevel: '三级', certIssuedOn: '2019-05-10', eduLevel: '本科', eduMajor: '人力资源管理',
    workStart: '2015-03-01', workOccupation: '劳动关系协调员', ...overrides,
  };
}

async function imported(kind: 'coordinators' | 'enterprises', sheet: string, rows: Row[]) {
  const job = await admin.dryRun(kind, `${kind}.xlsx`, await workbook(kind, { [sheet]: rows }));
  const committed = await admin.commit(job.id, 'VALID_ONLY');
  return { job, committed };
}

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const result = await t.graphql(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

beforeAll(async () => {
  t = await startTestApp();
  token = await t.adminToken();
  admin = new ImportClient(t.baseUrl, token);
});

afterAll(async () => {
  if (t) await removeStoredUploads(t);
  await t?.close();
});

it('keeps an enterprise row\'s figures to its 统计年度', async () => {
  await imported('enterprises', '用人单位', [enterpriseRow(), enterpriseRow({ creditCode: SECOND, name: '导入年度测试乙公司' })]);
  // this year it is small; for 2023 it was medium; the 2023 figures do not replace the newer ones
  await imported('enterprises', '用人单位', [enterpriseRow({ employees: 50, revenue: 500 })]);
  await imported('enterprises', '用人单位', [enterpriseRow({ employees: 500, revenue: 5000, figuresYear: 2023 })]);
  const [{ id }] = await t.sql(`select id::text from enterprise where credit_code = $1`, [FIRST]);
  const { enterprise } = await graphql(`query($id: ID!) { enterprise(id: $id) { sizeClass yearFigures { year sizeClass } } }`, { id });
  expect(enterprise.sizeClass).toBe('SMALL');
  expect(enterprise.yearFigures).toEqual([
    { year: 2020, sizeClass: 'LARGE' },
    { year: 2023, sizeClass: 'MEDIUM' },
    { year: THIS_YEAR, sizeClass: 'SMALL' },
  ]);
  // 甲 is large by its 2020 figures until 2022, medium from 2023, small this year; 乙 large throughout
  for (const [year, total] of [[2022, 2], [2023, 2], [LAST_YEAR, 2], [THIS_YEAR, 1]]) {
    const { coverage } = await graphql(`query($y: Int!) { coverage(regionCode: "220104", year: $y) { largeMediumTotal } }`, { y: year });
    expect({ year, total: coverage.largeMediumTotal }).toEqual({ year, total });
  }
});

it('starts a new assignment on an imported employer change, from its 变更日期', async () => {
  await imported('coordinators', '协调员', [coordinatorRow()]);
  const refused = await admin.dryRun('coordinators', 'early.xlsx', await workbook('coordinators', { 协调员: [coordinatorRow({ enterpriseCode: SECOND, changedOn: '2021-01-01' })] }));
  expect(await admin.errors(refused.id)).toEqual([expect.objectContaining({ column: '变更日期' })]);

  await imported('coordinators', '协调员', [coordinatorRow({ enterpriseCode: SECOND, changedOn: `${LAST_YEAR}-07-01` })]);
  const [{ id }] = await t.sql(`select id::text from coordinator where name = '年度导入'`);
  const { coordinator } = await graphql(`query($id: ID!) { coordinator(id: $id) { assignments { enterprise { creditCode } from to } } }`, { id });
  expect(coordinator.assignments).toEqual([
    { enterprise: { creditCode: FIRST }, from: '2021-03-01', to: `${LAST_YEAR}-06-30` },
    { enterprise: { creditCode: SECOND }, from: `${LAST_YEAR}-07-01`, to: null },
  ]);
  // an unchanged row changes nothing; a change without a date starts today
  await imported('coordinators', '协调员', [coordinatorRow({ enterpriseCode: SECOND })]);
  await imported('coordinators', '协调员', [coordinatorRow({ enterpriseCode: FIRST })]);
  const after = await graphql(`query($id: ID!) { coordinator(id: $id) { assignments { from to } } }`, { id });
  expect(after.coordinator.assignments.map((entry: { from: string }) => entry.from)).toEqual(['2021-03-01', `${LAST_YEAR}-07-01`, TODAY]);
});

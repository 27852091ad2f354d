import { chinaYear, makeCreditCode, makeIdNumber } from '@registry/domain';
import iconv from 'iconv-lite';
import { ImportsService } from '../../api/src/imports/imports.service';
import { csv, databaseFingerprint, ImportClient, readWorkbook, removeStoredUploads, workbook, type Row } from '../fixtures/imports/helpers';
import { installCommitFault } from '../fixtures/imports/commit-fault';
import { seededRandom } from '../support/seeded-random';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { signedInUser } from './access-helpers';

// Roster import/export through the real REST API on a throw-away database.
let t: TestApp;
let admin: ImportClient;
let sequence = 100;

function person(birthDate = '1985-06-15', county = '220104'): string {
  sequence += 1;
  return makeIdNumber(county, birthDate, sequence % 1000, sequence % 2 ? 'MALE' : 'FEMALE');
}

function coordinatorRow(overrides: Row = {}): Row {
  return {
    name: `导入测试${sequence}`,
    idNumber: person(),
    region: '朝阳区（220104）',
    category: 1,
    tripartite: '否',
    unitName: '长春测试单位',
    joinedOn: '2018-03-01',
    certOccupation: '劳动关系协调员',
    certLevel: '三级',
    certIssuedOn: '2019-05-10',
    eduLevel: '本科',
    eduMajor: '人力资源管理',
    workStart: '2015-03-01',
    workOccupation: '劳动关系协调员',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = new ImportClient(t.baseUrl, await t.adminToken());
});

afterAll(async () => {
  if (t) await removeStoredUploads(t);
  await t?.close();
});

describe('templates', () => {
  it('offers Chinese headers with notes, dropdowns, an example row and a codes sheet limited to the scope', async () => {
    const book = await readWorkbook(await admin.download('/api/imports/templates/coordinators.xlsx'));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['协调员', '证书', '学历', '工作经历', '培训', '工作记录', '代码']);
    const main = book.getWorksheet('协调员')!;
    const header = (main.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['序号', '姓名*', '身份证号*', '所在地区*']);
    expect(String(main.getCell('C1').note)).toContain('18位');
    expect(main.getCell('A2').value).toBe('示例');
    const regionValidation = main.getCell('D5').dataValidation;
    expect(regionValidation?.type).toBe('list');
    expect(regionValidation?.formulae?.[0]).toContain('代码');
    const codes = book.getWorksheet('代码')!;
    const regions = (codes.getColumn(1).values as unknown[]).slice(2).map(String);
    expect(regions).toContain('南关区（220102）');
    expect(regions).toContain('朝阳区（220104）');

    const countyToken = await signedInUser(t, await t.adminToken(), 'import_county', 'COUNTY_OFFICE', '220104');
    const county = new ImportClient(t.baseUrl, countyToken);
    const countyBook = await readWorkbook(await county.download('/api/imports/templates/enterprises.xlsx'));
    const countyRegions = (countyBook.getWorksheet('代码')!.getColumn(1).values as unknown[]).slice(2).map(String);
    expect(countyRegions).toContain('朝阳区（220104）');
    expect(countyRegions.every((value) => /（220104\d*）$/.test(value))).toBe(true);
    expect(countyBook.getWorksheet('用人单位')!.getCell('D1').value).toBe('所在地区*');
  });

  it('refuses anonymous downloads', async () => {
    const response = await fetch(`${t.baseUrl}/api/imports/templates/coordinators.xlsx`);
    expect(response.status).toBe(401);
  });
});

describe('coordinator import', () => {
  it('reports every bad row of a file with known faults, then imports only the valid rows when asked', async () => {
    const a = person('1985-06-15');
    const b = person('1990-01-20');
    const unknown = person('1979-09-09');
    const badChecksum = (() => {
      const valid = person();
      return valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    })();
    const main: (Row | null)[] = [
      // row 2: dates in every accepted shape; work start as an Excel serial (2015-03-01)
      coordinatorRow({ idNumber: a, name: '甲', joinedOn: '2018/03/01', certIssuedOn: '2019年5月10日', workStart: 42064, phone: '0431-88888888' }),
      coordinatorRow({ idNumber: b, name: '乙', tripartite: '是', category: null, certOccupation: null, certLevel: null, certIssuedOn: null }), // 3
      null, // 4: blank, skipped
      coordinatorRow({ idNumber: badChecksum }), // 5
      coordinatorRow({ joinedOn: '2021-02-30' }), // 6
      coordinatorRow({ workStart: '2020-01-01', workEnd: '2019-12-31' }), // 7
      coordinatorRow({ idNumber: a, name: '甲的重复' }), // 8
      coordinatorRow({ certLevel: 7 }), // 9
      coordinatorRow({ region: '999999' }), // 10
      coordinatorRow({ category: 9 }), // 11
      coordinatorRow({ name: null }), // 12
      coordinatorRow({ enterpriseCode: makeCreditCode('91220104MA0000001') }), // 13
      coordinatorRow({ idNumber: person('1995-01-01'), certIssuedOn: '1994-12-31' }), // 14
    ];
    const file = await workbook('coordinators', {
      协调员: main,
      证书: [
        { idNumber: a, certOccupation: '企业人力资源管理师', certLevel: 2, certIssuedOn: '2021-11-30' }, // 证书 row 2
        { idNumber: unknown, certOccupation: '劳动关系协调员', certLevel: 3, certIssuedOn: '2021-11-30' }, // 证书 row 3
      ],
      // 乙's training is wrong: 乙 is refused as a whole (its lists would be incomplete)
      培训: [{ idNumber: b, course: '调解实务', hours: -2, completedOn: '2022-01-05' }],
    });
    const job = await admin.dryRun('coordinators', '协调员名册.xlsx', file);
    expect(job.status).toBe('VALIDATED');
    expect(job.counts).toEqual({ new: 1, updated: 0, unchanged: 0, invalid: 13 });
    const errors = await admin.errors(job.id);
    const where = errors.map((error) => `${error.sheet}:${error.row}:${error.column}`);
    expect([...where].sort()).toEqual([
      '协调员:3:身份证号',
      '协调员:5:身份证号',
      '协调员:6:入职日期',
      '协调员:7:工作结束日期',
      '协调员:8:身份证号',
      '协调员:9:证书等级',
      '协调员:10:所在地区',
      '协调员:11:人员类别',
      '协调员:12:姓名',
      '协调员:13:用人单位统一社会信用代码',
      '协调员:14:发证日期',
      '证书:3:身份证号',
      '培训:2:学时',
    ].sort());
    const reason = (row: number) => errors.find((error) => error.row === row && error.sheet === '协调员')!.reason;
    expect(reason(5)).toContain('校验');
    expect(reason(6)).toContain('2021-02-30');
    expect(reason(7)).toContain('早于开始日期');
    expect(reason(8)).toBe('与第2行的身份证号重复');
    expect(reason(12)).toBe('不能为空');
    expect(reason(14)).toContain('早于出生日期');
    expect(reason(3)).toBe('附表「培训」第2行有误，本行未导入');

    // the error file is the user's own file with a 错误说明 column
    const errorBook = await readWorkbook(await admin.download(`/api/imports/${job.id}/error-file`));
    const sheet = errorBook.getWorksheet('协调员')!;
    const errorColumn = (sheet.getRow(1).values as unknown[]).indexOf('错误说明');
    expect(errorColumn).toBeGreaterThan(0);
    expect(String(sheet.getRow(8).getCell(errorColumn).value)).toContain('与第2行的身份证号重复');
    expect(sheet.getRow(2).getCell(errorColumn).value).toBeNull();
    expect(sheet.getRow(2).getCell(2).value).toBe('甲');

    // all-or-nothing refuses a file with errors and writes nothing
    const before = await databaseFingerprint(t.sql);
    const refused = await admin.commit(job.id, 'ALL_OR_NOTHING');
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('13 行错误');
    expect(await databaseFingerprint(t.sql)).toEqual(before);

    const committed = await admin.commit(job.id, 'VALID_ONLY');
    expect(committed.job).toMatchObject({ status: 'COMMITTED', rowsWritten: 1, counts: { new: 1, updated: 0, unchanged: 0, invalid: 13 } });
    const stored = await t.sql(
      `select c.name, c.joined_on, c.category, c.affiliation, c.phone,
         (select array_agg(occupation || '/' || level || '/' || issued_on order by issued_on) from certificate where coordinator_id = c.id) as certificates,
         (select array_agg(start_on::text) from work_period where coordinator_id = c.id) as periods
       from coordinator c order by c.name`,
    );
    expect(stored).toEqual([
      expect.objectContaining({
        name: '甲', category: 1, affiliation: 'OTHER', phone: '0431-88888888', joined_on: '2018-03-01',
        certificates: ['劳动关系协调员/3/2019-05-10', '企业人力资源管理师/2/2021-11-30'], periods: ['2015-03-01'],
      }),
    ]);
    const [audit] = await t.sql(`select action, detail from audit_log where action = 'IMPORT_COMMIT'`);
    expect(audit.detail).toMatchObject({ kind: 'coordinators', fileName: '协调员名册.xlsx', mode: 'VALID_ONLY', new: 1 });

    // the same file again changes nothing
    const coordinatorsBefore = await databaseFingerprint(t.sql);
    const again = await admin.dryRun('coordinators', '协调员名册.xlsx', file);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 1, invalid: 13 });
    // a changed certificate alone makes the row "updated"
    const changedCertificate = await admin.dryRun(
      'coordinators',
      '改证书.xlsx',
      await workbook('coordinators', { 协调员: main.slice(0, 1), 证书: [{ idNumber: a, certOccupation: '企业人力资源管理师', certLevel: 1, certIssuedOn: '2021-11-30' }] }),
    );
    expect(changedCertificate.counts).toEqual({ new: 0, updated: 1, unchanged: 0, invalid: 0 });
    const recommitted = await admin.commit(again.id, 'VALID_ONLY');
    expect(recommitted.job).toMatchObject({ status: 'COMMITTED', rowsWritten: 0 });
    const after = await databaseFingerprint(t.sql);
    expect({ ...after, audit_log: '' }).toEqual({ ...coordinatorsBefore, audit_log: '' });

    // 乙 with the training fixed: derived category and affiliation (三方/基层 → 3, county → TRIPARTITE)
    const fixed = await admin.dryRun('coordinators', '乙.xlsx', await workbook('coordinators', { 协调员: [main[1]] }));
    expect(fixed.counts).toEqual({ new: 1, updated: 0, unchanged: 0, invalid: 0 });
    expect((await admin.commit(fixed.id, 'ALL_OR_NOTHING')).job?.status).toBe('COMMITTED');
    const [yi] = await t.sql(`select category, affiliation, joined_on from coordinator where name = '乙'`);
    expect(yi).toEqual({ category: 3, affiliation: 'TRIPARTITE', joined_on: '2018-03-01' });
  });

  it('takes coordinators of city and province offices, as the form does, and keeps employers to counties and townships', async () => {
    const coordinatorCodes = (await readWorkbook(await admin.download('/api/imports/templates/coordinators.xlsx'))).getWorksheet('代码')!;
    const coordinatorRegions = (coordinatorCodes.getColumn(1).values as unknown[]).slice(2).map(String);
    expect(coordinatorRegions).toEqual(expect.arrayContaining(['吉林省（220000）', '长春市（220100）', '朝阳区（220104）']));
    const enterpriseCodes = (await readWorkbook(await admin.download('/api/imports/templates/enterprises.xlsx'))).getWorksheet('代码')!;
    const enterpriseRegions = (enterpriseCodes.getColumn(1).values as unknown[]).slice(2).map(String);
    expect(enterpriseRegions).toContain('朝阳区（220104）');
    expect(enterpriseRegions).not.toContain('长春市（220100）');

    const rows = [
      coordinatorRow({ name: '市人社局甲', region: '长春市（220100）', tripartite: '是', unitName: '长春市人力资源和社会保障局' }),
      coordinatorRow({ name: '省总工会乙', region: '220000', tripartite: '是', unitName: '吉林省总工会' }),
    ];
    const job = await admin.dryRun('coordinators', '市省两级.xlsx', await workbook('coordinators', { 协调员: rows }));
    expect(job.counts).toEqual({ new: 2, updated: 0, unchanged: 0, invalid: 0 });
    expect((await admin.commit(job.id, 'ALL_OR_NOTHING')).job?.status).toBe('COMMITTED');
    expect(await t.sql(`select name, region_code, affiliation from coordinator where name in ('市人社局甲', '省总工会乙') order by name`)).toEqual([
      { name: '市人社局甲', region_code: '220100', affiliation: 'TRIPARTITE' },
      { name: '省总工会乙', region_code: '220000', affiliation: 'TRIPARTITE' },
    ]);
    // and their export goes back in unchanged
    const exported = await admin.download(`/api/exports/coordinators.xlsx?filter=${encodeURIComponent(JSON.stringify({ regionCode: '220100' }))}`);
    const again = await admin.dryRun('coordinators', '长春导出.xlsx', exported);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, invalid: 0 });

    const employer = { creditCode: makeCreditCode('91220100MA0000301'), name: '市级挂靠公司', region: '长春市（220100）', industryCode: 'C13', employees: 50, revenue: 800, publicOwned: '否' };
    const refused = await admin.dryRun('enterprises', '市级单位.xlsx', await workbook('enterprises', { 用人单位: [employer] }));
    expect(refused.counts?.invalid).toBe(1);
    expect(await admin.errors(refused.id)).toEqual([
      { sheet: '用人单位', row: 2, column: '所在地区', reason: '请选择县（市、区）或乡镇（街道），长春市 是市州' },
    ]);
  });

  it('reads GBK and UTF-8 CSV files', async () => {
    const rows = [coordinatorRow({ name: '丙', certLevel: 3, region: '220104', joinedOn: '2020年1月2日' })];
    const gbk = iconv.encode(csv('coordinators', rows), 'gbk');
    const job = await admin.dryRun('coordinators', '名单GBK.csv', gbk);
    expect(job.counts).toEqual({ new: 1, updated: 0, unchanged: 0, invalid: 0 });
    const committed = await admin.commit(job.id, 'ALL_OR_NOTHING');
    expect(committed.job?.status).toBe('COMMITTED');
    const [stored] = await t.sql(`select name, joined_on from coordinator where name = '丙'`);
    expect(stored).toEqual({ name: '丙', joined_on: '2020-01-02' });

    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv('coordinators', rows), 'utf8')]);
    const again = await admin.dryRun('coordinators', '名单UTF8.csv', utf8);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 1, invalid: 0 });
  });

  it('refuses rows outside the uploader’s jurisdiction', async () => {
    const token = await signedInUser(t, await t.adminToken(), 'import_county2', 'COUNTY_OFFICE', '220104');
    const county = new ImportClient(t.baseUrl, token);
    const job = await county.dryRun('coordinators', 'x.xlsx', await workbook('coordinators', { 协调员: [coordinatorRow({ region: '南关区（220102）' }), coordinatorRow()] }));
    expect(job.counts).toMatchObject({ new: 1, invalid: 1 });
    const [error] = await county.errors(job.id);
    expect(error).toMatchObject({ row: 2, column: '所在地区', reason: '地区 南关区（220102）不在您的管辖范围内' });
  });

  it('leaves the database exactly as before when a commit fails at any row', async () => {
    const runs = Number(process.env.IMPORT_FAULT_RUNS ?? 20);
    const existing = Array.from({ length: 15 }, () => coordinatorRow());
    const seeded = await admin.dryRun('coordinators', 'seed.xlsx', await workbook('coordinators', { 协调员: existing }));
    expect((await admin.commit(seeded.id, 'ALL_OR_NOTHING')).job?.status).toBe('COMMITTED');
    // every row written: 15 changed + 15 new, each with sub-records and an extra training
    const rows: Row[] = [...existing.map((row) => ({ ...row, phone: '13900000000', certLevel: 2 })), ...Array.from({ length: 15 }, () => coordinatorRow())];
    const file = await workbook('coordinators', {
      协调员: rows,
      培训: rows.map((row) => ({ idNumber: row.idNumber, course: '调解实务', hours: 8, completedOn: '2022-01-05' })),
    });
    const before = await databaseFingerprint(t.sql);
    // 30 main rows (15 updates, 15 new), each with a certificate, an education, a work period and a training
    const rowsWritten = rows.length * 5;
    const random = seededRandom('commit fault positions');
    const fault = await installCommitFault(t.sql);
    let partial = 0;
    try {
      for (let run = 0; run < runs; run++) {
        const job = await admin.dryRun('coordinators', 'fault.xlsx', file);
        expect(job.counts).toEqual({ new: 15, updated: 15, unchanged: 0, invalid: 0 });
        await fault.arm(random.integer(1, rowsWritten));
        const committed = await admin.commit(job.id, 'ALL_OR_NOTHING');
        expect(committed.job?.status).toBe('FAILED');
        const after = await databaseFingerprint(t.sql);
        if (JSON.stringify(after) !== JSON.stringify(before)) partial += 1;
      }
    } finally {
      await fault.remove();
    }
    console.log(`fault injection: ${runs} runs, partial commits: ${partial}`);
    expect(partial).toBe(0);
    // and without the fault the same file lands completely
    const job = await admin.dryRun('coordinators', 'fault.xlsx', file);
    expect((await admin.commit(job.id, 'ALL_OR_NOTHING')).job).toMatchObject({ status: 'COMMITTED', rowsWritten: 30 });
    const [{ trainings }] = await t.sql(`select count(*)::int as trainings from training where course = '调解实务'`);
    expect(trainings).toBe(30);
  });

  it('keeps a dry run for a week to be committed later, then clears its staged rows', async () => {
    const staged = async (jobId: string) =>
      (await t.sql(`select count(*)::int as rows from import_staging_coordinator where job_id = $1`, [jobId]))[0].rows as number;
    const kept = await admin.dryRun('coordinators', '待提交.xlsx', await workbook('coordinators', { 协调员: [coordinatorRow()] }));
    const abandoned = await admin.dryRun('coordinators', '已放弃.xlsx', await workbook('coordinators', { 协调员: [coordinatorRow()] }));
    await t.sql(`update import_job set created_at = now() - interval '8 days' where id = $1`, [abandoned.id]);
    expect(await staged(abandoned.id)).toBe(1);

    await t.app.get(ImportsService).sweep();

    expect(await staged(abandoned.id)).toBe(0);
    expect(await staged(kept.id)).toBe(1);
    expect((await admin.commit(kept.id, 'ALL_OR_NOTHING')).job?.status).toBe('COMMITTED');
  });
});

describe('queue', () => {
  it('runs jobs queued on an instance without workers once another instance starts, and starts over a dry run whose first run died', async () => {
    const database = await createTestDatabase();
    const queueOnly = await startTestApp({ IMPORT_WORKERS: '0' }, { databaseUrl: database.url });
    let runner: TestApp | null = null;
    try {
      const token = await queueOnly.adminToken();
      const client = new ImportClient(queueOnly.baseUrl, token);
      const queued = await client.upload('coordinators', '排队.xlsx', await workbook('coordinators', { 协调员: [coordinatorRow(), coordinatorRow()] }));
      const interrupted = await client.upload('coordinators', '中断.xlsx', await workbook('coordinators', { 协调员: [coordinatorRow()] }), 'ALL_OR_NOTHING');
      expect([queued.status, interrupted.status]).toEqual([202, 202]);
      // both are in the shared queue (the event), and this instance runs no worker to take them
      const inQueue = await queueOnly.sql(`select state from pgboss.job where data->>'importId' = any($1::text[])`, [[queued.body.id, interrupted.body.id]]);
      expect(inQueue.map((row) => row.state)).toEqual(['created', 'created']);
      expect((await client.json(`/api/imports/${queued.body.id}`)).body.status).toBe('QUEUED');
      // the second as an instance leaves it when it dies half way: a row staged, VALIDATING since
      // long ago, its queue entry up for a retry
      const [{ path }] = await queueOnly.sql(`select path from region where code = '220104'`);
      await queueOnly.sql(
        `insert into import_staging_coordinator (job_id, row_number, id_key, name, id_number_masked, category, affiliation, tripartite_or_grassroots, region_code, region_path, status)
         values ($1, 99, 'left-behind', '残留行', '2201**********0000', 1, 'OTHER', false, '220104', $2, 'ACTIVE')`,
        [interrupted.body.id, path],
      );
      await queueOnly.sql(`update import_job set status = 'VALIDATING', rows_parsed = 1, updated_at = now() - interval '20 minutes' where id = $1`, [interrupted.body.id]);
      await queueOnly.sql(`update pgboss.job set state = 'retry', retry_count = 1 where data->>'importId' = $1`, [interrupted.body.id]);
      const before = (await queueOnly.sql(`select count(*)::int as count from coordinator`))[0].count as number;
      await queueOnly.close();

      runner = await startTestApp({}, { databaseUrl: database.url });
      // (the session lives in the database: the token from the first instance works here)
      const runnerClient = new ImportClient(runner.baseUrl, token);
      expect(await runnerClient.wait(queued.body.id)).toMatchObject({ status: 'VALIDATED', counts: { new: 2, updated: 0, unchanged: 0, invalid: 0 } });
      const resumed = await runnerClient.wait(interrupted.body.id, ['COMMITTED', 'FAILED']);
      expect(resumed).toMatchObject({ status: 'COMMITTED', rowsWritten: 1, counts: { new: 1, invalid: 0 } });
      expect((await runner.sql(`select count(*)::int as count from coordinator`))[0].count).toBe(before + 1);
      expect(await runner.sql(`select 1 from coordinator where name = '残留行'`)).toEqual([]);
    } finally {
      await runner?.close();
      await database.drop();
    }
  });
});

describe('analytics', () => {
  it('reflects a committed import once the refresher has run', async () => {
    const year = chinaYear();
    const query = `query($y: Int!) { distribution(regionCode: "220100", year: $y) { regionCode coordinators } }`;
    const count = async () => {
      const result = await t.graphql<{ distribution: { regionCode: string; coordinators: number }[] }>(query, { y: year }, await t.adminToken());
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.distribution.find((row) => row.regionCode === '220104')?.coordinators ?? 0;
    };
    const before = await count();
    const uploaded = await admin.upload('coordinators', 'analytics.xlsx', await workbook('coordinators', { 协调员: [coordinatorRow(), coordinatorRow(), coordinatorRow()] }), 'ALL_OR_NOTHING');
    expect(uploaded.status).toBe(202);
    const job = await admin.wait(uploaded.body.id, ['COMMITTED', 'FAILED']);
    expect(job.status).toBe('COMMITTED');
    // the refresher runs after the commit's NOTIFY; the bound only keeps a broken one from hanging the suite
    const deadline = Date.now() + 60_000;
    let after = await count();
    while (after !== before + 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await count();
    }
    expect(after).toBe(before + 3);
  });
});

describe('export', () => {
  it('exports coordinators with title, masked ID numbers and totals, and the export re-imports without change', async () => {
    const buffer = await admin.download(`/api/exports/coordinators.xlsx?filter=${encodeURIComponent(JSON.stringify({ regionCode: '220104' }))}`);
    const book = await readWorkbook(buffer);
    const main = book.getWorksheet('协调员')!;
    expect(String(main.getCell('A1').value)).toMatch(/劳动关系协调员名册（地区：朝阳区.*生成时间/);
    expect(main.getCell('B2').value).toBe('姓名*');
    const [{ total }] = await t.sql(`select count(*)::int as total from coordinator where region_code = '220104'`);
    expect(main.getCell('C3').value).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const last = main.getRow(main.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(String(last.getCell(2).value)).toContain(`共 ${total} 人`);

    const job = await admin.dryRun('coordinators', '导出.xlsx', buffer);
    expect(job.counts).toEqual({ new: 0, updated: 0, unchanged: total, invalid: 0 });
  });

  it('reveals full ID numbers in an export only with a reason and a reveal role, and audits it', async () => {
    const forbidden = await admin.request(`/api/exports/enterprises.xlsx?revealReason=${encodeURIComponent('核对')}`);
    expect(forbidden.status).toBe(400);
    expect(forbidden.headers.get('content-disposition')).toBeNull();
    const buffer = await admin.download(`/api/exports/coordinators.xlsx?revealReason=${encodeURIComponent('核对名册')}`);
    const main = (await readWorkbook(buffer)).getWorksheet('协调员')!;
    expect(String(main.getCell('C3').value)).toMatch(/^\d{17}[\dX]$/);
    const [audit] = await t.sql(`select detail from audit_log where action = 'ID_NUMBER_REVEAL' and object_type = 'export'`);
    expect(audit.detail).toMatchObject({ reason: '核对名册', kind: 'coordinators' });
    const leader = new ImportClient(t.baseUrl, await signedInUser(t, await t.adminToken(), 'import_leader', 'LEADER', '220000'));
    const refused = await leader.request(`/api/exports/coordinators.xlsx?revealReason=${encodeURIComponent('核对名册')}`);
    expect(refused.status).toBe(403);
    // a full-ID export re-imports without change too
    const job = await admin.dryRun('coordinators', 'full.xlsx', buffer);
    expect(job.counts).toMatchObject({ new: 0, updated: 0, invalid: 0 });
  });

  it('exports the nominations list with its filter, title and totals', async () => {
    const buffer = await admin.download(`/api/exports/nominations.xlsx?filter=${encodeURIComponent(JSON.stringify({ campaignYear: 2025, tier: 'GOLD' }))}`);
    const sheet = (await readWorkbook(buffer)).getWorksheet('推荐名单')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/推荐名单（地区：吉林省；年度：2025；等级：金牌；生成时间/);
    expect(sheet.getCell('B2').value).toBe('年度');
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    const bad = await admin.json(`/api/exports/nominations.xlsx?filter=${encodeURIComponent(JSON.stringify({ tier: 'PLATINUM' }))}`);
    expect(bad).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
  });

  it('exports enterprises and uncovered large/medium enterprises; an enterprise export re-imports without change', async () => {
    const rows: Row[] = [
      { creditCode: makeCreditCode('91220104MA0000101'), name: '大型未覆盖公司', region: '220104', industryCode: 'C13', employees: 1500, revenue: 60000, assets: 90000, publicOwned: '否' },
      { creditCode: makeCreditCode('91220104MA0000102'), name: '小微公司', region: '朝阳区（220104）', industryCode: '5110', employees: 5, revenue: 20, publicOwned: '是', registeredOn: '2021年11月30日' },
      { creditCode: '91220104MA00001029', name: '校验码错误公司', region: '220104', industryCode: 'C13', employees: 5, revenue: 20, publicOwned: '否' },
      { creditCode: makeCreditCode('91220104MA0000101'), name: '重复的大型公司', region: '220104', industryCode: 'C13', employees: 1500, revenue: 60000, publicOwned: '否' },
    ];
    const job = await admin.dryRun('enterprises', '单位.xlsx', await workbook('enterprises', { 用人单位: rows }));
    expect(job.counts).toEqual({ new: 2, updated: 0, unchanged: 0, invalid: 2 });
    const errors = await admin.errors(job.id);
    expect(errors[0]).toMatchObject({ row: 4, column: '统一社会信用代码' });
    expect(errors).toContainEqual(expect.objectContaining({ row: 5, column: '统一社会信用代码', reason: '与第2行的统一社会信用代码重复' }));
    expect((await admin.commit(job.id, 'VALID_ONLY')).job?.status).toBe('COMMITTED');

    const uncovered = await readWorkbook(await admin.download('/api/exports/uncovered-enterprises.xlsx'));
    const sheet = uncovered.getWorksheet('用人单位')!;
    expect(String(sheet.getCell('A1').value)).toContain('未配备劳动关系协调员的大中型企业');
    const names = (sheet.getColumn(3).values as unknown[]).map(String);
    expect(names).toContain('大型未覆盖公司');
    expect(names).not.toContain('小微公司');

    const all = await admin.download('/api/exports/enterprises.xlsx');
    const [{ total }] = await t.sql(`select count(*)::int as total from enterprise where active`);
    const again = await admin.dryRun('enterprises', '单位导出.xlsx', all);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: total, invalid: 0 });
  });
});

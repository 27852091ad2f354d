import { addDays, todayIsoDate, WORK_RECORD_KINDS } from '@registry/domain';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { seededRandom } from '../support/seeded-random';
import { CREATE_COORDINATOR, coordinatorInput, idNumber } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { seedPair, signedInUser, type Seeded } from './access-helpers';

// 六(三) 工作情况 as a county office uses it: it records what its coordinators did (dated to the day
// or the month, the enterprise served, the outcome of a mediation), every write audited and bad
// input named; it reads the year's figures per region — disputes mediated, consultations, per
// coordinator and per 100 enterprises, active and silent coordinators — each equal to an
// independent count over the tables, with the lists behind them. Another county's records are
// exactly as missing as records that never existed, and a later move of a coordinator leaves
// the earlier figures as they were.

const TODAY = todayIsoDate();
const THIS_YEAR = Number(TODAY.slice(0, 4));
const LAST_YEAR = THIS_YEAR - 1;
const CHAOYANG = '220104';
const NANGUAN = '220102';
const CHANGCHUN = '220100';
const MISSING_ID = '987654321';
const RECORD = `id coordinatorId kind count recordedOn precision enterpriseId outcome description regionCode recordedBy recordedByName version
  coordinator { id } enterprise { id }`;
const ROW = `regionCode disputesMediated mediationsSucceeded consultations records coordinators activeCoordinators silentCoordinators enterprises
  disputesPerCoordinator consultationsPerCoordinator disputesPer100Enterprises consultationsPer100Enterprises byKind { kind records count }`;

/** The day a year is counted at: 31 December, today for this year. */
const yearDate = (year: number) => (year === THIS_YEAR ? TODAY : `${year}-12-31`);

describe('work records (六(三) 工作情况)', () => {
  let t: TestApp;
  let admin: string;
  let county: string;
  let nanguan: string;
  let township: string;
  let own: Seeded;
  let ownSecond: Seeded;
  let foreign: Seeded;
  let silentId: string;
  let firstRecord: { id: string; version: number };
  let foreignRecordId: string;
  const random = seededRandom('work-records');

  const shape = (answer: { errors?: { message: string; extensions?: Record<string, unknown> }[] }, typed: string) => ({
    code: answer.errors?.[0].extensions?.code,
    field: answer.errors?.[0].extensions?.field ?? null,
    message: answer.errors?.[0].message.split(typed).join('<id>'),
  });
  const create = (input: Record<string, unknown>, token = county) =>
    t.graphql(`mutation($input: CreateWorkRecordInput!) { createWorkRecord(input: $input) { ${RECORD} } }`, { input }, token);
  const update = (input: Record<string, unknown>, token = county) =>
    t.graphql(`mutation($input: UpdateWorkRecordInput!) { updateWorkRecord(input: $input) { ${RECORD} } }`, { input }, token);
  const figures = async (regionCode: string, year: number, token = county) => {
    const answer = await t.graphql(`query($r: String, $y: Int) { workFigures(regionCode: $r, year: $y) { regionCode year asOf total { ${ROW} } children { ${ROW} } } }`, { r: regionCode, y: year }, token);
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data!.workFigures;
  };

  /** The region codes within `code` on a date, from the tables (region_path_at), not from the API's tree. */
  const within = (alias: string, code: string, on: string) =>
    `region_path_at(${alias}, '${on}'::date) like region_path_at('${code}', '${on}'::date) || '%'`;

  /** The figures of a region and year counted straight from the tables. */
  async function expected(code: string, year: number) {
    const on = yearDate(year);
    const current = year === THIS_YEAR;
    const [records] = await t.sql(
      `select coalesce(sum(count) filter (where kind = 'DISPUTE_MEDIATED'), 0)::int as disputes,
         coalesce(sum(count) filter (where kind = 'DISPUTE_MEDIATED' and outcome = 'MEDIATED'), 0)::int as succeeded,
         coalesce(sum(count) filter (where kind = 'CONSULTATION'), 0)::int as consultations, count(*)::int as records
       from work_record where ${within('region_code', code, on)} and extract(year from recorded_on) = $1 and recorded_on <= $2::date`,
      [year, on],
    );
    const [people] = await t.sql(
      `select count(*)::int as coordinators,
         count(*) filter (where exists (select 1 from work_record w where w.coordinator_id = c.id
           and w.recorded_on > $1::date - interval '12 months' and w.recorded_on <= $1::date))::int as active
       from coordinator c join coordinator_assignment a on a.coordinator_id = c.id
       where ${within('a.region_code', code, on)}
         and ${current ? `a.valid_to is null and c.status = 'ACTIVE'` : `a.valid_from <= $1::date and (a.valid_to is null or a.valid_to >= $1::date) and c.joined_on <= $1::date and (c.left_on is null or c.left_on > $1::date)`}`,
      [on],
    );
    const [enterprises] = await t.sql(
      `select count(*)::int as enterprises from enterprise e where ${within('e.region_code', code, on)}
         and exists (select 1 from enterprise_period p where p.enterprise_id = e.id and p.open_from <= $1::date and (p.open_to is null or p.open_to >= $1::date))`,
      [on],
    );
    const per = (count: number, base: number, scale: number, digits: number) => (base > 0 ? Math.round((count * scale * 10 ** digits) / base) / 10 ** digits : null);
    return {
      regionCode: code,
      disputesMediated: records.disputes,
      mediationsSucceeded: records.succeeded,
      consultations: records.consultations,
      records: records.records,
      coordinators: people.coordinators,
      activeCoordinators: people.active,
      silentCoordinators: people.coordinators - people.active,
      enterprises: enterprises.enterprises,
      disputesPerCoordinator: per(records.disputes, people.coordinators, 1, 2),
      consultationsPerCoordinator: per(records.consultations, people.coordinators, 1, 2),
      disputesPer100Enterprises: per(records.disputes, enterprises.enterprises, 100, 1),
      consultationsPer100Enterprises: per(records.consultations, enterprises.enterprises, 100, 1),
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    county = await signedInUser(t, admin, 'chaoyang.work', 'COUNTY_OFFICE', CHAOYANG);
    nanguan = await signedInUser(t, admin, 'nanguan.work', 'COUNTY_OFFICE', NANGUAN);
    const [first] = await t.sql(`select code from region where parent_code = $1 and level = 'TOWNSHIP' order by code limit 1`, [CHAOYANG]);
    township = first.code;
    own = await seedPair(t, admin, township);
    ownSecond = await seedPair(t, admin, CHAOYANG);
    foreign = await seedPair(t, admin, NANGUAN);
    const silent = await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: idNumber('1979-03-03', 'FEMALE', CHAOYANG), regionCode: CHAOYANG }) }, admin);
    if (silent.errors) throw new Error(JSON.stringify(silent.errors));
    silentId = silent.data!.createCoordinator.id;
  });
  afterAll(async () => t?.close());

  it('records a mediation of its own coordinator, counted where the person is, audited and with its author', async () => {
    const created = await create({
      coordinatorId: own.coordinatorId,
      kind: 'DISPUTE_MEDIATED',
      count: 3,
      recordedOn: `${LAST_YEAR}-06-15`,
      enterpriseId: own.enterpriseId,
      outcome: 'MEDIATED',
      description: '工资争议，三方当场达成调解协议',
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createWorkRecord).toMatchObject({
      coordinatorId: own.coordinatorId,
      kind: 'DISPUTE_MEDIATED',
      count: 3,
      recordedOn: `${LAST_YEAR}-06-15`,
      precision: 'DAY',
      outcome: 'MEDIATED',
      regionCode: township,
      recordedByName: expect.any(String),
      version: 1,
      coordinator: { id: own.coordinatorId },
      enterprise: { id: own.enterpriseId },
    });
    firstRecord = created.data!.createWorkRecord;
    const [audit] = await t.sql(`select action, detail from audit_log where object_type = 'work_record' and object_id = $1`, [firstRecord.id]);
    expect(audit).toMatchObject({ action: 'WORK_RECORD_CREATE', detail: expect.objectContaining({ coordinatorId: own.coordinatorId, count: 3 }) });

    const month = await create({ coordinatorId: ownSecond.coordinatorId, kind: 'POLICY_PUBLICITY', count: 2, recordedOn: `${LAST_YEAR}-03`, precision: 'MONTH' });
    expect(month.errors).toBeUndefined();
    expect(month.data!.createWorkRecord).toMatchObject({ recordedOn: `${LAST_YEAR}-03-01`, precision: 'MONTH', regionCode: CHAOYANG, enterprise: null });

    const edited = await update({ id: firstRecord.id, version: 1, kind: 'DISPUTE_MEDIATED', count: 4, recordedOn: `${LAST_YEAR}-06-15`, outcome: 'REFERRED_TO_ARBITRATION' });
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateWorkRecord).toMatchObject({ count: 4, outcome: 'REFERRED_TO_ARBITRATION', enterpriseId: null, version: 2 });
    const stale = await update({ id: firstRecord.id, version: 1, kind: 'DISPUTE_MEDIATED', count: 5, recordedOn: `${LAST_YEAR}-06-15` });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const restored = await update({ id: firstRecord.id, version: 2, kind: 'DISPUTE_MEDIATED', count: 3, recordedOn: `${LAST_YEAR}-06-15`, outcome: 'MEDIATED', enterpriseId: own.enterpriseId });
    expect(restored.errors).toBeUndefined();
    firstRecord = restored.data!.updateWorkRecord;
    const actions = await t.sql(`select action from audit_log where object_type = 'work_record' and object_id = $1 order by id`, [firstRecord.id]);
    expect(actions.map((row: { action: string }) => row.action)).toEqual(['WORK_RECORD_CREATE', 'WORK_RECORD_UPDATE', 'WORK_RECORD_UPDATE']);
  });

  it('answers bad input with BAD_USER_INPUT naming the field', async () => {
    const base = { coordinatorId: own.coordinatorId, kind: 'CONSULTATION', count: 1, recordedOn: `${LAST_YEAR}-05-05` };
    const cases: [Record<string, unknown>, string][] = [
      [{ recordedOn: addDays(TODAY, 1) }, 'recordedOn'],
      [{ recordedOn: `${LAST_YEAR}-02-30` }, 'recordedOn'],
      [{ recordedOn: `${LAST_YEAR}-13`, precision: 'MONTH' }, 'recordedOn'],
      [{ count: -1 }, 'count'],
      [{ outcome: 'MEDIATED' }, 'outcome'],
      [{ enterpriseId: foreign.enterpriseId }, 'enterpriseId'],
      [{ coordinatorId: foreign.coordinatorId }, 'coordinatorId'],
    ];
    for (const [overrides, field] of cases) {
      const answer = await create({ ...base, ...overrides });
      expect({ overrides, extensions: answer.errors?.[0].extensions }).toMatchObject({ overrides, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    // an enterprise or a coordinator of another county is answered exactly like one that does not exist
    const foreignEnterprise = await create({ ...base, enterpriseId: foreign.enterpriseId });
    const missingEnterprise = await create({ ...base, enterpriseId: MISSING_ID });
    expect(shape(foreignEnterprise, foreign.enterpriseId)).toEqual(shape(missingEnterprise, MISSING_ID));
    const foreignPerson = await create({ ...base, coordinatorId: foreign.coordinatorId });
    const missingPerson = await create({ ...base, coordinatorId: MISSING_ID });
    expect(shape(foreignPerson, foreign.coordinatorId)).toEqual(shape(missingPerson, MISSING_ID));
    const [{ count }] = await t.sql(`select count(*)::int as count from work_record where recorded_on = $1`, [`${LAST_YEAR}-05-05`]);
    expect(count).toBe(0);
  });

  it("answers another county's record exactly like a missing one, and row-level security holds for it", async () => {
    const created = await create({ coordinatorId: foreign.coordinatorId, kind: 'CONSULTATION', count: 7, recordedOn: `${LAST_YEAR}-09-09` }, nanguan);
    expect(created.errors).toBeUndefined();
    foreignRecordId = created.data!.createWorkRecord.id;
    expect(created.data!.createWorkRecord.regionCode).toBe(NANGUAN);

    const read = async (id: string) => (await t.graphql(`query($id: ID!) { workRecord(id: $id) { id } }`, { id }, county)).data!.workRecord;
    expect(await read(foreignRecordId)).toBeNull();
    expect(await read(MISSING_ID)).toBeNull();
    const edit = (id: string) => update({ id, version: 1, kind: 'CONSULTATION', count: 1, recordedOn: `${LAST_YEAR}-09-09` });
    expect(shape(await edit(foreignRecordId), foreignRecordId)).toEqual(shape(await edit(MISSING_ID), MISSING_ID));
    const remove = (id: string) => t.graphql(`mutation($id: ID!) { deleteWorkRecord(id: $id, version: 1) }`, { id }, county);
    const removedForeign = await remove(foreignRecordId);
    expect(removedForeign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(shape(removedForeign, foreignRecordId)).toEqual(shape(await remove(MISSING_ID), MISSING_ID));
    const list = await t.graphql(`{ workRecords(limit: 100) { total items { id } } }`, {}, county);
    expect(list.data!.workRecords.items.map((row: { id: string }) => row.id)).not.toContain(foreignRecordId);
    const figure = await figures(NANGUAN, LAST_YEAR, county).catch((error: Error) => error.message);
    expect(String(figure)).toContain('BAD_USER_INPUT');

    // the database itself: under 朝阳区's scope the application role neither sees nor changes it
    const client = new Client({ connectionString: t.databaseUrl, options: '-c role=registry_app' });
    await client.connect();
    try {
      await client.query(`select set_config('app.scope_path', '220000/220100/220104/', false)`);
      expect((await client.query(`select * from work_record where id = $1`, [foreignRecordId])).rows).toEqual([]);
      expect((await client.query(`update work_record set count = 0 where id = $1`, [foreignRecordId])).rowCount).toBe(0);
      await expect(
        client.query(`insert into work_record (coordinator_id, kind, count, recorded_on) values ($1, 'OTHER', 1, '2024-01-01')`, [foreign.coordinatorId]),
      ).rejects.toThrow(/row-level security/);
      const visible = (await client.query(`select region_path from work_record`)).rows;
      expect(visible.length).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it('counts the figures of each region and year as the tables do, with the records and silent coordinators behind them', async () => {
    // a seeded spread over last year and this year for the two active people; the third has
    // worked only two years ago (silent now and last year)
    const old = await create({ coordinatorId: silentId, kind: 'TRAINING_GIVEN', count: 1, recordedOn: `${THIS_YEAR - 2}-02-10` });
    expect(old.errors).toBeUndefined();
    for (let index = 0; index < 24; index++) {
      const person = index % 2 === 0 ? own : ownSecond;
      const year = index % 3 === 0 ? THIS_YEAR : LAST_YEAR;
      const limit = year === THIS_YEAR ? TODAY : `${LAST_YEAR}-12-31`;
      const day = addDays(`${year}-01-01`, random.integer(0, Math.max(0, (Date.parse(limit) - Date.parse(`${year}-01-01`)) / 86_400_000)));
      const kind = WORK_RECORD_KINDS[random.integer(0, WORK_RECORD_KINDS.length - 1)];
      const answer = await create({
        coordinatorId: person.coordinatorId,
        kind,
        count: random.integer(0, 9),
        recordedOn: day,
        ...(kind === 'DISPUTE_MEDIATED' ? { outcome: random.next() < 0.6 ? 'MEDIATED' : 'NOT_MEDIATED' } : {}),
      });
      expect(answer.errors).toBeUndefined();
    }
    for (const year of [LAST_YEAR, THIS_YEAR]) {
      for (const code of [CHAOYANG, township]) {
        const read = await figures(code, year);
        expect({ code, year, ...read.total, byKind: undefined }).toEqual({ code, year, ...(await expected(code, year)), regionName: read.total.regionName, byKind: undefined });
        expect(read.asOf).toBe(yearDate(year));
        // the children (and 本级) add up to the region
        const sum = (key: 'records' | 'coordinators' | 'disputesMediated') => read.children.reduce((total: number, row: Record<string, number>) => total + row[key], 0);
        if (code === CHAOYANG) expect({ records: sum('records'), coordinators: sum('coordinators'), disputes: sum('disputesMediated') }).toEqual({ records: read.total.records, coordinators: read.total.coordinators, disputes: read.total.disputesMediated });

        const records = await t.graphql(`query($f: WorkRecordFilter) { workRecords(filter: $f, limit: 200) { total items { id recordedOn regionCode } } }`, { f: { regionCode: code, year } }, county);
        expect(records.data!.workRecords.total).toBe(read.total.records);
        const silent = await t.graphql(
          `query($r: String, $y: Int) { silentCoordinators(regionCode: $r, year: $y, limit: 100) { total items { coordinatorId lastRecordedOn } } }`,
          { r: code, y: year },
          county,
        );
        expect(silent.data!.silentCoordinators.total).toBe(read.total.silentCoordinators);
      }
      const chaoyang = await figures(CHAOYANG, year);
      expect(chaoyang.total.silentCoordinators).toBeGreaterThanOrEqual(1);
      const silent = await t.graphql(`query($y: Int) { silentCoordinators(regionCode: "${CHAOYANG}", year: $y, limit: 100) { items { coordinatorId lastRecordedOn } } }`, { y: year }, county);
      expect(silent.data!.silentCoordinators.items).toContainEqual({ coordinatorId: silentId, lastRecordedOn: `${THIS_YEAR - 2}-02-10` });
    }
    // the city sees the county among its children; a county may not read above itself
    const city = await figures(CHANGCHUN, LAST_YEAR, admin);
    expect(city.children.find((row: { regionCode: string }) => row.regionCode === CHAOYANG)).toMatchObject({ records: (await expected(CHAOYANG, LAST_YEAR)).records });
    await expect(figures(CHANGCHUN, LAST_YEAR, county)).rejects.toThrow(/BAD_USER_INPUT/);
    const future = await t.graphql(`{ workFigures(year: ${THIS_YEAR + 1}) { year } }`, {}, county);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('exports the records behind a figure and the silent coordinators as xlsx, within the jurisdiction', async () => {
    const download = async (kind: string, filter: Record<string, unknown>, token = county) => {
      const response = await fetch(`${t.baseUrl}/api/exports/${kind}.xlsx?filter=${encodeURIComponent(JSON.stringify(filter))}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) return { status: response.status, rows: [] as unknown[][] };
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const rows = (book.worksheets[0].getSheetValues().slice(3) as unknown[][]).map((row) => row.slice(1));
      return { status: 200, rows: rows.filter((row) => row[0] !== '合计') };
    };
    const read = await figures(CHAOYANG, LAST_YEAR);
    const records = await download('work-records', { regionCode: CHAOYANG, year: LAST_YEAR });
    expect(records.status).toBe(200);
    expect(records.rows).toHaveLength(read.total.records);
    expect(records.rows.reduce((sum: number, row) => sum + Number(row[3]), 0)).toBe(read.total.byKind.reduce((sum: number, kind: { count: number }) => sum + kind.count, 0));
    const silent = await download('silent-coordinators', { regionCode: CHAOYANG, year: LAST_YEAR });
    expect(silent.rows).toHaveLength(read.total.silentCoordinators);
    expect((await download('work-records', { regionCode: NANGUAN, year: LAST_YEAR })).status).toBe(400);
    expect((await download('silent-coordinators', { regionCode: NANGUAN })).status).toBe(400);
    expect((await download('work-records', { year: 'last' })).status).toBe(400);
    // without a region: the county's own only (another county's record is not in it)
    const all = await download('work-records', {}, nanguan);
    expect(all.rows.map((row) => row[1])).not.toContain(undefined);
    expect(all.rows).toHaveLength((await t.graphql(`{ workRecords { total } }`, {}, nanguan)).data!.workRecords.total);
  });

  it("keeps last year's figures when a coordinator later moves to another county; a back-dated move takes the records since", async () => {
    const before = { chaoyang: await figures(CHAOYANG, LAST_YEAR, admin), nanguan: await figures(NANGUAN, LAST_YEAR, admin) };
    const [{ version }] = await t.sql(`select version from coordinator where id = $1`, [own.coordinatorId]);
    const moved = await t.graphql(
      `mutation($input: UpdateCoordinatorInput!) { updateCoordinator(input: $input) { id regionCode } }`,
      { input: { id: own.coordinatorId, version, regionCode: NANGUAN, enterpriseId: foreign.enterpriseId } },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    expect(await figures(CHAOYANG, LAST_YEAR, admin)).toEqual(before.chaoyang);
    expect(await figures(NANGUAN, LAST_YEAR, admin)).toEqual(before.nanguan);
    expect((await figures(CHAOYANG, LAST_YEAR, admin)).total).toEqual({ ...(await expected(CHAOYANG, LAST_YEAR)), regionName: before.chaoyang.total.regionName, byKind: before.chaoyang.total.byKind });
    // the record stays counted (and listed) in 朝阳区; the person is now 南关区's to edit
    const listed = await t.graphql(`query($f: WorkRecordFilter) { workRecords(filter: $f, limit: 200) { items { id coordinator { id } } } }`, { f: { regionCode: CHAOYANG, year: LAST_YEAR } }, county);
    expect(listed.data!.workRecords.items).toContainEqual({ id: firstRecord.id, coordinator: null });
    const edit = await update({ id: firstRecord.id, version: firstRecord.version, kind: 'DISPUTE_MEDIATED', count: 1, recordedOn: `${LAST_YEAR}-06-15` });
    expect(edit.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const now = await create({ coordinatorId: own.coordinatorId, kind: 'CONSULTATION', count: 2, recordedOn: TODAY }, nanguan);
    expect(now.data!.createWorkRecord.regionCode).toBe(NANGUAN);

    // a back-dated move of the other person: the records from that day on follow the new assignment
    const since = `${THIS_YEAR}-01-01`;
    const [second] = await t.sql(`select version from coordinator where id = $1`, [ownSecond.coordinatorId]);
    const backdated = await t.graphql(
      `mutation($input: UpdateCoordinatorInput!) { updateCoordinator(input: $input) { id } }`,
      { input: { id: ownSecond.coordinatorId, version: second.version, regionCode: NANGUAN, enterpriseId: foreign.enterpriseId, effectiveFrom: since } },
      admin,
    );
    expect(backdated.errors).toBeUndefined();
    const regions = await t.sql(`select region_code, recorded_on >= $2::date as after from work_record where coordinator_id = $1`, [ownSecond.coordinatorId, since]);
    expect(regions.filter((row: { after: boolean }) => row.after).map((row: { region_code: string }) => row.region_code)).toEqual(regions.filter((row: { after: boolean }) => row.after).map(() => NANGUAN));
    expect(regions.filter((row: { after: boolean }) => !row.after).map((row: { region_code: string }) => row.region_code)).toEqual(regions.filter((row: { after: boolean }) => !row.after).map(() => CHAOYANG));
    expect(await figures(CHAOYANG, LAST_YEAR, admin)).toEqual(before.chaoyang);
    for (const code of [CHAOYANG, NANGUAN]) {
      const read = await figures(code, THIS_YEAR, admin);
      expect(read.total).toEqual({ ...(await expected(code, THIS_YEAR)), regionName: read.total.regionName, byKind: read.total.byKind });
    }
  });

  it("keeps the coordinator's work records through the sub-record API: a row with its id stays the same record", async () => {
    const person = async () =>
      (await t.graphql(`query($id: ID!) { coordinator(id: $id) { version workRecords { id kind count recordedOn precision recordedBy outcome } } }`, { id: silentId }, county)).data!.coordinator;
    const current = await person();
    expect(current.workRecords).toHaveLength(1);
    const [kept] = current.workRecords;
    const saved = await t.graphql(
      `mutation($input: UpdateCoordinatorInput!) { updateCoordinator(input: $input) { id } }`,
      {
        input: {
          id: silentId,
          version: current.version,
          workRecords: [
            { id: kept.id, kind: kept.kind, count: 2, recordedOn: kept.recordedOn },
            { kind: 'COLLECTIVE_NEGOTIATION', count: 1, recordedOn: `${LAST_YEAR}-11-15`, precision: 'MONTH' },
          ],
        },
      },
      county,
    );
    expect(saved.errors).toBeUndefined();
    const after = await person();
    expect(after.workRecords).toEqual(
      expect.arrayContaining([
        { ...kept, count: 2 },
        expect.objectContaining({ kind: 'COLLECTIVE_NEGOTIATION', recordedOn: `${LAST_YEAR}-11-01`, precision: 'MONTH', recordedBy: expect.any(String) }),
      ]),
    );
    expect(after.workRecords).toHaveLength(2);
    const foreignId = await t.graphql(
      `mutation($input: UpdateCoordinatorInput!) { updateCoordinator(input: $input) { id } }`,
      { input: { id: silentId, version: after.version, workRecords: [{ id: foreignRecordId, kind: 'OTHER', count: 1, recordedOn: `${LAST_YEAR}-01-01` }] } },
      county,
    );
    expect(foreignId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workRecords[0].id' });
  });
});

import { makeIdNumber, maskIdNumber } from '@registry/domain';
import { ID_NUMBER_PROBES_PER_DAY, PROBE_LIMIT_REACHED, REGISTERED_ELSEWHERE } from '../../api/src/coordinators/id-number-probes.service';
import { ImportClient, workbook, removeStoredUploads, type Row } from '../fixtures/imports/helpers';
import { CREATE_COORDINATOR, coordinatorInput } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { inBatches, signedInUser } from './access-helpers';

// Issue 13, critical: a county user must not recover a foreign coordinator's ID number or birth
// date through imports or the form. Each test is one finding as it was reproduced.

const FOREIGN_BIRTH = '1974-06-24';
let t: TestApp;
let admin: string;
let foreign: { id: string; idNumber: string };
let sequence = 700;

function mainRow(overrides: Row): Row {
  sequence += 1;
  return { name: `核对${sequence}`, region: '朝阳区（220104）', tripartite: '否', unitName: '长春测试单位', joinedOn: '2018-03-01', ...overrides };
}

async function createCoordinator(token: string, input: Record<string, unknown>) {
  return t.graphql(CREATE_COORDINATOR, { input: coordinatorInput(input) }, token);
}

async function countyUser(username: string): Promise<{ token: string; client: ImportClient; id: string }> {
  const token = await signedInUser(t, admin, username, 'COUNTY_OFFICE', '220104');
  const [row] = await t.sql<{ id: string }>(`select id::text from app_user where username = $1`, [username]);
  return { token, client: new ImportClient(t.baseUrl, token), id: row.id };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  const idNumber = makeIdNumber('220102', FOREIGN_BIRTH, 301, 'FEMALE');
  const created = await createCoordinator(admin, { regionCode: '220102', idNumber, name: '外县协调员' });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  foreign = { id: created.data!.createCoordinator.id, idNumber };
}, 60_000);

afterAll(async () => {
  if (t) await removeStoredUploads(t);
  await t?.close();
});

describe('imports answer a foreign record exactly like a missing one', () => {
  it('gives a masked number with a foreign 记录编号 the answer of a wrong mask and of a missing record', async () => {
    const { client } = await countyUser('oracle.masked');
    const masked = maskIdNumber(foreign.idNumber);
    const wrongMask = masked.slice(0, 14) + (masked.slice(14) === '0000' ? '1111' : '0000');
    const missingRef = '999999999';
    const file = await workbook('coordinators', {
      协调员: [
        mainRow({ idNumber: masked, ref: foreign.id }), // 2: the right mask of the foreign person
        mainRow({ idNumber: wrongMask, ref: foreign.id }), // 3: a wrong guess
        mainRow({ idNumber: masked, ref: missingRef }), // 4: no such record
      ],
    });
    const job = await client.dryRun('coordinators', '核对.xlsx', file);
    expect(job.status).toBe('VALIDATED');
    const errors = await client.errors(job.id);
    const reason = (row: number) => errors.filter((error) => error.row === row).map((error) => `${error.column}:${error.reason}`);
    expect(reason(2)).toEqual(reason(3));
    expect(reason(4)).toEqual(reason(2).map((text) => text.replace(foreign.id, missingRef)));
    expect(errors.map((error) => error.reason).join()).not.toContain('管辖范围以外');
  });

  it('leaks no foreign birth date through a sub-record sheet keyed by masked number and 记录编号', async () => {
    const { client } = await countyUser('oracle.subsheet');
    const masked = maskIdNumber(foreign.idNumber);
    const missingRef = '999999998';
    const certificate = { certOccupation: '劳动关系协调员', certLevel: 3, certIssuedOn: '1901-01-01' };
    const file = await workbook('coordinators', {
      协调员: [mainRow({ idNumber: masked, ref: foreign.id }), mainRow({ idNumber: masked, ref: missingRef })],
      证书: [
        { idNumber: masked, ref: foreign.id, ...certificate },
        { idNumber: masked, ref: missingRef, ...certificate },
      ],
    });
    const job = await client.dryRun('coordinators', '证书核对.xlsx', file);
    expect(job.status).toBe('VALIDATED');
    const errors = await client.errors(job.id);
    const texts = errors.map((error) => `${error.sheet}:${error.row}:${error.column}:${error.reason}`);
    expect(texts.join('\n')).not.toContain(FOREIGN_BIRTH);
    const of = (sheet: string, row: number) => errors.filter((error) => error.sheet === sheet && error.row === row).map((error) => `${error.column}:${error.reason}`);
    expect(of('证书', 2)).toEqual(of('证书', 3));
    expect(of('协调员', 3)).toEqual(of('协调员', 2).map((text) => text.replace(foreign.id, missingRef)));
  });
});

describe('full ID numbers registered elsewhere', () => {
  it('tells one of the 9 checksum candidates apart only as "registered, ask the province", audited, without region or data', async () => {
    const user = await countyUser('oracle.candidates');
    const sequenceOf = Number(foreign.idNumber.slice(14, 17));
    // the same area and birth date, every sequence of the same gender parity near the real one
    const candidates = Array.from({ length: 9 }, (_, index) => makeIdNumber('220102', FOREIGN_BIRTH, sequenceOf - 8 + index * 2, 'FEMALE'));
    expect(candidates).toContain(foreign.idNumber);
    const job = await user.client.dryRun('coordinators', '候选.xlsx', await workbook('coordinators', { 协调员: candidates.map((idNumber) => mainRow({ idNumber })) }));
    expect(job.status).toBe('VALIDATED');
    const errors = await user.client.errors(job.id);
    const elsewhere = errors.filter((error) => error.reason === REGISTERED_ELSEWHERE);
    expect(elsewhere.map((error) => error.row)).toEqual([candidates.indexOf(foreign.idNumber) + 2]);
    const all = errors.map((error) => error.reason).join('\n');
    for (const leak of ['220102', '南关', FOREIGN_BIRTH, '外县协调员', '管辖范围以外']) expect(all).not.toContain(leak);
    const audit = await t.sql<{ detail: Record<string, unknown> }>(
      `select detail from audit_log where action = 'ID_NUMBER_REGISTERED_ELSEWHERE' and user_id = $1`,
      [user.id],
    );
    expect(audit.map((row) => row.detail.idNumberMasked)).toEqual([maskIdNumber(foreign.idNumber)]);
    expect(JSON.stringify(audit)).not.toContain(foreign.idNumber);
  });

  it(`allows ${ID_NUMBER_PROBES_PER_DAY} such answers a day per user across imports and forms, then refuses and warns the province`, async () => {
    const user = await countyUser('oracle.budget');
    // numbers registered in Nanguan by the province
    const registered = await inBatches(
      Array.from({ length: ID_NUMBER_PROBES_PER_DAY + 1 }, (_, index) => async () => {
        const idNumber = makeIdNumber('220102', '1981-03-03', 400 + index * 2, 'FEMALE');
        const created = await createCoordinator(admin, { regionCode: '220102', idNumber });
        if (created.errors) throw new Error(JSON.stringify(created.errors));
        return idNumber;
      }),
      4,
    );
    // one through the form, the rest of the budget through an import
    const form = await createCoordinator(user.token, { idNumber: registered[0] });
    expect(form.errors?.[0]?.message).toBe(`idNumber: ${REGISTERED_ELSEWHERE}`);
    const rest = registered.slice(1, ID_NUMBER_PROBES_PER_DAY);
    const answered = await user.client.dryRun('coordinators', '额度.xlsx', await workbook('coordinators', { 协调员: rest.map((idNumber) => mainRow({ idNumber })) }));
    expect(answered.status).toBe('VALIDATED');
    expect((await user.client.errors(answered.id)).filter((error) => error.reason === REGISTERED_ELSEWHERE)).toHaveLength(rest.length);
    // the same file again costs nothing: those numbers were answered today already
    const again = await user.client.dryRun('coordinators', '额度.xlsx', await workbook('coordinators', { 协调员: rest.map((idNumber) => mainRow({ idNumber })) }));
    expect(again.status).toBe('VALIDATED');

    // budget used: a registered number and an unregistered one are refused alike
    const beyond = await user.client.dryRun('coordinators', '超额.xlsx', await workbook('coordinators', { 协调员: [mainRow({ idNumber: registered[ID_NUMBER_PROBES_PER_DAY] })] }));
    const fresh = await user.client.dryRun('coordinators', '新人.xlsx', await workbook('coordinators', { 协调员: [mainRow({ idNumber: makeIdNumber('220104', '1990-02-02', 88, 'FEMALE') })] }));
    expect([beyond.status, beyond.message]).toEqual(['FAILED', `file: ${PROBE_LIMIT_REACHED}`]);
    expect([fresh.status, fresh.message]).toEqual(['FAILED', `file: ${PROBE_LIMIT_REACHED}`]);
    const formBeyond = await createCoordinator(user.token, { idNumber: makeIdNumber('220104', '1990-02-02', 90, 'FEMALE') });
    expect(formBeyond.errors?.[0]?.message).toBe(`idNumber: ${PROBE_LIMIT_REACHED}`);
    // the numbers already answered today are still answered (nothing new is learnt)
    const formKnown = await createCoordinator(user.token, { idNumber: registered[0] });
    expect(formKnown.errors?.[0]?.message).toBe(`idNumber: ${REGISTERED_ELSEWHERE}`);

    const [{ answers }] = await t.sql<{ answers: number }>(
      `select count(*)::int as answers from audit_log where action = 'ID_NUMBER_REGISTERED_ELSEWHERE' and user_id = $1`,
      [user.id],
    );
    expect(answers).toBe(ID_NUMBER_PROBES_PER_DAY);
    // the warning: in the audit log of the province's auditors, not of the county's
    const provinceAuditor = await signedInUser(t, admin, 'oracle.audit.province', 'AUDITOR', '220000');
    const countyAuditor = await signedInUser(t, admin, 'oracle.audit.county', 'AUDITOR', '220104');
    const warnings = async (token: string) =>
      (
        await t.graphql(
          `query($u: String) { auditLogs(filter: { action: "ID_NUMBER_PROBE_LIMIT_WARNING", username: $u }) { total items { username detail } } }`,
          { u: 'oracle.budget' },
          token,
        )
      ).data?.auditLogs;
    const province = await warnings(provinceAuditor);
    expect(province.total).toBe(1);
    expect(JSON.stringify(province.items)).not.toMatch(/\d{17}[\dX]/);
    expect((await warnings(countyAuditor)).total).toBe(0);
  }, 120_000);

  it('gives createCoordinator the same single answer, and a duplicate in the jurisdiction its usual one', async () => {
    const user = await countyUser('oracle.form');
    const foreignAnswer = await createCoordinator(user.token, { idNumber: foreign.idNumber });
    expect(foreignAnswer.errors?.[0]?.message).toBe(`idNumber: ${REGISTERED_ELSEWHERE}`);
    expect(JSON.stringify(foreignAnswer)).not.toMatch(/220102|南关|1974/);
    const own = makeIdNumber('220104', '1986-07-07', 120, 'FEMALE');
    expect((await createCoordinator(user.token, { idNumber: own })).errors).toBeUndefined();
    const duplicate = await createCoordinator(user.token, { idNumber: own });
    expect(duplicate.errors?.[0]?.message).toBe('idNumber: 该身份证号码已登记为协调员');
    const [{ hits }] = await t.sql<{ hits: number }>(`select count(*)::int as hits from id_number_probe p join app_user u on u.id = p.user_id where u.username = 'oracle.form'`);
    expect(hits).toBe(1);
  });
});

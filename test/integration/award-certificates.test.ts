import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DataSource } from 'typeorm';
import { addDays, todayIsoDate } from '@registry/domain';
import { startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app';
import { dataSourceOptions } from '../../api/src/database/data-source';
import { CertificateVerification1765800000000 } from '../../api/src/database/migrations/1765800000000-CertificateVerification';
import { CREATE_COORDINATOR, coordinatorInput, idNumber } from '../support/fixtures';

// 四(二)3 and 六(五) through the real API: a published naming decision issues certificates with
// verification tokens; the named list and the verification answer without login, with only
// their fields; the certificate PDF carries a QR code that decodes to the verification URL; the
// province revokes a title with a reason; the public queries are rate-limited per address across
// two instances; and the migration gives decisions published before it their tokens.
// Needs pdftoppm (poppler-utils) for the QR check.

// Asynchronous on purpose: the app under test shares this process, and a blocked event loop
// makes the keep-alive connections of the next requests fail (ECONNRESET) on a busy machine.
const run = promisify(execFile);
const TODAY = todayIsoDate();
const YEAR = Number(TODAY.slice(0, 4));
const TOWNSHIP = '220104001';
const PUBLIC_BASE_URL = 'https://rsj.example.gov.cn/registry';

const VERIFY = `query($token: String!) { certificateVerification(token: $token) { valid revoked name tier year certificateNumber issuedBy issuedOn } }`;
const NAMED = `query($year: Int!, $tier: AwardTier, $search: String) {
  namedCoordinators(year: $year, tier: $tier, search: $search, limit: 100) {
    year total decision { year decisionDocument publishedOn gold silver bronze revoked }
    items { name unit reportingUnit tier certificateNumber }
  }
}`;

describe('the named list and verifiable certificates', () => {
  let t: TestApp;
  let admin: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let dir: string;

  async function ok<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const result = await t.graphql(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  }

  async function user(username: string, role: string, regionCode: string): Promise<string> {
    await ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { username, password: 'Initial#2025', role, regionCode, displayName: username },
    }, admin);
    const token = await t.login(username, 'Initial#2025');
    await ok(`mutation { changePassword(oldPassword: "Initial#2025", newPassword: "Better#2025x") }`, {}, token);
    return token;
  }

  const nominationOf = (id: string, token = admin) =>
    ok<{ nomination: { state: string; certificateNumber: string | null; verificationUrl: string | null; verificationCount: number | null; titleRevocation: { reason: string; revokedBy: string } | null } }>(
      `query($id: ID!) { nomination(id: $id) { state certificateNumber verificationUrl verificationCount titleRevocation { reason revokedBy revokedAt } } }`,
      { id },
      token,
    ).then((data) => data.nomination);
  const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'award-certificates-'));
    t = await startTestApp({ PUBLIC_BASE_URL, PUBLIC_REQUESTS_PER_MINUTE: '1000' });
    admin = await t.adminToken();
    tokens.township = await user('cert.qianjin', 'TOWNSHIP_PLATFORM', TOWNSHIP);
    tokens.county = await user('cert.chaoyang', 'COUNTY_OFFICE', '220104');
    tokens.city = await user('cert.changchun', 'CITY_OFFICE', '220100');
    await ok(`mutation($input: AwardCampaignInput!) { saveAwardCampaign(input: $input) { year } }`, {
      input: { year: YEAR, referenceDate: TODAY, submissionStart: addDays(TODAY, -30), submissionEnd: addDays(TODAY, 30), quotas: [{ regionCode: '220100', tier: 'GOLD', places: 3 }] },
    }, admin);
    const gold = {
      regionCode: TOWNSHIP,
      unitName: '长春市朝阳区前进街道劳动保障所',
      certificates: [{ occupation: '劳动关系协调员', level: 2, issuedOn: '2016-05-10' }],
      educations: [{ level: 'BACHELOR', major: '人力资源管理' }],
      workPeriods: [{ start: '2012-03-01', end: null, occupation: '劳动关系协调员' }],
    };
    const people = [
      ['zhang', '张晓明', '1980-02-01'],
      ['ouyang', '欧阳娜娜', '1981-02-01'],
      ['li', '李四', '1982-02-01'],
    ] as const;
    for (const [key, name, birth] of people) {
      const created = await ok(CREATE_COORDINATOR, { input: coordinatorInput({ ...gold, name, idNumber: idNumber(birth, 'FEMALE') }) }, tokens.township);
      const nominated = await ok(`mutation($input: NominateInput!) { nominate(input: $input) { id } }`, {
        input: { coordinatorId: created.createCoordinator.id, tier: 'GOLD', campaignYear: YEAR, attestations: ['四(一)1(1)', '工作业绩'] },
      }, tokens.township);
      ids[key] = nominated.nominate.id;
      await ok(`mutation($id: ID!, $s: Date!) { startPublicity(id: $id, start: $s) { id } }`, { id: ids[key], s: addDays(TODAY, -21) }, tokens.township);
      await ok(`mutation($id: ID!) { declareNomination(id: $id) { id } }`, { id: ids[key] }, tokens.township);
      await ok(`mutation($id: ID!) { forwardNomination(id: $id) { id } }`, { id: ids[key] }, tokens.county);
      await ok(`mutation($id: ID!) { forwardNomination(id: $id) { id } }`, { id: ids[key] }, tokens.city);
    }
  }, 120_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('shows no named list and no link before the decision is published', async () => {
    const before = await ok(NAMED, { year: YEAR });
    expect(before.namedCoordinators).toMatchObject({ year: YEAR, total: 0, decision: null, items: [] });
    expect((await nominationOf(ids.zhang)).verificationUrl).toBeNull();
  });

  it('issues a certificate with an unguessable verification link for every named nomination on publication', async () => {
    await ok(`mutation($input: DecisionInput!) { decideNominations(input: $input) { id } }`, {
      input: { campaignYear: YEAR, tier: 'GOLD', namedIds: [ids.zhang, ids.ouyang] },
    }, admin);
    await ok(`mutation { publishNamingDecision(year: ${YEAR}, decisionDocument: "吉三方办〔${YEAR}〕9号") { publishedAt } }`, {}, admin);
    const zhang = await nominationOf(ids.zhang, tokens.township);
    const ouyang = await nominationOf(ids.ouyang, tokens.township);
    expect(zhang.state).toBe('NAMED');
    expect(zhang.verificationUrl).toMatch(new RegExp(`^${PUBLIC_BASE_URL}/verify/[A-Za-z0-9_-]{27}$`));
    // 27 base64url characters: 160 random bits
    expect(Buffer.from(tokenOf(zhang.verificationUrl!), 'base64url')).toHaveLength(20);
    expect(tokenOf(zhang.verificationUrl!)).not.toBe(tokenOf(ouyang.verificationUrl!));
    expect((await nominationOf(ids.li)).verificationUrl).toBeNull(); // NOT_NAMED
    const rows = await t.sql(`select holder_name, holder_unit, tier, campaign_year from award_certificate order by certificate_number`);
    expect(rows).toEqual([
      { holder_name: '张晓明', holder_unit: '长春市朝阳区前进街道劳动保障所', tier: 'GOLD', campaign_year: YEAR },
      { holder_name: '欧阳娜娜', holder_unit: '长春市朝阳区前进街道劳动保障所', tier: 'GOLD', campaign_year: YEAR },
    ]);
  });

  it('lists the named of a published year without login: name, unit, reporting unit, tier and number only', async () => {
    const response = await t.graphql(NAMED, { year: YEAR });
    expect(response.errors).toBeUndefined();
    const page = response.data!.namedCoordinators;
    expect(page.decision).toMatchObject({ year: YEAR, decisionDocument: `吉三方办〔${YEAR}〕9号`, gold: 2, silver: 0, bronze: 0, revoked: 0 });
    expect(page.items).toEqual([
      { name: '张晓明', unit: '长春市朝阳区前进街道劳动保障所', reportingUnit: '长春市', tier: 'GOLD', certificateNumber: `${YEAR}-G-001` },
      { name: '欧阳娜娜', unit: '长春市朝阳区前进街道劳动保障所', reportingUnit: '长春市', tier: 'GOLD', certificateNumber: `${YEAR}-G-002` },
    ]);
    expect(JSON.stringify(response)).not.toMatch(/\d{6}(19|20)\d{2}|\*{4}/); // no ID number, whole or masked
    expect((await ok(NAMED, { year: YEAR, search: '欧阳' })).namedCoordinators.total).toBe(1);
    expect((await ok(NAMED, { year: YEAR, tier: 'SILVER' })).namedCoordinators.items).toEqual([]);
    const decisions = await ok(`{ namingDecisions { year gold } }`, {});
    expect(decisions.namingDecisions).toEqual([{ year: YEAR, gold: 2 }]);
    const badYear = (await t.graphql(NAMED, { year: 1900 })).errors![0];
    expect(badYear.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('verifies a certificate without login, the name masked, and counts every verification', async () => {
    const url = (await nominationOf(ids.ouyang)).verificationUrl!;
    const answer = await ok(VERIFY, { token: tokenOf(url) });
    expect(answer.certificateVerification).toEqual({
      valid: true,
      revoked: false,
      name: '欧阳*娜',
      tier: 'GOLD',
      year: YEAR,
      certificateNumber: `${YEAR}-G-002`,
      issuedBy: '吉林省协调劳动关系三方委员会办公室',
      issuedOn: TODAY,
    });
    await ok(VERIFY, { token: tokenOf(url) });
    expect((await nominationOf(ids.ouyang)).verificationCount).toBe(2);
    const counts = await ok(`query { certificateVerificationCounts(campaignYear: ${YEAR}) { day certificateNumber count } }`, {}, admin);
    expect(counts.certificateVerificationCounts).toEqual([{ day: TODAY, certificateNumber: `${YEAR}-G-002`, count: 2 }]);
    const cityCounts = (await t.graphql(`query { certificateVerificationCounts(campaignYear: ${YEAR}) { count } }`, {}, tokens.city)).errors![0];
    expect(cityCounts.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers an unknown token with valid: false and nothing else, and counts it without a certificate', async () => {
    const unknown = await ok(VERIFY, { token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.certificateVerification).toEqual({ valid: false, revoked: false, name: null, tier: null, year: null, certificateNumber: null, issuedBy: null, issuedOn: null });
    await ok(VERIFY, { token: 'x'.repeat(5000) });
    const [row] = await t.sql(`select count from certificate_verification_count where nomination_id is null and day = $1`, [TODAY]);
    expect(row.count).toBe(2);
    // counted per certificate and day, never per verifier: no column could hold an address
    const columns = await t.sql(`select column_name from information_schema.columns where table_name in ('certificate_verification_count', 'public_request_count') order by 1`);
    expect(columns.map((column) => column.column_name)).toEqual(['client_key', 'count', 'count', 'day', 'nomination_id', 'window_start']);
    const keys = await t.sql(`select client_key from public_request_count`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.client_key).not.toContain('127.0.0.1');
  });

  it('prints a QR code on the certificate that decodes to the verification URL', async () => {
    const url = (await nominationOf(ids.zhang)).verificationUrl!;
    const response = await fetch(`${t.baseUrl}/api/awards/nominations/${ids.zhang}/certificate.pdf`, { headers: { authorization: `Bearer ${tokens.township}` } });
    expect(response.status).toBe(200);
    const pdf = join(dir, 'certificate.pdf');
    writeFileSync(pdf, Buffer.from(await response.arrayBuffer()));
    // the lower left corner at 150 dpi, where the code is printed (decoding a whole page takes seconds)
    await run('pdftoppm', ['-f', '1', '-l', '1', '-r', '150', '-x', '150', '-y', '850', '-W', '400', '-H', '340', '-png', '-singlefile', pdf, join(dir, 'certificate')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'certificate.png')));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(url);
    const { stdout: text } = await run('pdftotext', ['-f', '1', '-l', '1', pdf, '-']);
    expect(text).toContain('扫码核验');
  });

  it('lets only the province revoke a title, with a reason, recorded and audited', async () => {
    const revoke = (id: string, reason: string, token: string) =>
      t.graphql(`mutation($id: ID!, $reason: String!) { revokeNamedTitle(nominationId: $id, reason: $reason) { id state titleRevocation { reason revokedBy } } }`, { id, reason }, token);
    expect((await revoke(ids.zhang, '处分记录', tokens.city)).errors![0].extensions?.code).toBe('FORBIDDEN');
    expect((await revoke(ids.zhang, ' ', admin)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await revoke(ids.li, '处分记录', admin)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nominationId' });
    expect((await revoke('999999', '处分记录', admin)).errors![0].extensions?.code).toBe('NOT_FOUND');
    const url = (await nominationOf(ids.zhang)).verificationUrl!;
    const revoked = await revoke(ids.zhang, `${YEAR}年受到警告处分，不再符合四(一)1(3)`, admin);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeNamedTitle).toMatchObject({ state: 'NAMED', titleRevocation: { reason: `${YEAR}年受到警告处分，不再符合四(一)1(3)`, revokedBy: 'admin' } });
    expect((await revoke(ids.zhang, '再次撤销', admin)).errors![0].message).toContain('已撤销');

    const [audit] = await t.sql(`select username, detail from audit_log where action = 'AWARD_TITLE_REVOKE' and object_id = $1`, [ids.zhang]);
    expect(audit).toMatchObject({ username: 'admin', detail: { certificateNumber: `${YEAR}-G-001` } });
    const [event] = await t.sql(`select actor_username, reason from nomination_event where nomination_id = $1 and action = 'REVOKE'`, [ids.zhang]);
    expect(event.actor_username).toBe('admin');
    expect(event.reason).toContain('警告处分');

    // verification: like an unknown token but for the flag
    const answer = (await ok(VERIFY, { token: tokenOf(url) })).certificateVerification;
    const unknown = (await ok(VERIFY, { token: 'BBBBBBBBBBBBBBBBBBBBBBBBBBB' })).certificateVerification;
    expect(answer).toEqual({ ...unknown, revoked: true });
    // the public list leaves it out and counts it
    const page = (await ok(NAMED, { year: YEAR })).namedCoordinators;
    expect(page.items.map((item: { name: string }) => item.name)).toEqual(['欧阳娜娜']);
    expect(page.decision).toMatchObject({ gold: 1, revoked: 1 });
    // and no certificate is printed for it any more
    const pdf = await fetch(`${t.baseUrl}/api/awards/nominations/${ids.zhang}/certificate.pdf`, { headers: { authorization: `Bearer ${admin}` } });
    expect(pdf.status).toBe(400);
    expect((await pdf.json()).message).toContain('撤销');
  });

  it('limits the public queries per address across instances and answers TOO_MANY_REQUESTS', async () => {
    const limit = 6;
    const first = await startTestApp({ PUBLIC_REQUESTS_PER_MINUTE: String(limit) }, { databaseUrl: t.databaseUrl });
    const second = await startTestApp({ PUBLIC_REQUESTS_PER_MINUTE: String(limit) }, { databaseUrl: t.databaseUrl });
    try {
      let refused: GraphQLResponse | null = null;
      // a run that straddles a minute boundary starts a new window: try again in the next one
      for (let attempt = 0; attempt < 3 && !refused; attempt += 1) {
        await t.sql(`delete from public_request_count`);
        const [{ started }] = await t.sql(`select date_trunc('minute', now()) as started`);
        const answers: GraphQLResponse[] = [];
        for (let index = 0; index < limit + 1; index += 1) {
          answers.push(await (index % 2 === 0 ? first : second).graphql(`{ namingDecisions { year } }`));
        }
        const [{ ended }] = await t.sql(`select date_trunc('minute', now()) as ended`);
        if (String(started) !== String(ended)) continue;
        expect(answers.slice(0, limit).every((answer) => !answer.errors)).toBe(true);
        refused = answers[limit];
      }
      expect(refused?.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      expect(refused?.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused?.errors?.[0].message).toContain('过于频繁');
      expect(refused?.data ?? null).toBeNull();
    } finally {
      await first.close();
      await second.close();
    }
  }, 60_000);

  it('gives the certificates of decisions published before the migration their tokens', async () => {
    const dataSource = new DataSource(dataSourceOptions(t.databaseUrl));
    await dataSource.initialize();
    try {
      const migration = new CertificateVerification1765800000000();
      const runner = dataSource.createQueryRunner();
      await migration.down(runner);
      await migration.up(runner);
      await runner.release();
    } finally {
      await dataSource.destroy();
    }
    const rows = await t.sql(`select nomination_id::text as id, verification_token as token from award_certificate order by nomination_id`);
    expect(rows.map((row) => row.id).sort()).toEqual([ids.zhang, ids.ouyang].sort());
    for (const row of rows) expect(Buffer.from(row.token, 'base64url')).toHaveLength(20);
    const answer = await ok(VERIFY, { token: rows.find((row) => row.id === ids.ouyang)!.token });
    expect(answer.certificateVerification).toMatchObject({ valid: true, name: '欧阳*娜' });
  });
});

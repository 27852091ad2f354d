import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@registry/domain';
import { CREATE_COORDINATOR, coordinatorInput, idNumber } from '../support/fixtures';
import { CampaignsService } from '../../api/src/awards/campaigns.service';
import { startTestApp, type TestApp } from '../support/test-app';

// A whole campaign through the real API: nominate → publicity → county → city → province →
// named, with a returned-and-resubmitted nomination, a quota refusal, a gold e nominee outside
// the quota, out-of-order and out-of-scope refusals, then the forms 附件2/附件3 and certificates.
// Needs `pdftoppm` and `pdftotext` (Debian package poppler-utils) for the PDF checks.

const TODAY = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
const TOWNSHIP = '220104001'; // 长春市朝阳区前进街道
const MEIHEKOU_TOWNSHIP = '220581001';

const NOMINATION_FIELDS = `id state tier quotaExempt currentOfficeCode reviewChain publicityStart publicityEnd certificateNumber
  provinceDecision openObjections rank eligibility { eligible quotaExempt pendingAttestations conditions { clause met reason } }`;

describe('gold, silver and bronze coordinators: a whole campaign', () => {
  let t: TestApp;
  let admin: string;
  const tokens: Record<string, string> = {};
  const people: Record<string, string> = {};
  const nominations: Record<string, string> = {};

  async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const result = await t.graphql(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  }

  async function refused(query: string, variables: Record<string, unknown>, token: string) {
    const result = await t.graphql(query, variables, token);
    expect(result.errors).toBeDefined();
    return result.errors![0];
  }

  async function user(username: string, role: string, regionCode: string): Promise<string> {
    await ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { username, password: 'Initial#2025', role, regionCode, displayName: username },
    }, admin);
    const token = await t.login(username, 'Initial#2025');
    await ok(`mutation { changePassword(oldPassword: "Initial#2025", newPassword: "Better#2025x") }`, {}, token);
    return token;
  }

  async function coordinator(token: string, overrides: Record<string, unknown>): Promise<string> {
    const data = await ok<{ createCoordinator: { id: string } }>(CREATE_COORDINATOR, { input: coordinatorInput(overrides) }, token);
    return data.createCoordinator.id;
  }

  const nominate = (token: string, coordinatorId: string, tier: string, attestations = ['四(一)1(1)', '工作业绩']) =>
    t.graphql(`mutation($input: NominateInput!) { nominate(input: $input) { ${NOMINATION_FIELDS} } }`, {
      input: { coordinatorId, tier, campaignYear: YEAR, attestations, achievements: '调解劳动争议 120 件，指导 30 家小微企业规范用工。' },
    }, token);
  const startPublicity = (id: string, start: string, token = tokens.township) =>
    t.graphql(`mutation($id: ID!, $start: Date!) { startPublicity(id: $id, start: $start) { ${NOMINATION_FIELDS} } }`, { id, start }, token);
  const declare = (id: string, token = tokens.township) =>
    t.graphql(`mutation($id: ID!) { declareNomination(id: $id) { ${NOMINATION_FIELDS} } }`, { id }, token);
  const forward = (id: string, token: string) =>
    t.graphql(`mutation($id: ID!) { forwardNomination(id: $id) { ${NOMINATION_FIELDS} } }`, { id }, token);

  /** nominate → publicity three weeks ago (ended) → declare: waiting at the first office. */
  async function declared(key: string, coordinatorId: string, tier = 'GOLD', token = tokens.township): Promise<string> {
    const created = await nominate(token, coordinatorId, tier);
    expect(created.errors).toBeUndefined();
    const id = created.data!.nominate.id;
    nominations[key] = id;
    expect((await startPublicity(id, addDays(TODAY, -21), token)).errors).toBeUndefined();
    const result = await declare(id, token);
    expect(result.errors).toBeUndefined();
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    tokens.township = await user('qianjin', 'TOWNSHIP_PLATFORM', TOWNSHIP);
    tokens.county = await user('chaoyang', 'COUNTY_OFFICE', '220104');
    tokens.otherCounty = await user('nanguan', 'COUNTY_OFFICE', '220102');
    tokens.city = await user('changchun', 'CITY_OFFICE', '220100');
    tokens.meihekou = await user('meihekou', 'CITY_OFFICE', '220581');
    tokens.meihekou2 = await user('meihekou2', 'CITY_OFFICE', '220581');

    await ok(`mutation($input: AwardCampaignInput!) { saveAwardCampaign(input: $input) { year } }`, {
      input: {
        year: YEAR,
        referenceDate: TODAY,
        submissionStart: addDays(TODAY, -30),
        submissionEnd: addDays(TODAY, 30),
        quotas: [
          { regionCode: '220100', tier: 'GOLD', places: 2 },
          { regionCode: '220100', tier: 'SILVER', places: 3 },
          { regionCode: '220581', tier: 'GOLD', places: 1 },
        ],
      },
    }, admin);

    const gold = {
      certificates: [{ occupation: '劳动关系协调员', level: 2, issuedOn: '2016-05-10' }],
      educations: [{ level: 'BACHELOR', major: '人力资源管理' }],
      workPeriods: [{ start: '2012-03-01', end: null, occupation: '劳动关系协调员' }],
      regionCode: TOWNSHIP,
    };
    people.a = await coordinator(tokens.township, { ...gold, name: '金甲', idNumber: idNumber('1980-02-01', 'FEMALE') });
    people.b = await coordinator(tokens.township, { ...gold, name: '金乙', idNumber: idNumber('1981-02-01', 'MALE') });
    people.d = await coordinator(tokens.township, { ...gold, name: '金丁', idNumber: idNumber('1982-02-01', 'MALE') });
    people.c = await coordinator(tokens.township, {
      name: '金丙',
      idNumber: idNumber('1979-03-01', 'FEMALE'),
      regionCode: TOWNSHIP,
      certificates: [],
      educations: [],
      workPeriods: [{ start: '2019-01-01', end: null, occupation: '劳动关系协调员' }],
      honors: [{ title: '全国构建和谐劳动关系先进个人', level: 'NATIONAL', awardedOn: '2022-04-28' }],
    });
    people.novice = await coordinator(tokens.township, {
      name: '新手',
      idNumber: idNumber('1995-03-01', 'MALE'),
      regionCode: TOWNSHIP,
      certificates: [],
      educations: [{ level: 'BACHELOR', major: '劳动法学' }],
      workPeriods: [{ start: addDays(TODAY, -4 * 365), end: null, occupation: '劳动关系协调员' }],
    });
    people.e = await coordinator(tokens.meihekou, { ...gold, regionCode: MEIHEKOU_TOWNSHIP, name: '梅戊', idNumber: idNumber('1983-02-01', 'MALE', '220581') });
  });
  afterAll(async () => t?.close());

  it('answers eligibility clause by clause, and NOT_FOUND outside the jurisdiction', async () => {
    const query = `query($id: ID!, $tier: AwardTier!, $asOf: Date!) { eligibility(coordinatorId: $id, tier: $tier, asOf: $asOf) {
      eligible quotaExempt pendingAttestations serviceYears { years } conditions { clause met reason } } }`;
    const gold = (await ok(query, { id: people.a, tier: 'GOLD', asOf: TODAY }, tokens.township)).eligibility;
    expect(gold.eligible).toBe(true);
    expect(gold.quotaExempt).toBe(false);
    expect(gold.conditions.find((c: { clause: string }) => c.clause === '四(一)2(3)a').met).toBe(true);
    expect(gold.pendingAttestations).toContain('四(一)1(1)');
    const exempt = (await ok(query, { id: people.c, tier: 'GOLD', asOf: TODAY }, tokens.township)).eligibility;
    expect(exempt.quotaExempt).toBe(true);
    const outside = await refused(query, { id: people.a, tier: 'GOLD', asOf: TODAY }, tokens.otherCounty);
    expect(outside.extensions?.code).toBe('NOT_FOUND');
  });

  it('uses the administrator table of related majors', async () => {
    const query = `query($id: ID!) { eligibility(coordinatorId: $id, tier: BRONZE, asOf: "${TODAY}") { eligible conditions { clause met reason } } }`;
    expect((await ok(query, { id: people.novice }, tokens.township)).eligibility.eligible).toBe(false);
    const notAllowed = await refused(`mutation { setEligibilityTableEntry(kind: RELATED_MAJOR, value: "劳动法学") { value } }`, {}, tokens.county);
    expect(notAllowed.extensions?.code).toBe('FORBIDDEN');
    const entries = await ok(`mutation { setEligibilityTableEntry(kind: RELATED_MAJOR, value: "劳动法学") { kind value source excluded } }`, {}, admin);
    expect(entries.setEligibilityTableEntry).toContainEqual({ kind: 'RELATED_MAJOR', value: '劳动法学', source: 'ADDED', excluded: false });
    const after = (await ok(query, { id: people.novice }, tokens.township)).eligibility;
    expect(after.eligible).toBe(true);
    expect(after.conditions.find((c: { clause: string }) => c.clause === '四(一)2(1)b').met).toBe(true);
  });

  it('computes the publicity window on the official calendar with 调休 and overrides', async () => {
    const window = (start: string) => ok(`query($s: Date!) { publicityWindow(start: $s) { start end workingDays } }`, { s: start }, tokens.township);
    // Thu 30 Sep 2021, then 1–7 October off, Fri 8 and the 调休 Saturday 9 October worked
    expect((await window('2021-09-30')).publicityWindow).toEqual({ start: '2021-09-30', end: '2021-10-12', workingDays: 5 });
    // the 调休 Sunday 26 September 2021 counts as the first day
    expect((await window('2021-09-26')).publicityWindow.end).toBe('2021-09-30');
    expect((await window('2021-11-22')).publicityWindow.end).toBe('2021-11-26');
    const forbidden = await refused(`mutation { setCalendarOverride(date: "2021-11-24", workday: false, note: "x") { date } }`, {}, tokens.county);
    expect(forbidden.extensions?.code).toBe('FORBIDDEN');
    await ok(`mutation { setCalendarOverride(date: "2021-11-24", workday: false, note: "地方假日") { date workday } }`, {}, admin);
    expect((await window('2021-11-22')).publicityWindow.end).toBe('2021-11-29');
    await ok(`mutation { removeCalendarOverride(date: "2021-11-24") }`, {}, admin);
    expect((await window('2021-11-22')).publicityWindow.end).toBe('2021-11-26');
  });

  it('refuses an ineligible nomination, naming the failing clause', async () => {
    const result = await nominate(tokens.township, people.c, 'SILVER');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('四(一)2(2)');
  });

  it('refuses steps out of order: declaring before the publicity, during it, with an open objection', async () => {
    const created = await nominate(tokens.township, people.a, 'GOLD');
    expect(created.errors).toBeUndefined();
    const nomination = created.data!.nominate;
    nominations.a = nomination.id;
    expect(nomination).toMatchObject({ state: 'NOMINATED', reviewChain: ['220104', '220100', '220000'] });

    const early = (await declare(nomination.id)).errors![0];
    expect(early.extensions?.field).toBe('state');
    expect(early.message).toContain('已推荐');

    const started = (await startPublicity(nomination.id, addDays(TODAY, -21))).data!.startPublicity;
    expect(started.state).toBe('IN_PUBLICITY');
    expect(started.publicityEnd > started.publicityStart).toBe(true);
    const objected = await ok(`mutation($input: ObjectionInput!) { recordObjection(input: $input) { openObjections objections { id } } }`, {
      input: { nominationId: nomination.id, content: '群众反映其调解案件数量不实', objector: '匿名', raisedOn: addDays(TODAY, -19) },
    }, tokens.township);
    expect(objected.recordObjection.openObjections).toBe(1);
    const blocked = (await declare(nomination.id)).errors![0];
    expect(blocked.extensions?.field).toBe('objections');
    const objectionId = objected.recordObjection.objections[0].id;
    const resolved = await ok(`mutation($id: ID!) { resolveObjection(objectionId: $id, upheld: false, resolution: "经核实，调解台账与法院系统一致") { state openObjections } }`, { id: objectionId }, tokens.township);
    expect(resolved.resolveObjection).toEqual({ state: 'IN_PUBLICITY', openObjections: 0 });

    const done = (await declare(nomination.id)).data!.declareNomination;
    expect(done).toMatchObject({ state: 'UNDER_REVIEW', currentOfficeCode: '220104' });
  });

  it('refuses the declaration while the publicity runs', async () => {
    const created = await nominate(tokens.township, people.novice, 'BRONZE', ['四(一)1(1)', '工作业绩']);
    expect(created.errors).toBeUndefined();
    const id = created.data!.nominate.id;
    const started = (await startPublicity(id, TODAY)).data!.startPublicity;
    expect(started.publicityEnd > TODAY).toBe(true);
    const during = (await declare(id)).errors![0];
    expect(during.extensions?.field).toBe('publicityEnd');
    expect(during.message).toContain('公示期满后方可申报');
    const again = (await startPublicity(id, TODAY)).errors![0];
    expect(again.extensions?.field).toBe('state');
  });

  it('keeps each office to its own step and scope', async () => {
    const atCity = (await forward(nominations.a, tokens.city)).errors![0];
    expect(atCity.extensions?.code).toBe('FORBIDDEN');
    expect(atCity.message).toContain('朝阳区');
    const outside = (await forward(nominations.a, tokens.otherCounty)).errors![0];
    expect(outside.extensions?.code).toBe('NOT_FOUND');
    const hidden = await ok(`query($id: ID!) { nomination(id: $id) { id } }`, { id: nominations.a }, tokens.otherCounty);
    expect(hidden.nomination).toBeNull();
  });

  it('returns a nomination with a reason and takes it back resubmitted', async () => {
    const id = await declared('d', people.d);
    const returned = (await t.graphql(`mutation($id: ID!) { returnNomination(id: $id, reason: "主要事迹缺少具体数据") { state } }`, { id }, tokens.county)).data!;
    expect(returned.returnNomination.state).toBe('RETURNED');
    const noReason = await refused(`mutation($id: ID!) { returnNomination(id: $id, reason: " ") { state } }`, { id }, tokens.county);
    expect(noReason.extensions?.field).toBe('reason');
    const resubmitted = await ok(`mutation($id: ID!) { resubmitNomination(id: $id, achievements: "2023年以来调解劳动争议 86 件") { state currentOfficeCode } }`, { id }, tokens.township);
    expect(resubmitted.resubmitNomination).toEqual({ state: 'UNDER_REVIEW', currentOfficeCode: '220104' });
    const events = await ok(`query($id: ID!) { nomination(id: $id) { events { action fromState toState reason actorUsername } } }`, { id }, tokens.township);
    expect(events.nomination.events.map((e: { action: string }) => e.action)).toEqual(['NOMINATE', 'START_PUBLICITY', 'DECLARE', 'RETURN', 'RESUBMIT']);
    expect(events.nomination.events[3]).toMatchObject({ fromState: 'UNDER_REVIEW', toState: 'RETURNED', reason: '主要事迹缺少具体数据', actorUsername: 'chaoyang' });
  });

  it('forwards within the quota, refuses beyond it, and lets gold e pass outside it', async () => {
    await declared('b', people.b);
    await declared('c', people.c);
    for (const key of ['a', 'd', 'b', 'c']) expect((await forward(nominations[key], tokens.county)).errors).toBeUndefined();

    const queue = await ok(`query { reviewQueue(campaignYear: ${YEAR}, tier: GOLD) { officeCode level places used left items { id } } }`, {}, tokens.city);
    expect(queue.reviewQueue).toMatchObject({ officeCode: '220100', level: 'UNIT', places: 2, used: 0, left: 2 });
    expect(queue.reviewQueue.items).toHaveLength(4);
    const ranked = await ok(`mutation($ids: [ID!]!) { rankNominations(campaignYear: ${YEAR}, tier: GOLD, nominationIds: $ids) { items { id rank } } }`, {
      ids: [nominations.d, nominations.a, nominations.c, nominations.b],
    }, tokens.city);
    expect(ranked.rankNominations.items.map((item: { id: string }) => item.id)).toEqual([nominations.d, nominations.a, nominations.c, nominations.b]);

    expect((await forward(nominations.d, tokens.city)).errors).toBeUndefined();
    expect((await forward(nominations.a, tokens.city)).errors).toBeUndefined();
    const beyond = (await forward(nominations.b, tokens.city)).errors![0];
    expect(beyond.extensions?.field).toBe('quota');
    expect(beyond.message).toContain('名额已用完');
    const exempt = (await forward(nominations.c, tokens.city)).data!.forwardNomination;
    expect(exempt).toMatchObject({ quotaExempt: true, currentOfficeCode: '220000' });
    const after = await ok(`query { reviewQueue(campaignYear: ${YEAR}, tier: GOLD) { used left items { id } } }`, {}, tokens.city);
    expect(after.reviewQueue).toMatchObject({ used: 2, left: 0, items: [{ id: nominations.b }] });
  });

  it('refuses self-approval; 梅河口 forwards straight to the province', async () => {
    const id = await declared('e', people.e, 'GOLD', tokens.meihekou);
    const self = (await forward(id, tokens.meihekou)).errors![0];
    expect(self.extensions?.code).toBe('FORBIDDEN');
    expect(self.message).toContain('回避');
    const forwarded = (await forward(id, tokens.meihekou2)).data!.forwardNomination;
    expect(forwarded).toMatchObject({ reviewChain: ['220581', '220000'], currentOfficeCode: '220000' });
  });

  it('decides with more candidates than places (差额), publishes, numbers the certificates', async () => {
    const all = [nominations.a, nominations.d, nominations.e, nominations.c];
    const decide = (namedIds: string[]) =>
      t.graphql(`mutation($input: DecisionInput!) { decideNominations(input: $input) { id provinceDecision } }`, { input: { campaignYear: YEAR, tier: 'GOLD', namedIds } }, admin);
    const everyone = (await decide(all)).errors![0];
    expect(everyone.message).toContain('差额');
    const byCity = (await t.graphql(`mutation($input: DecisionInput!) { decideNominations(input: $input) { id } }`, { input: { campaignYear: YEAR, tier: 'GOLD', namedIds: [nominations.a] } }, tokens.city)).errors![0];
    expect(byCity.extensions?.code).toBe('FORBIDDEN');
    const decided = (await decide([nominations.a, nominations.e, nominations.c])).data!.decideNominations;
    expect(decided).toHaveLength(4);

    const published = await ok(`mutation { publishNamingDecision(year: ${YEAR}, decisionDocument: "吉三方办〔${YEAR}〕5号") { publishedAt decisionDocument } }`, {}, admin);
    expect(published.publishNamingDecision.publishedAt).toBeTruthy();
    const named = await ok(`query { nominations(campaignYear: ${YEAR}, tier: GOLD, limit: 50) { total items { id coordinatorName state certificateNumber } } }`, {}, admin);
    const byId = new Map(named.nominations.items.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(nominations.d)).toMatchObject({ state: 'NOT_NAMED', certificateNumber: null });
    expect(byId.get(nominations.b)).toMatchObject({ state: 'UNDER_REVIEW' });
    const numbers = [nominations.a, nominations.e, nominations.c].map((id) => (byId.get(id) as { certificateNumber: string }).certificateNumber);
    for (const number of numbers) expect(number).toMatch(new RegExp(`^${YEAR}-G-\\d{3,4}$`));
    expect(new Set(numbers).size).toBe(3);
    const late = (await forward(nominations.b, tokens.city)).errors![0];
    expect(late.message).toContain('名额已用完');

    const [event] = await t.sql(
      `select actor_username, from_state, to_state, reason from nomination_event where nomination_id = $1 and action = 'NAME'`,
      [nominations.a],
    );
    expect(event).toMatchObject({ actor_username: 'admin', from_state: 'UNDER_REVIEW', to_state: 'NAMED' });
    expect(event.reason).toContain(`${YEAR}-G-`);
  });

  it('seeds the demo campaign with 100 golds split across the 11 reporting units', async () => {
    const campaigns = t.app.get(CampaignsService);
    await expect(campaigns.seedDemoCampaign(2030, '2030-11-15')).resolves.toBe(true);
    await expect(campaigns.seedDemoCampaign(2030, '2030-11-15')).resolves.toBe(false);
    const { awardCampaign } = await ok(`query { awardCampaign(year: 2030) { submissionStart submissionEnd goldTarget quotas { regionCode tier places } } }`, {}, admin);
    expect(awardCampaign).toMatchObject({ submissionStart: '2030-10-20', submissionEnd: '2030-12-31', goldTarget: 100 });
    const gold = awardCampaign.quotas.filter((quota: { tier: string }) => quota.tier === 'GOLD');
    expect(gold).toHaveLength(11);
    expect(gold.reduce((sum: number, quota: { places: number }) => sum + quota.places, 0)).toBe(100);
    expect(gold.map((quota: { regionCode: string }) => quota.regionCode)).toEqual(expect.arrayContaining(['220581', '229900']));
  });

  describe('forms', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'awards-forms-'));
    });
    // AWARDS_KEEP_FORMS=1 keeps the rendered PDFs and PNGs to look at
    afterAll(() => (process.env.AWARDS_KEEP_FORMS ? console.log(`forms kept in ${dir}`) : rmSync(dir, { recursive: true, force: true })));

    const download = (path: string, token: string) => fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

    /** Renders page 1 to a grey PNG at 40 dpi and returns the share of dark pixels, and the page text. */
    function inspectPdf(body: Buffer, name: string): { ink: number; text: string } {
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, body);
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-gray', '-singlefile', file, join(dir, name)]);
      if (process.env.AWARDS_KEEP_FORMS) execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '80', '-singlefile', '-png', file, join(dir, name)]);
      const pgm = readFileSync(join(dir, `${name}.pgm`));
      // P5 header: magic, width, height, maxval, then one byte per pixel
      const header = pgm.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!;
      const pixels = pgm.subarray(header[0].length);
      let dark = 0;
      for (const value of pixels) if (value < 128) dark += 1;
      const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-']).toString('utf8');
      return { ink: dark / pixels.length, text };
    }

    it('prints 附件2 as a PDF with Chinese text and a masked ID number', async () => {
      const response = await download(`/api/awards/nominations/${nominations.a}/form.pdf`, tokens.city);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.subarray(0, 4).toString()).toBe('%PDF');
      const { ink, text } = inspectPdf(body, 'form');
      expect(ink).toBeGreaterThan(0.01);
      expect(text).toContain('劳动关系协调员推荐表');
      expect(text).toContain('金甲');
      expect(text).toContain('推荐单位意见');
      expect(text).toMatch(/\d{4}\*+\d{4}/);
    });

    it('prints the full ID number on 附件2 only for a reveal role with a reason, and audits it', async () => {
      const refused = await download(`/api/awards/nominations/${nominations.a}/form.pdf?revealReason=${encodeURIComponent('盖章报送')}`, tokens.township);
      expect(refused.status).toBe(403);
      const response = await download(`/api/awards/nominations/${nominations.a}/form.pdf?revealReason=${encodeURIComponent('盖章报送')}`, tokens.county);
      expect(response.status).toBe(200);
      const { text } = inspectPdf(Buffer.from(await response.arrayBuffer()), 'revealed');
      expect(text).toMatch(/220104\d{11}[\dX]/);
      const [audit] = await t.sql(`select username, detail from audit_log where action = 'ID_NUMBER_REVEAL' and object_id = $1`, [people.a]);
      expect(audit).toMatchObject({ username: 'chaoyang', detail: { reason: '盖章报送', form: '附件2' } });
    });

    it('gives 附件2 as xlsx, and 404 outside the jurisdiction', async () => {
      const response = await download(`/api/awards/nominations/${nominations.a}/form.xlsx`, tokens.county);
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const sheet = workbook.getWorksheet('推荐表')!;
      expect(String(sheet.getCell('A2').value)).toBe(`吉林省${YEAR}年度金牌劳动关系协调员推荐表`);
      expect(sheet.getCell('B4').value).toBe('金甲');
      const outside = await download(`/api/awards/nominations/${nominations.a}/form.xlsx`, tokens.otherCounty);
      expect(outside.status).toBe(404);
      expect((await download(`/api/awards/nominations/${nominations.a}/form.pdf`, '')).status).toBe(401);
    });

    it('sums up a unit in 附件3 (xlsx and PDF) in its ranking order', async () => {
      const response = await download(`/api/awards/campaigns/${YEAR}/units/220100/summary.xlsx`, tokens.city);
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const sheet = workbook.getWorksheet('汇总表')!;
      expect(String(sheet.getCell('A2').value)).toContain('长春市');
      const names = [5, 6, 7, 8].map((row) => sheet.getCell(`B${row}`).value);
      expect(names).toEqual(['金丁', '金甲', '金丙', '金乙']);
      expect(String(sheet.getCell('E5').value)).toContain('*');
      expect(sheet.getCell('L7').value).toBe('e类不占名额');

      const pdf = await download(`/api/awards/campaigns/${YEAR}/units/220100/summary.pdf`, admin);
      const { ink, text } = inspectPdf(Buffer.from(await pdf.arrayBuffer()), 'summary');
      expect(ink).toBeGreaterThan(0.005);
      expect(text).toContain('推荐汇总表');
      expect(text).toContain('填报单位（盖章）');
    });

    it('prints a certificate for the named only', async () => {
      const response = await download(`/api/awards/nominations/${nominations.a}/certificate.pdf`, tokens.township);
      expect(response.status).toBe(200);
      const { ink, text } = inspectPdf(Buffer.from(await response.arrayBuffer()), 'certificate');
      expect(ink).toBeGreaterThan(0.005);
      expect(text).toMatch(/荣\s*誉\s*证\s*书/);
      expect(text).toMatch(new RegExp(`${YEAR}-G-\\d{3}`));
      const notNamed = await download(`/api/awards/nominations/${nominations.d}/certificate.pdf`, tokens.township);
      expect(notNamed.status).toBe(400);
      expect((await notNamed.json()).message).toContain('尚未命名');
    });
  });
});

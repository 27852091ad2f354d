import { todayIsoDate } from '@registry/domain';
import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { creditCode } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { seedPair, signedInUser, type Seeded } from './access-helpers';

// 五 and 六(二) as a county office uses them: it registers a 培训机构 (credit code checked), runs a
// session, enrols its people, records results (a pass with a level becomes a certificate of the
// person), handles subsidy claims (applied → granted / refused with a reason), and reads the
// figures: people trained and certified per level, subsidies per kind and region, hours per
// person, and how many staff of the 六(二) priority employers were trained. Another county's
// records are exactly as missing as records that never existed.

const TODAY = todayIsoDate();
const YEAR = Number(TODAY.slice(0, 4));
const START = `${YEAR}-01-01`;
const MISSING_ID = '987654321';
const PARTICIPATION = `id result hours completedOn certificateLevel certificateNumber version coordinator { id name }`;

describe('training, certification and subsidies', () => {
  let t: TestApp;
  let admin: string;
  let county: string;
  let township: string;
  let own: Seeded;
  let ownSecond: Seeded;
  let foreign: Seeded;
  let providerId: string;
  let sessionId: string;
  let participations: Record<string, { id: string; version: number }>;

  const shape = (answer: { errors?: { message: string; extensions?: Record<string, unknown> }[] }, typed: string) => ({
    code: answer.errors?.[0].extensions?.code,
    field: answer.errors?.[0].extensions?.field ?? null,
    message: answer.errors?.[0].message.split(typed).join('<id>'),
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    county = await signedInUser(t, admin, 'chaoyang.training', 'COUNTY_OFFICE', '220104');
    const [first] = await t.sql(`select code from region where parent_code = '220104' and level = 'TOWNSHIP' order by code limit 1`);
    township = first.code;
    own = await seedPair(t, admin, township);
    ownSecond = await seedPair(t, admin, '220104');
    foreign = await seedPair(t, admin, '220102');
  });
  afterAll(async () => t?.close());

  const providerInput = (overrides: Record<string, unknown> = {}) => ({
    name: '长春市朝阳区职业技能培训学校',
    creditCode: creditCode('220104'),
    qualified: true,
    qualificationNote: '劳动关系协调员（师）培训资质',
    regionCode: '220104',
    ...overrides,
  });
  const createProvider = (input: Record<string, unknown>, token = county) =>
    t.graphql(`mutation($input: TrainingProviderInput!) { createTrainingProvider(input: $input) { id name creditCode qualified regionCode version } }`, { input }, token);
  const sessionInput = (overrides: Record<string, unknown> = {}) => ({
    providerId,
    title: `${YEAR} 年劳动关系协调员（四级）培训班`,
    startsOn: START,
    endsOn: TODAY,
    hours: 64,
    mode: 'BLENDED',
    targetLevel: 4,
    regionCode: '220104',
    ...overrides,
  });
  const createSession = (input: Record<string, unknown>, token = county) =>
    t.graphql(`mutation($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id title hours mode version provider { id name } } }`, { input }, token);
  const enroll = (session: string, coordinatorIds: string[], token = county) =>
    t.graphql(`mutation($input: EnrollParticipantsInput!) { enrollTrainingParticipants(input: $input) { ${PARTICIPATION} } }`, { input: { sessionId: session, coordinatorIds } }, token);
  const recordResult = (input: Record<string, unknown>, token = county) =>
    t.graphql(`mutation($input: TrainingResultInput!) { recordTrainingResult(input: $input) { ${PARTICIPATION} } }`, { input }, token);
  const apply = (input: Record<string, unknown>, token = county) =>
    t.graphql(`mutation($input: SubsidyClaimInput!) { applySubsidy(input: $input) { id kind amount state appliedOn version coordinator { id } } }`, { input }, token);
  const decide = (input: Record<string, unknown>, token = county) =>
    t.graphql(`mutation($input: SubsidyDecisionInput!) { decideSubsidy(input: $input) { id state decidedOn decisionNote version } }`, { input }, token);

  it('registers a provider with a checked credit code; a provider registered above the county is listed but read-only', async () => {
    const bad = await createProvider(providerInput({ creditCode: '91220104MA0000000X' }));
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    const input = providerInput();
    const created = await createProvider(input);
    expect(created.errors).toBeUndefined();
    providerId = created.data!.createTrainingProvider.id;
    const again = await createProvider(providerInput({ creditCode: input.creditCode, name: '另一家' }));
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    const city = await createProvider(providerInput({ name: '长春市职业培训中心', regionCode: '220100' }), admin);
    expect(city.errors).toBeUndefined();
    const list = await t.graphql(`{ trainingProviders(filter: { qualified: true }) { total items { name } } }`, {}, county);
    expect(list.data!.trainingProviders.items.map((p: { name: string }) => p.name).sort()).toEqual(['长春市朝阳区职业技能培训学校', '长春市职业培训中心'].sort());
    const edit = await t.graphql(
      `mutation($input: UpdateTrainingProviderInput!) { updateTrainingProvider(input: $input) { id } }`,
      { input: { ...providerInput({ name: '篡改', regionCode: '220104' }), id: city.data!.createTrainingProvider.id, version: 1 } },
      county,
    );
    expect(edit.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [audit] = await t.sql(`select action from audit_log where object_type = 'training_provider' and object_id = $1`, [providerId]);
    expect(audit.action).toBe('TRAINING_PROVIDER_CREATE');
  });

  it('runs a session, enrols people once, and records results; a pass with a level becomes the person’s certificate', async () => {
    const bad = await createSession(sessionInput({ endsOn: '2000-01-01' }));
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    const created = await createSession(sessionInput());
    expect(created.errors).toBeUndefined();
    sessionId = created.data!.createTrainingSession.id;
    expect(created.data!.createTrainingSession).toMatchObject({ hours: 64, mode: 'BLENDED', provider: { id: providerId } });
    const enrolled = await enroll(sessionId, [own.coordinatorId, ownSecond.coordinatorId]);
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data!.enrollTrainingParticipants).toHaveLength(2);
    // a second enrolment of the same people changes nothing
    expect((await enroll(sessionId, [own.coordinatorId])).data!.enrollTrainingParticipants).toHaveLength(1);
    participations = Object.fromEntries(enrolled.data!.enrollTrainingParticipants.map((p: { id: string; version: number; coordinator: { id: string } }) => [p.coordinator.id, p]));

    const noNumber = await recordResult({ id: participations[own.coordinatorId].id, version: 1, result: 'PASSED', certificateLevel: 4 });
    expect(noNumber.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'certificateNumber' });
    const passed = await recordResult({ id: participations[own.coordinatorId].id, version: 1, result: 'PASSED', certificateLevel: 4, certificateNumber: `${YEAR}-4-0001` });
    expect(passed.errors).toBeUndefined();
    expect(passed.data!.recordTrainingResult).toMatchObject({ result: 'PASSED', hours: 64, completedOn: TODAY, certificateLevel: 4, version: 2 });
    const stale = await recordResult({ id: participations[own.coordinatorId].id, version: 1, result: 'FAILED' });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const attended = await recordResult({ id: participations[ownSecond.coordinatorId].id, version: 1, result: 'ATTENDED', hours: 16 });
    expect(attended.errors).toBeUndefined();

    const person = await t.graphql(
      `query($id: ID!) { coordinator(id: $id) { certificates { level certificateNumber issuedOn } trainingHoursThisYear trainingParticipations { result session { title } } } }`,
      { id: own.coordinatorId },
      county,
    );
    expect(person.errors).toBeUndefined();
    expect(person.data!.coordinator.certificates).toEqual(expect.arrayContaining([expect.objectContaining({ level: 4, certificateNumber: `${YEAR}-4-0001`, issuedOn: TODAY })]));
    expect(person.data!.coordinator.trainingHoursThisYear).toBe(64);
    expect(person.data!.coordinator.trainingParticipations).toEqual([{ result: 'PASSED', session: { title: `${YEAR} 年劳动关系协调员（四级）培训班` } }]);

    const hours = await t.graphql(`query($year: Int!) { trainingHours(year: $year) { total items { coordinatorId hours sessions } } }`, { year: YEAR }, county);
    expect(hours.data!.trainingHours).toEqual({
      total: 2,
      items: [
        { coordinatorId: own.coordinatorId, hours: 64, sessions: 1 },
        { coordinatorId: ownSecond.coordinatorId, hours: 16, sessions: 1 },
      ],
    });
  });

  it('subsidy claims are applied, then granted, or refused only with a reason, once per training and kind', async () => {
    const participationId = participations[own.coordinatorId].id;
    const claim = await apply({ coordinatorId: own.coordinatorId, kind: 'VOCATIONAL_TRAINING', amount: 1200, appliedOn: TODAY, participationId });
    expect(claim.errors).toBeUndefined();
    expect(claim.data!.applySubsidy).toMatchObject({ state: 'APPLIED', amount: 1200 });
    const twice = await apply({ coordinatorId: own.coordinatorId, kind: 'VOCATIONAL_TRAINING', amount: 1200, appliedOn: TODAY, participationId });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    const granted = await decide({ id: claim.data!.applySubsidy.id, version: 1, granted: true, decidedOn: TODAY });
    expect(granted.data!.decideSubsidy).toMatchObject({ state: 'GRANTED', decidedOn: TODAY, version: 2 });
    const again = await decide({ id: claim.data!.applySubsidy.id, version: 2, granted: false, decidedOn: TODAY, note: '重复' });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const living = (await apply({ coordinatorId: own.coordinatorId, kind: 'LIVING_ALLOWANCE', amount: 300, appliedOn: TODAY, participationId })).data!.applySubsidy;
    const noReason = await decide({ id: living.id, version: 1, granted: false, decidedOn: TODAY });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const refused = await decide({ id: living.id, version: 1, granted: false, decidedOn: TODAY, note: '不符合生活费补贴发放条件' });
    expect(refused.data!.decideSubsidy).toMatchObject({ state: 'REFUSED', decisionNote: '不符合生活费补贴发放条件' });
    const upgrade = await apply({ coordinatorId: ownSecond.coordinatorId, kind: 'SKILL_UPGRADE', amount: 1500, appliedOn: TODAY });
    expect(upgrade.errors).toBeUndefined();

    const list = await t.graphql(`{ subsidyClaims(filter: { state: GRANTED }) { total items { kind amount coordinator { id } participation { id } } } }`, {}, county);
    expect(list.data!.subsidyClaims).toEqual({ total: 1, items: [{ kind: 'VOCATIONAL_TRAINING', amount: 1200, coordinator: { id: own.coordinatorId }, participation: { id: participationId } }] });
    const audit = await t.sql(`select action from audit_log where object_type = 'subsidy_claim' order by id`);
    expect(audit.map((row) => row.action)).toEqual(['SUBSIDY_APPLY', 'SUBSIDY_GRANT', 'SUBSIDY_APPLY', 'SUBSIDY_REFUSE', 'SUBSIDY_APPLY']);
  });

  it('figures: trained and certified per level and year, subsidies per kind and child region, the priority group', async () => {
    // the first person's employer has two incidents this year: a 六(二) priority employer
    const [employer] = await t.sql(`select version from enterprise where id = $1`, [own.enterpriseId]);
    const flagged = await t.graphql(
      `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }`,
      { input: { id: own.enterpriseId, version: employer.version, incidents: [{ kind: '劳动争议', occurredOn: TODAY }, { kind: '违反劳动保障法律法规', occurredOn: START }] } },
      admin,
    );
    expect(flagged.errors).toBeUndefined();
    const answer = await t.graphql(
      `query($year: Int!) { trainingFigures(regionCode: "220104", fromYear: $year, toYear: $year, minIncidents: 2) {
          years { year trainedPeople trainingHours certified { level people } }
          subsidies { regionCode kind granted grantedAmount applied refused }
          priorityGroup { enterprises staff trainedStaff minIncidents } } }`,
      { year: YEAR },
      county,
    );
    expect(answer.errors).toBeUndefined();
    const figures = answer.data!.trainingFigures;
    // certificates per level come from every certificate of the registry issued in the year
    const [expectedLevel4] = await t.sql(
      `select count(distinct k.coordinator_id)::int as people from certificate k join coordinator c on c.id = k.coordinator_id
       where c.region_path like '220000/220100/220104/%' and k.level = 4 and extract(year from k.issued_on) = $1`,
      [YEAR],
    );
    expect(figures.years).toEqual([
      expect.objectContaining({ year: YEAR, trainedPeople: 2, trainingHours: 80 }),
    ]);
    expect(figures.years[0].certified.find((entry: { level: number }) => entry.level === 4).people).toBe(expectedLevel4.people);
    expect(expectedLevel4.people).toBeGreaterThanOrEqual(1);
    const ofTownship = figures.subsidies.filter((row: { regionCode: string }) => row.regionCode === township);
    expect(ofTownship).toEqual(
      expect.arrayContaining([
        { regionCode: township, kind: 'VOCATIONAL_TRAINING', granted: 1, grantedAmount: 1200, applied: 0, refused: 0 },
        { regionCode: township, kind: 'LIVING_ALLOWANCE', granted: 0, grantedAmount: 0, applied: 0, refused: 1 },
      ]),
    );
    // the second person is registered at the county itself: the county's own level has a row
    expect(figures.subsidies).toContainEqual({ regionCode: '220104', kind: 'SKILL_UPGRADE', granted: 0, grantedAmount: 0, applied: 1, refused: 0 });
    expect(figures.priorityGroup).toEqual({ enterprises: 1, staff: 1, trainedStaff: 1, minIncidents: 2 });
    const stricter = await t.graphql(`query($year: Int!) { trainingFigures(regionCode: "220104", toYear: $year, minIncidents: 3) { priorityGroup { enterprises } } }`, { year: YEAR }, county);
    expect(stricter.data!.trainingFigures.priorityGroup.enterprises).toBe(0);
  });

  describe('outside the jurisdiction', () => {
    let foreignSession: string;
    let foreignParticipation: string;

    beforeAll(async () => {
      const provider = await createProvider(providerInput({ name: '南关区培训学校', regionCode: '220102', creditCode: creditCode('220102') }), admin);
      const session = await t.graphql(
        `mutation($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id } }`,
        { input: sessionInput({ providerId: provider.data!.createTrainingProvider.id, regionCode: '220102', title: '南关区培训班' }) },
        admin,
      );
      foreignSession = session.data!.createTrainingSession.id;
      foreignParticipation = (await enroll(foreignSession, [foreign.coordinatorId], admin)).data!.enrollTrainingParticipants[0].id;
    });

    it('a session, a participation, a person of another county answer exactly as missing ones', async () => {
      const read = await t.graphql(`query($a: ID!, $b: ID!) { a: trainingSession(id: $a) { id } b: trainingSession(id: $b) { id } }`, { a: foreignSession, b: MISSING_ID }, county);
      expect(read.data).toEqual({ a: null, b: null });
      const list = await t.graphql(`{ trainingSessions(filter: { search: "南关" }) { total } }`, {}, county);
      expect(list.data!.trainingSessions.total).toBe(0);
      expect(shape(await enroll(foreignSession, [own.coordinatorId]), foreignSession)).toEqual(shape(await enroll(MISSING_ID, [own.coordinatorId]), MISSING_ID));
      expect(shape(await enroll(sessionId, [foreign.coordinatorId]), foreign.coordinatorId)).toEqual(shape(await enroll(sessionId, [MISSING_ID]), MISSING_ID));
      const outside = await recordResult({ id: foreignParticipation, version: 1, result: 'ATTENDED' });
      expect(shape(outside, foreignParticipation)).toEqual(shape(await recordResult({ id: MISSING_ID, version: 1, result: 'ATTENDED' }), MISSING_ID));
      expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const claim = await apply({ coordinatorId: foreign.coordinatorId, kind: 'SKILL_UPGRADE', amount: 100, appliedOn: TODAY });
      expect(shape(claim, foreign.coordinatorId)).toEqual(shape(await apply({ coordinatorId: MISSING_ID, kind: 'SKILL_UPGRADE', amount: 100, appliedOn: TODAY }), MISSING_ID));
      const rows = await eventually(
        () => t.sql(`select detail from audit_log where action = 'ACCESS_DENIED' and object_id = $1`, [foreignParticipation]),
        (found) => found.length > 0,
      );
      expect(rows[0].detail).toMatchObject({ operation: 'recordTrainingResult' });
      const [unchanged] = await t.sql(`select result, version from training_participation where id = $1`, [foreignParticipation]);
      expect(unchanged).toEqual({ result: 'ENROLLED', version: 1 });
    });

    it('row-level security: a raw select under the county scope shows none of the other county’s training rows', async () => {
      const client = new Client({ connectionString: t.databaseUrl, options: '-c role=registry_app' });
      await client.connect();
      try {
        await client.query(`select set_config('app.scope_path', '220000/220100/220104/', false)`);
        for (const table of ['training_session', 'training_participation', 'subsidy_claim']) {
          const rows = (await client.query(`select region_path from ${table}`)).rows;
          expect({ table, outside: rows.filter((row) => !row.region_path.startsWith('220000/220100/220104/')) }).toEqual({ table, outside: [] });
        }
        // providers: own and above, not the neighbour's; and none written above the scope
        const providers = (await client.query(`select name from training_provider order by name`)).rows.map((row) => row.name);
        expect(providers).not.toContain('南关区培训学校');
        expect(providers).toContain('长春市职业培训中心');
        await expect(client.query(`update training_provider set name = '篡改' where name = '长春市职业培训中心'`)).resolves.toMatchObject({ rowCount: 0 });
      } finally {
        await client.end();
      }
    });
  });
});

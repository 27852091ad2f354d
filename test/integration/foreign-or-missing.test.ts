import { todayIsoDate } from '@registry/domain';
import { eventually } from '../support/eventually';
import { CREATE_COORDINATOR, coordinatorInput } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { seedPair, signedInUser, type Seeded } from './access-helpers';

// A write aimed outside the jurisdiction answers exactly as one aimed at nothing: same code, same
// words (the id the user typed aside). The attempt is still in the audit trail, written after the
// answer has gone out so that it does not make the answer slower.

const YEAR = Number(todayIsoDate().slice(0, 4));
const MISSING_ID = '987654321';

interface Answer {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** What a client can compare: the code, the field and the message with the typed id taken out. */
function shape(answer: Answer, typed: string) {
  const error = answer.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field ?? null, message: error?.message.split(typed).join('<id>') };
}

describe('a write outside the jurisdiction answers like a write to nothing', () => {
  let t: TestApp;
  let admin: string;
  let county: string;
  let foreign: Seeded;
  let foreignNomination: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    county = await signedInUser(t, admin, 'chaoyang.writer', 'COUNTY_OFFICE', '220104');
    // 南关区, the neighbouring county of the same city
    foreign = await seedPair(t, admin, '220102');
    const today = todayIsoDate();
    const campaign = await t.graphql(`mutation($input: AwardCampaignInput!) { saveAwardCampaign(input: $input) { year } }`, {
      input: { year: YEAR, referenceDate: today, submissionStart: today, submissionEnd: today },
    }, admin);
    expect(campaign.errors).toBeUndefined();
    const nominated = await t.graphql(`mutation($input: NominateInput!) { nominate(input: $input) { id } }`, {
      input: { coordinatorId: foreign.coordinatorId, tier: 'BRONZE', campaignYear: YEAR, attestations: ['四(一)1(1)', '工作业绩'], achievements: '调解劳动争议 120 件' },
    }, admin);
    expect(nominated.errors).toBeUndefined();
    foreignNomination = nominated.data!.nominate.id;
  });
  afterAll(async () => t?.close());

  const denials = (objectId: string) =>
    eventually(
      () => t.sql(`select username, object_type, object_id, detail from audit_log where action = 'ACCESS_DENIED' and object_id = $1`, [objectId]),
      (rows) => rows.length > 0,
    );

  it('a record filed into a foreign region: the same answer as an unknown region code', async () => {
    const into = (regionCode: string) => t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ regionCode }) }, county);
    const foreignRegion = await into('220102');
    const missingRegion = await into('229998');
    expect(shape(foreignRegion, '220102')).toEqual(shape(missingRegion, '229998'));
    expect(shape(foreignRegion, '220102')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
    expect(foreignRegion.errors?.[0].message).not.toMatch(/管辖|南关/);
    const [row] = await denials('220102');
    expect(row).toMatchObject({ username: 'chaoyang.writer', object_type: 'region', detail: { operation: 'createCoordinator' } });
    expect(await t.sql(`select 1 from audit_log where action = 'ACCESS_DENIED' and object_id = '229998'`)).toEqual([]);
  });

  it('an enterprise, a coordinator, a nomination outside: the same answers as missing ones, and audited', async () => {
    const writes: [string, (id: string) => Promise<Answer>][] = [
      ['updateEnterprise', (id) => t.graphql(`mutation($id: ID!) { updateEnterprise(input: { id: $id, version: 1, name: "篡改" }) { id } }`, { id }, county)],
      ['deactivateEnterprise', (id) => t.graphql(`mutation($id: ID!) { deactivateEnterprise(id: $id, version: 1) { id } }`, { id }, county)],
      ['updateCoordinator', (id) => t.graphql(`mutation($id: ID!) { updateCoordinator(input: { id: $id, version: 1, name: "篡改" }) { id } }`, { id }, county)],
      ['revealIdNumber', (id) => t.graphql(`mutation($id: ID!) { revealIdNumber(coordinatorId: $id, reason: "核对信息") }`, { id }, county)],
      ['nominate', (id) => t.graphql(`mutation($id: ID!) { nominate(input: { coordinatorId: $id, tier: BRONZE, campaignYear: ${YEAR} }) { id } }`, { id }, county)],
      ['startPublicity', (id) => t.graphql(`mutation($id: ID!) { startPublicity(id: $id, start: "${todayIsoDate()}") { id } }`, { id }, county)],
      ['withdrawNomination', (id) => t.graphql(`mutation($id: ID!) { withdrawNomination(id: $id, reason: "撤回") { id } }`, { id }, county)],
    ];
    const targets: Record<string, string> = {
      updateEnterprise: foreign.enterpriseId,
      deactivateEnterprise: foreign.enterpriseId,
      updateCoordinator: foreign.coordinatorId,
      revealIdNumber: foreign.coordinatorId,
      nominate: foreign.coordinatorId,
      startPublicity: foreignNomination,
      withdrawNomination: foreignNomination,
    };
    for (const [operation, write] of writes) {
      const outside = await write(targets[operation]);
      const missing = await write(MISSING_ID);
      expect({ operation, answer: shape(outside, targets[operation]) }).toEqual({ operation, answer: shape(missing, MISSING_ID) });
      expect({ operation, code: outside.errors?.[0].extensions?.code }).toEqual({ operation, code: 'NOT_FOUND' });
    }
    for (const [operation] of writes) {
      const rows = await denials(targets[operation]);
      expect({ operation, recorded: rows.some((row) => row.detail.operation === operation && row.username === 'chaoyang.writer') }).toEqual({
        operation,
        recorded: true,
      });
    }
    const [unchanged] = await t.sql(`select name, version from enterprise where id = $1`, [foreign.enterpriseId]);
    expect(unchanged.version).toBe(foreign.enterpriseVersion);
    // nothing is recorded for the ids that name nothing
    expect(await t.sql(`select 1 from audit_log where action = 'ACCESS_DENIED' and object_id = $1`, [MISSING_ID])).toEqual([]);
  });
});

import { chinaYear } from '@registry/domain';
import { Client } from 'pg';
import { CREATE_COORDINATOR, CREATE_ENTERPRISE, coordinatorInput, enterpriseInput, idNumber } from '../support/fixtures';
import { expectedCoverageOn } from '../support/effective-dated';
import { startTestApp, type TestApp } from '../support/test-app';

// A full rebuild of the roll-ups (a new year, a new day, a province-wide import) builds beside
// the live tables and swaps them in just before its commit (ADR 0051): a dashboard reading
// meanwhile gets the last committed figures at once, and after the swap the tables are the
// migrations' (same keys, names, generated column, grants) with the same figures.
const COUNTY = '220104'; // 朝阳区
const OTHER_COUNTY = '220102'; // 南关区
const PROVINCE = '220000';
const THIS_YEAR = chinaYear();
const ROLLUP_TABLES = ['analytics_enterprise_leaf', 'analytics_enterprise_node', 'analytics_coordinator_leaf', 'analytics_coordinator_node'];
/** A reader that waited for the rebuild would wait as long as the test holds it: far longer than this. */
const READER_BOUND_MS = 5000;

describe('a full roll-up rebuild and its readers', () => {
  let t: TestApp;
  let admin: string;

  async function ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await t.graphql<T>(query, variables, admin);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  /** Resolves with `work`'s answer, or rejects if it takes longer than `ms`. */
  async function within<T>(ms: number, label: string, work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${label} did not answer within ${ms} ms`)), ms)));
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function until(label: string, condition: () => Promise<boolean>, ms = 30000): Promise<void> {
    const started = Date.now();
    while (!(await condition())) {
      if (Date.now() - started > ms) throw new Error(`${label}: not within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  const settled = () => until('roll-ups settled', async () => !(await ok(`{ analyticsStatus { pending } }`)).analyticsStatus.pending);

  const rollups = async () => ({
    enterpriseLeaf: await t.sql(`select * from analytics_enterprise_leaf order by region_code, year, size_class, social_organization, public_owned`),
    enterpriseNode: await t.sql(`select * from analytics_enterprise_node order by node_code, year, size_class, social_organization, public_owned`),
    coordinatorLeaf: await t.sql(`select * from analytics_coordinator_leaf where value <> 0 order by region_code, year, dimension, bucket`),
    coordinatorNode: await t.sql(`select * from analytics_coordinator_node where value <> 0 order by node_code, year, dimension, bucket`),
  });

  // what the migrations built: columns (with the generated one), keys and indexes by name, grants
  const catalog = async () => ({
    columns: await t.sql(
      `select table_name, column_name, data_type, is_nullable, is_generated, generation_expression, collation_name from information_schema.columns
       where table_name = any($1) order by table_name, ordinal_position`,
      [ROLLUP_TABLES],
    ),
    indexes: await t.sql(`select tablename, indexname, indexdef from pg_indexes where tablename = any($1) order by 1, 2`, [ROLLUP_TABLES]),
    constraints: await t.sql(
      `select c.conrelid::regclass::text as table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) as definition from pg_constraint c
       where c.conrelid::regclass::text = any($1) order by 1, 2`,
      [ROLLUP_TABLES],
    ),
    grants: await t.sql(`select table_name, grantee, privilege_type from information_schema.role_table_grants where table_name = any($1) order by 1, 2, 3`, [ROLLUP_TABLES]),
    leftOver: await t.sql(`select relname from pg_class where relname like 'analytics\\_%\\_next%'`),
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const enterprise = async (size: { employees: number; revenue: number }, regionCode: string) =>
      (await ok(CREATE_ENTERPRISE, { input: enterpriseInput({ ...size, regionCode, registeredOn: '2020-01-01' }) })).createEnterprise.id as string;
    const large = await enterprise({ employees: 1200, revenue: 50000 }, COUNTY);
    const medium = await enterprise({ employees: 500, revenue: 5000 }, OTHER_COUNTY);
    await enterprise({ employees: 50, revenue: 500 }, COUNTY);
    await ok(CREATE_COORDINATOR, { input: coordinatorInput({ regionCode: COUNTY, enterpriseId: large, joinedOn: '2021-06-01' }) });
    await ok(CREATE_COORDINATOR, {
      input: coordinatorInput({ regionCode: OTHER_COUNTY, enterpriseId: medium, joinedOn: '2022-03-01', idNumber: idNumber('1990-04-04', 'MALE', OTHER_COUNTY) }),
    });
    await settled();
  });
  afterAll(async () => t?.close());

  it('answers dashboard queries from the last refresh while a rebuild is held, and swaps in the same figures under the same names', async () => {
    const before = await rollups();
    const schema = await catalog();
    expect(before.coordinatorNode.length).toBeGreaterThan(0);
    expect(before.enterpriseNode.length).toBeGreaterThan(0);

    // Hold the rebuild: the enterprise part reads enterprise_period and waits for this lock; the
    // coordinator part finishes its build meanwhile and waits for the enterprise part.
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query(`begin`);
      await holder.query(`lock table enterprise_period in access exclusive mode`);
      // a new year for the roll-ups: everything is rebuilt (not a write: readers do not wait for it)
      await t.sql(`update analytics_state set built_year = null`);
      const activity = async () =>
        (await t.sql(`select state, wait_event_type, query from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and pid <> $1`, [
          (holder as unknown as { processID: number }).processID,
        ])) as { state: string; wait_event_type: string | null; query: string }[];
      await until('the rebuild waiting on enterprise_period with the coordinator part built', async () => {
        const sessions = await activity();
        return (
          sessions.some((session) => session.wait_event_type === 'Lock' && session.query.includes('enterprise_period')) &&
          sessions.some((session) => session.state === 'idle in transaction' && session.query.includes('as everyone from analytics_scope'))
        );
      });

      // queries no one asked yet (nothing cached): they read the roll-up tables now
      const structure = await within(READER_BOUND_MS, 'workforceStructure', ok(`{ workforceStructure(regionCode: "${COUNTY}", year: ${THIS_YEAR - 1}) { dimension bucket count } }`));
      const distribution = await within(READER_BOUND_MS, 'distribution', ok(`{ distribution(regionCode: "${PROVINCE}", year: ${THIS_YEAR - 1}) { regionCode coordinators largeMediumTotal } }`));
      const coverage = await within(READER_BOUND_MS, 'coverage', ok(`{ coverage(regionCode: "${OTHER_COUNTY}", year: ${THIS_YEAR - 1}) { largeMediumTotal largeMediumCovered } }`));
      expect(structure.workforceStructure.find((slice: { dimension: string }) => slice.dimension === 'TOTAL')?.count).toBe(1);
      expect(coverage.coverage).toEqual({ largeMediumTotal: 1, largeMediumCovered: 1 });
      // still held: the figures came from the tables of the last refresh
      expect((await activity()).some((session) => session.wait_event_type === 'Lock' && session.query.includes('enterprise_period'))).toBe(true);

      await holder.query(`commit`);
      await settled();
      // the same registry: the same figures, now from the swapped-in tables
      expect(await rollups()).toEqual(before);
      expect(await catalog()).toEqual(schema);
      expect(schema.leftOver).toEqual([]);
      const [state] = await t.sql(`select built_year from analytics_state`);
      expect(state.built_year).toBe(THIS_YEAR);
      expect((await ok(`{ distribution(regionCode: "${PROVINCE}", year: ${THIS_YEAR - 1}) { regionCode coordinators largeMediumTotal } }`)).distribution).toEqual(
        distribution.distribution,
      );
      expect((await ok(`{ coverage(regionCode: "${PROVINCE}", year: ${THIS_YEAR}) { largeMediumTotal largeMediumCovered smallMicroTotal } }`)).coverage).toMatchObject(
        await expectedCoverageOn(t.sql, PROVINCE, THIS_YEAR).then(({ largeMediumTotal, largeMediumCovered, smallMicroTotal }) => ({ largeMediumTotal, largeMediumCovered, smallMicroTotal })),
      );
    } finally {
      await holder.query(`rollback`).catch(() => undefined);
      await holder.end();
    }
  });

  it('keeps reflecting writes by difference after the swap', async () => {
    const coverage = async () => (await ok(`{ coverage(regionCode: "${COUNTY}", year: ${THIS_YEAR}) { smallMicroTotal } }`)).coverage.smallMicroTotal as number;
    const before = await coverage();
    await ok(CREATE_ENTERPRISE, { input: enterpriseInput({ employees: 5, revenue: 50, regionCode: COUNTY, registeredOn: '2020-01-01' }) });
    // the writer's own next read waits for the refresh that takes the write in
    expect(await coverage()).toBe(before + 1);
    expect((await ok(`{ coverage(regionCode: "${COUNTY}", year: ${THIS_YEAR}) { smallMicroTotal } }`)).coverage).toMatchObject({
      smallMicroTotal: (await expectedCoverageOn(t.sql, COUNTY, THIS_YEAR)).smallMicroTotal,
    });
  });
});

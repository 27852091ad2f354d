import { startTestApp, type TestApp } from '../support/test-app';
import { CREATE_COORDINATOR, coordinatorInput } from '../support/fixtures';
import { inBatches } from './access-helpers';

// 1,000 pairs of concurrent updates that both carry the same version: exactly one of each
// pair may win, the other must be refused with CONFLICT naming the current version, and the
// row must end up holding every winner's change in order (nothing silently overwritten).
const COORDINATORS = 50;
const ROUNDS = 20;

const UPDATE = `mutation($input: UpdateCoordinatorInput!) { updateCoordinator(input: $input) { id name version } }`;

describe('optimistic locking under concurrent edits', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => t?.close());

  it('loses no update in 1,000 conflicting pairs', async () => {
    const created = await inBatches(
      Array.from({ length: COORDINATORS }, (_, index) => async () => {
        const result = await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ name: `并发${index}` }) }, admin);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        return { id: result.data!.createCoordinator.id as string, version: result.data!.createCoordinator.version as number, name: '' };
      }),
      10,
    );
    let pairs = 0;
    let lostUpdates = 0;
    let bothRefused = 0;
    let conflictsNamingVersion = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await inBatches(
        created.map((coordinator) => async () => {
          const names = [`甲${round}`, `乙${round}`];
          const [first, second] = await Promise.all(
            names.map((name) => t.graphql(UPDATE, { input: { id: coordinator.id, version: coordinator.version, name } }, admin)),
          );
          pairs += 1;
          const winners = [first, second].filter((response) => response.data?.updateCoordinator);
          const loser = [first, second].find((response) => !response.data?.updateCoordinator);
          if (winners.length !== 1) {
            if (winners.length === 2) lostUpdates += 1;
            else bothRefused += 1;
            return;
          }
          if (loser?.errors?.[0].extensions?.code === 'CONFLICT' && loser.errors[0].extensions.currentVersion === coordinator.version + 1) {
            conflictsNamingVersion += 1;
          }
          coordinator.version += 1;
          coordinator.name = winners[0].data!.updateCoordinator.name;
        }),
        25,
      );
    }
    // Every winner's change is what the database holds, at the version the winners counted.
    const rows = await t.sql(`select id, name, version from coordinator where id = any($1::bigint[])`, [created.map((c) => c.id)]);
    const stored = new Map(rows.map((row) => [String(row.id), row]));
    for (const coordinator of created) {
      const row = stored.get(coordinator.id);
      if (row.name !== coordinator.name || row.version !== coordinator.version) lostUpdates += 1;
    }
    console.log(`lost updates: ${lostUpdates}`);
    expect(pairs).toBe(COORDINATORS * ROUNDS);
    expect(lostUpdates).toBe(0);
    expect(bothRefused).toBe(0);
    expect(conflictsNamingVersion).toBe(pairs);
    const [{ count }] = await t.sql(`select count(*)::int as count from audit_log where action = 'COORDINATOR_UPDATE'`);
    expect(count).toBe(pairs);
  }, 300_000);
});

import { IdNumberVault } from '../../api/src/common/id-number-vault';
import { loadConfiguration } from '../../api/src/config/configuration';
import { resealIdNumbers } from '../../api/src/auth/id-number-rotation';
import { startTestApp, type TestApp } from '../support/test-app';
import { CREATE_COORDINATOR, coordinatorInput, idNumber } from '../support/fixtures';

const OLD_KEY = '1a'.repeat(32);
const NEW_KEY = '2b'.repeat(32);
const HASH_KEY = '3c'.repeat(32);
const configWith = (keys: string) => loadConfiguration({ NODE_ENV: 'test', ID_NUMBER_KEYS: keys, ID_NUMBER_HASH_KEY: HASH_KEY });

describe('ID-number key rotation', () => {
  let t: TestApp;

  beforeAll(async () => {
    // the new key is already first; the rows below are sealed under the old one, as before rotation
    t = await startTestApp({ ID_NUMBER_KEYS: `k2:${NEW_KEY},k1:${OLD_KEY}`, ID_NUMBER_HASH_KEY: HASH_KEY });
  });
  afterAll(async () => t?.close());

  it('re-seals old rows under the new first key; numbers still reveal and look up, and the old key can go', async () => {
    const admin = await t.adminToken();
    const people = [idNumber('1970-05-05', 'MALE'), idNumber('1971-06-06', 'FEMALE'), idNumber('1972-07-07', 'MALE')];
    const oldVault = new IdNumberVault(configWith(`k1:${OLD_KEY}`));
    const ids: string[] = [];
    for (const person of people) {
      const created = await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: person }) }, admin);
      const id = created.data!.createCoordinator.id as string;
      ids.push(id);
      const sealed = oldVault.seal(person);
      await t.sql(`update coordinator set id_number_cipher = $2, id_number_key_id = $3 where id = $1`, [id, sealed.cipher, sealed.keyId]);
    }
    // readable under both keys before the run
    const before = await t.graphql(`mutation($id: ID!) { revealIdNumber(coordinatorId: $id, reason: "轮换前核对") }`, { id: ids[0] }, admin);
    expect(before.data?.revealIdNumber).toBe(people[0]);

    const result = await resealIdNumbers(t.databaseUrl, configWith(`k2:${NEW_KEY},k1:${OLD_KEY}`), { batchSize: 2 });
    expect(result).toEqual({ resealed: 3, remaining: 0 });
    const rows = await t.sql(`select id::text as id, id_number_cipher, id_number_key_id from coordinator order by id`);
    const newOnly = new IdNumberVault(configWith(`k2:${NEW_KEY}`));
    expect(rows.map((row) => row.id_number_key_id)).toEqual(['k2', 'k2', 'k2']);
    expect(rows.map((row) => newOnly.open(row.id_number_cipher, row.id_number_key_id))).toEqual(people);

    const after = await t.graphql(`mutation($id: ID!) { revealIdNumber(coordinatorId: $id, reason: "轮换后核对") }`, { id: ids[2] }, admin);
    expect(after.data?.revealIdNumber).toBe(people[2]);
    const found = await t.graphql(`query($n: String) { coordinators(filter: { idNumber: $n }) { total } }`, { n: people[1] }, admin);
    expect(found.data?.coordinators.total).toBe(1);
    const [audit] = await t.sql(`select detail from audit_log where action = 'ID_NUMBER_KEY_ROTATION'`);
    expect(audit.detail).toEqual({ key: 'k2', resealed: 3, remaining: 0 });
  });
});

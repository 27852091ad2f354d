import type { TestApp } from '../support/test-app';
import { CREATE_COORDINATOR, CREATE_ENTERPRISE, coordinatorInput, enterpriseInput, idNumber, creditCode } from '../support/fixtures';

export const USER_PASSWORD = 'Better#2025x';

/** Creates an account (as `creatorToken`), signs it in and does the first-login password change. */
export async function signedInUser(t: TestApp, creatorToken: string, username: string, role: string, regionCode: string): Promise<string> {
  const created = await t.graphql(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { username, password: 'Initial#2025', role, regionCode } },
    creatorToken,
  );
  if (created.errors) throw new Error(`createUser ${username}: ${JSON.stringify(created.errors)}`);
  const token = await t.login(username, 'Initial#2025');
  const changed = await t.graphql(
    `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`,
    { o: 'Initial#2025', n: USER_PASSWORD },
    token,
  );
  if (changed.errors) throw new Error(`changePassword ${username}: ${JSON.stringify(changed.errors)}`);
  return token;
}

export interface Seeded {
  coordinatorId: string;
  coordinatorVersion: number;
  idNumber: string;
  enterpriseId: string;
  enterpriseVersion: number;
}

/** One enterprise and one coordinator employed there, in `regionCode` (as the province admin). */
export async function seedPair(t: TestApp, adminToken: string, regionCode: string): Promise<Seeded> {
  const county = regionCode.slice(0, 6);
  const enterprise = await t.graphql(CREATE_ENTERPRISE, { input: enterpriseInput({ regionCode, creditCode: creditCode(county) }) }, adminToken);
  if (enterprise.errors) throw new Error(`createEnterprise: ${JSON.stringify(enterprise.errors)}`);
  const person = idNumber('1980-01-01', 'MALE', county);
  const coordinator = await t.graphql(
    CREATE_COORDINATOR,
    { input: coordinatorInput({ regionCode, idNumber: person, enterpriseId: enterprise.data!.createEnterprise.id }) },
    adminToken,
  );
  if (coordinator.errors) throw new Error(`createCoordinator: ${JSON.stringify(coordinator.errors)}`);
  return {
    coordinatorId: coordinator.data!.createCoordinator.id,
    coordinatorVersion: coordinator.data!.createCoordinator.version,
    idNumber: person,
    enterpriseId: enterprise.data!.createEnterprise.id,
    enterpriseVersion: enterprise.data!.createEnterprise.version,
  };
}

/** Runs `tasks` with at most `width` in flight. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]();
      }
    }),
  );
  return results;
}

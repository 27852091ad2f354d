import { containsIdNumber } from '@registry/domain';
import { ADMIN_CHANGED_PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { CREATE_COORDINATOR, coordinatorInput, idNumber } from '../support/fixtures';

// ID numbers typed into filters, searches, reasons, usernames and wrong fields, and failed
// statements carrying hashes, ciphertexts and birth dates: none of it may come back in an
// audit row, a log line or an error message.

const report = console.log.bind(console);

/** Everything the server prints while `work` runs (Nest's logger writes to the process streams). */
function captureOutput(): { text(): string; stop(): void } {
  const captured: string[] = [];
  const restore: (() => void)[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured.push(String(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = original));
  }
  for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      captured.push(args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' '));
    };
    restore.push(() => (console[method] = original));
  }
  return { text: () => captured.join(''), stop: () => restore.forEach((undo) => undo()) };
}

describe('personal data in audit rows, log lines and error messages', () => {
  let t: TestApp;
  let admin: string;
  let output: ReturnType<typeof captureOutput>;
  const answers: string[] = [];

  const graphql = async (query: string, variables: Record<string, unknown> = {}, token: string | undefined = admin) => {
    const result = await t.graphql(query, variables, token);
    answers.push(JSON.stringify(result.errors ?? []));
    return result;
  };

  beforeAll(async () => {
    output = captureOutput();
    t = await startTestApp({ LOG_LEVEL: 'debug' });
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await t?.close();
    output?.stop();
  });

  it('keeps full ID numbers out of the audit trail, the log and every error message', async () => {
    const person = idNumber('1974-06-24', 'MALE');
    const other = idNumber('1981-02-03', 'FEMALE');
    const mistyped = `${other.slice(0, 17)}${other[17] === '1' ? '2' : '1'}`;
    const created = await graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: person, name: '隐私检查' }) });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createCoordinator.id;

    // filters and searches
    const found = await graphql(`query($n: String) { coordinators(filter: { idNumber: $n }) { total } }`, { n: person });
    expect(found.data?.coordinators.total).toBe(1);
    await graphql(`query($n: String) { coordinators(filter: { search: $n }) { total } }`, { n: person });
    await graphql(`query($n: String) { auditLogs(filter: { objectId: $n, username: $n }) { total } }`, { n: person });
    // errors: a duplicate, a mistyped number, a number in a wrong field, a number as a username
    const duplicate = await graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: person }) });
    expect(duplicate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const wrong = await graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: mistyped }) });
    expect(wrong.errors?.[0].extensions?.field).toBe('idNumber');
    const misplaced = await graphql(CREATE_COORDINATOR, { input: coordinatorInput({ enterpriseId: person }) });
    expect(misplaced.errors?.[0].extensions?.field).toBe('enterpriseId');
    const asInt = await graphql(`query($y: Int!) { coverage(regionCode: "220000", year: $y) { year } }`, { y: person });
    expect(asInt.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await graphql(`mutation($u: String!) { login(username: $u, password: "not-the-password") { accessToken } }`, { u: person }, undefined);
    // reveals: the answer holds the number (that is the point); the reason and the filter recorded with it do not
    const revealed = await graphql(`mutation($id: ID!, $r: String!) { revealIdNumber(coordinatorId: $id, reason: $r) }`, { id, r: `核对 ${person} 的身份` });
    expect(revealed.data?.revealIdNumber).toBe(person);
    const filter = encodeURIComponent(JSON.stringify({ idNumber: person, search: other }));
    const exported = await fetch(`${t.baseUrl}/api/exports/coordinators.xlsx?filter=${filter}&revealReason=${encodeURIComponent(`核对 ${other}`)}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();

    const rows = await t.sql(`select row_to_json(a)::text as line from audit_log a order by id`);
    const audit = rows.map((row) => row.line).join('\n');
    expect(audit).toContain('ID_NUMBER_REVEAL');
    expect(audit).toContain('2201**********'); // masked, and still there
    const logs = output.text();
    const errors = answers.join('\n');
    expect(errors).toContain('enterpriseId');
    report(`personal data: ${rows.length} audit rows (${audit.length} bytes), ${logs.length} bytes of log, ${answers.length} answers scanned`);
    for (const [place, text] of Object.entries({ audit, logs, errors })) {
      for (const number of [person, other, mistyped]) expect({ place, found: text.includes(number) }).toEqual({ place, found: false });
      expect({ place, found: containsIdNumber(text) }).toEqual({ place, found: false });
    }
  });

  it('logs a failed statement without its parameters, and tells the client nothing of it', async () => {
    // The test's own fault: a trigger that fails the statements carrying a new password's hash
    // and a new coordinator's ciphertext, hash and birth date.
    await t.sql(`create function test_fail_write() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
    await t.sql(`create trigger test_fail_password before update of password_hash on app_user for each row execute function test_fail_write()`);
    await t.sql(`create trigger test_fail_coordinator before insert on coordinator for each row execute function test_fail_write()`);
    const before = output.text().length;
    try {
      const changed = await graphql(`mutation { changePassword(oldPassword: "${ADMIN_CHANGED_PASSWORD}", newPassword: "Brand#New2025pw") }`);
      expect(changed.errors?.[0]).toMatchObject({ message: '服务器内部错误', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      const person = idNumber('1969-11-12', 'FEMALE');
      const created = await graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: person }) });
      expect(created.errors?.[0]).toMatchObject({ message: '服务器内部错误', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(created.errors)).not.toMatch(/injected|trigger|insert into|P0001/i);

      const logs = output.text().slice(before);
      // the failures are in the log, as statements
      expect(logs).toMatch(/statement failed \(P0001\): injected failure — update app_user set password_hash/);
      expect(logs).toMatch(/statement failed \(P0001\): injected failure — insert into coordinator/);
      // and none of their parameters
      expect(logs).not.toContain('$argon2');
      expect(logs).not.toContain('Brand#New2025pw');
      expect(logs).not.toContain('1969-11-12');
      expect(logs).not.toMatch(/PARAMETERS/i);
      expect(logs).not.toMatch(/\b[0-9a-f]{64}\b/); // the ID number's keyed hash
      expect(containsIdNumber(logs)).toBe(false);
    } finally {
      await t.sql(`drop trigger test_fail_password on app_user; drop trigger test_fail_coordinator on coordinator; drop function test_fail_write()`);
    }
  });
});

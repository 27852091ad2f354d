import { validateIdNumber } from '@registry/domain';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../support/test-app';
import { CREATE_COORDINATOR, coordinatorInput, idNumber } from '../support/fixtures';

const run = promisify(execFile);
// kept before the capture below replaces console.log
const report = console.log.bind(console);

/** Every valid GB 11643 resident ID number in `text` (credit codes and hashes do not pass the checksum and date checks). */
export function idNumbersIn(text: string): string[] {
  const candidates = text.match(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g) ?? [];
  return [...new Set(candidates.filter((candidate) => validateIdNumber(candidate).valid))];
}

async function dumpDatabase(t: TestApp): Promise<string> {
  try {
    const { stdout } = await run('/usr/bin/pg_dump', ['--no-owner', t.databaseUrl], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch {
    // pg_dump missing or of another major version than the server: every row of every table
    const tables = await t.sql(`select tablename from pg_tables where schemaname = 'public' order by 1`);
    const parts: string[] = [];
    for (const { tablename } of tables) {
      const rows = await t.sql(`select row_to_json(t)::text as line from "${tablename}" t`);
      parts.push(...rows.map((row) => row.line));
    }
    return parts.join('\n');
  }
}

describe('no plaintext ID number at rest or in the logs', () => {
  let t: TestApp;
  const captured: string[] = [];
  const restore: (() => void)[] = [];

  beforeAll(async () => {
    // Everything the server prints while it works: Nest's logger writes to the process streams,
    // TypeORM's error logging goes through console.
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
        captured.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' '));
      };
      restore.push(() => (console[method] = original));
    }
    t = await startTestApp({ LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    await t?.close();
    restore.forEach((undo) => undo());
  });

  it('finds none in a dump of the database or in the server log after a working session', async () => {
    const admin = await t.adminToken();
    const people: string[] = [];
    for (let index = 0; index < 20; index++) {
      const person = idNumber('1979-03-0' + ((index % 9) + 1), index % 2 ? 'MALE' : 'FEMALE');
      people.push(person);
      const created = await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: person, name: `明文检查${index}` }) }, admin);
      expect(created.errors).toBeUndefined();
    }
    // the paths that touch the number: lookup by number, a duplicate, an update, a reveal, a bad number
    const found = await t.graphql(`query($n: String) { coordinators(filter: { idNumber: $n }) { total items { id idNumber } } }`, { n: people[0] }, admin);
    expect(found.data?.coordinators.total).toBe(1);
    expect(found.data?.coordinators.items[0].idNumber).not.toBe(people[0]);
    const duplicate = await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: people[1] }) }, admin);
    expect(duplicate.errors?.[0].extensions?.field).toBe('idNumber');
    const id = found.data!.coordinators.items[0].id;
    const revealed = await t.graphql(`mutation($id: ID!) { revealIdNumber(coordinatorId: $id, reason: "核对身份") }`, { id }, admin);
    expect(revealed.data?.revealIdNumber).toBe(people[0]);
    await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: people[2].slice(0, 17) + (people[2][17] === '0' ? '1' : '0') }) }, admin);
    // an ID number typed into the username field is kept in the audit trail masked
    await t.graphql(`mutation { login(username: "${people[3]}", password: "x") { accessToken } }`);

    const dump = await dumpDatabase(t);
    expect(dump).toContain('明文检查19'); // the dump does hold the rows
    const logs = captured.join('');
    expect(logs.length).toBeGreaterThan(0);

    // the scanner itself finds a number when one is there
    expect(idNumbersIn(`row 17\t${people[5]}\tcredit 91220104MA0000000X`)).toEqual([people[5]]);

    const inDump = idNumbersIn(dump);
    const inLogs = idNumbersIn(logs);
    report(`plaintext ID numbers: ${inDump.length} in the database dump (${dump.length} bytes), ${inLogs.length} in the log (${logs.length} bytes)`);
    expect(inDump).toEqual([]);
    expect(inLogs).toEqual([]);
    for (const person of people.slice(0, 4)) {
      expect(dump).not.toContain(person);
      expect(logs).not.toContain(person);
    }
  }, 60_000);
});

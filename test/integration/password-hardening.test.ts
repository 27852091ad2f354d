import { passwordHashing } from '../../api/src/auth/password-hashing';
import { startTestApp, type TestApp } from '../support/test-app';
import { signedInUser, USER_PASSWORD } from './access-helpers';

// Passwords: a lock, an unknown name, a disabled account and a wrong password cost the same one
// hash check (a locked account used to answer in a fraction of the time); weak passwords are
// refused with the reason; a wrong old password in changePassword is a failed login.

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`;
const CHANGE = `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`;
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;

describe('password hardening', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => t?.close());

  it('verifies exactly one hash in every branch of a login', async () => {
    await signedInUser(t, admin, 'hash.locked', 'COUNTY_OFFICE', '220104');
    await signedInUser(t, admin, 'hash.disabled', 'COUNTY_OFFICE', '220104');
    await signedInUser(t, admin, 'hash.active', 'COUNTY_OFFICE', '220104');
    await t.sql(`update app_user set locked_until = now() + interval '15 minutes' where username = 'hash.locked'`);
    await t.sql(`update app_user set active = false where username = 'hash.disabled'`);
    const verify = jest.spyOn(passwordHashing, 'verify');
    try {
      const branches: [string, string, string, string][] = [
        ['unknown user', 'nobody.here', USER_PASSWORD, 'UNAUTHENTICATED'],
        ['locked, right password', 'hash.locked', USER_PASSWORD, 'UNAUTHENTICATED'],
        ['locked, wrong password', 'hash.locked', 'Wrong#Password1', 'UNAUTHENTICATED'],
        ['disabled', 'hash.disabled', USER_PASSWORD, 'UNAUTHENTICATED'],
        ['wrong password', 'hash.active', 'Wrong#Password1', 'UNAUTHENTICATED'],
        ['right password', 'hash.active', USER_PASSWORD, 'OK'],
      ];
      for (const [branch, username, password, expected] of branches) {
        verify.mockClear();
        const result = await t.graphql(LOGIN, { u: username, p: password });
        expect({ branch, code: result.errors?.[0].extensions?.code ?? 'OK', hashChecks: verify.mock.calls.length }).toEqual({ branch, code: expected, hashChecks: 1 });
      }
    } finally {
      verify.mockRestore();
    }
  });

  it('refuses weak passwords with the reason, on the field, in Chinese', async () => {
    // attempts count toward the login window (10 a minute per user): a fresh account every four
    const tokens: string[] = [];
    for (const username of ['weak.tester', 'weak.tester2', 'weak.tester3']) tokens.push(await signedInUser(t, admin, username, 'COUNTY_OFFICE', '220104'));
    const weak: [string, RegExp][] = [
      // the first four go to weak.tester
      ['Weak.Tester#2025', /用户名/],
      ['weak.tester#2025X', /用户名/],
      ['Password1', /至少三类|太容易被猜到/],
      ['Password#1', /太容易被猜到.*常见密码/],
      ['Aaaaaaa1', /至少三类|太容易被猜到/],
      ['Aaaaaaa#1', /太容易被猜到/],
      ['Jilin#2021demo', /演示密码/],
      [' Spaced#Out2025', /首尾不能有空格/],
      ['Spaced#Out2025 ', /首尾不能有空格/],
    ];
    for (const [index, [password, reason]] of weak.entries()) {
      const changed = await t.graphql(CHANGE, { o: USER_PASSWORD, n: password }, tokens[Math.floor(index / 4)]);
      expect({ password, error: changed.errors?.[0].extensions?.code, field: changed.errors?.[0].extensions?.field }).toEqual({
        password,
        error: 'BAD_USER_INPUT',
        field: 'newPassword',
      });
      expect(changed.errors?.[0].message).toMatch(reason);
      expect(changed.errors?.[0].message).toMatch(/^newPassword: /);
    }
    // an account created with a weak initial password is refused the same way
    const created = await t.graphql(CREATE, { input: { username: 'weak.created', password: 'Password#1', role: 'TOWNSHIP_PLATFORM', regionCode: '220104001' } }, admin);
    expect(created.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(created.errors?.[0].message).toMatch(/太容易被猜到/);
    // and a strong one still goes through
    expect((await t.graphql(CHANGE, { o: USER_PASSWORD, n: 'Kestrel#Moss4417' }, tokens[2])).data?.changePassword).toBe(true);
  });

  it('counts a wrong old password as a failed login: the fifth locks the account', async () => {
    const token = await signedInUser(t, admin, 'guess.old', 'COUNTY_OFFICE', '220104');
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await t.graphql(CHANGE, { o: `Guess#${attempt}x2025`, n: 'Kestrel#Moss4417' }, token);
      expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'oldPassword' });
    }
    const [row] = await t.sql(`select locked_until > now() as locked from app_user where username = 'guess.old'`);
    expect(row.locked).toBe(true);
    // locked: even the right old password no longer changes it, and the login is refused like a wrong password
    const locked = await t.graphql(CHANGE, { o: USER_PASSWORD, n: 'Kestrel#Moss4417' }, token);
    expect(locked.errors?.[0].extensions).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect((await t.graphql(LOGIN, { u: 'guess.old', p: USER_PASSWORD })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const failures = await t.sql(`select detail from audit_log where action = 'PASSWORD_CHANGE_FAILURE' and username = 'guess.old' order by id`);
    expect(failures.map((failure) => failure.detail.locked)).toEqual([false, false, false, false, true]);
  });

  it('rate-limits changePassword attempts like logins', async () => {
    const token = await signedInUser(t, admin, 'guess.fast', 'COUNTY_OFFICE', '220104');
    const codes: string[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      // wrong and right guesses alike count toward the window; the lockout is reset by the database between
      await t.sql(`update app_user set failed_logins = 0, locked_until = null where username = 'guess.fast'`);
      const result = await t.graphql(CHANGE, { o: `Guess#${attempt}y2025`, n: 'Kestrel#Moss4417' }, token);
      codes.push(String(result.errors?.[0].extensions?.code));
    }
    // signedInUser's own login and change took two of the 10 a minute
    expect(codes.slice(0, 8)).toEqual(Array(8).fill('BAD_USER_INPUT'));
    expect(codes.slice(8)).toEqual(Array(4).fill('TOO_MANY_REQUESTS'));
  });
});

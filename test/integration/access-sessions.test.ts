import { startTestApp, type TestApp } from '../support/test-app';
import { signedInUser, USER_PASSWORD } from './access-helpers';

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken mustChangePassword } }`;
const CHANGE = `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`;
const ME = `{ me { username } }`;

describe('accounts and sessions (ASVS V2/V3)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => t?.close());

  /** Waits out the session cache (SESSION_CACHE_MS): a change made straight in the database counts after it. */
  const sessionCacheLapse = () => new Promise((resolve) => setTimeout(resolve, t.config.session.cacheMilliseconds + 20));

  it('refuses a session ended on this instance at once, and one revoked straight in the database within the cache time', async () => {
    expect(t.config.session.cacheMilliseconds).toBe(1000);
    const token = await signedInUser(t, admin, 'cached.user', 'COUNTY_OFFICE', '220104');
    expect((await t.graphql(ME, {}, token)).data?.me.username).toBe('cached.user');
    // disabled by an administrator of this instance: the next request is refused
    const [{ id }] = await t.sql(`select id from app_user where username = 'cached.user'`);
    const disabled = await t.graphql(`mutation($id: ID!) { setUserActive(id: $id, active: false) { active } }`, { id: String(id) }, admin);
    expect(disabled.errors).toBeUndefined();
    expect((await t.graphql(ME, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await t.graphql(`mutation($id: ID!) { setUserActive(id: $id, active: true) { active } }`, { id: String(id) }, admin);

    // revoked in the database (by another instance, or by hand): refused once the cache time is over
    const second = await t.login('cached.user', USER_PASSWORD);
    expect((await t.graphql(ME, {}, second)).data?.me.username).toBe('cached.user');
    await t.sql(`update user_session set revoked_at = now() where user_id = $1`, [id]);
    await sessionCacheLapse();
    expect((await t.graphql(ME, {}, second)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('locks an account for 15 minutes after 5 wrong passwords, answering exactly as for a wrong password', async () => {
    await signedInUser(t, admin, 'lock.me', 'COUNTY_OFFICE', '220102');
    const answers: string[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      answers.push((await t.graphql(LOGIN, { u: 'lock.me', p: 'Wrong#Password1' })).errors![0].message);
    }
    const locked = await t.graphql(LOGIN, { u: 'lock.me', p: USER_PASSWORD });
    expect(locked.data).toBeNull();
    expect(locked.errors?.[0].message).toBe(answers[0]);
    const [row] = await t.sql(`select locked_until > now() + interval '14 minutes' as locked from app_user where username = 'lock.me'`);
    expect(row.locked).toBe(true);
    const [failures] = await t.sql(`select count(*)::int as count from audit_log where action = 'LOGIN_FAILURE' and username = 'lock.me'`);
    expect(failures.count).toBe(6);
    // once the lock has run out, the right password works again
    await t.sql(`update app_user set locked_until = now() - interval '1 second' where username = 'lock.me'`);
    expect((await t.graphql(LOGIN, { u: 'lock.me', p: USER_PASSWORD })).data?.login.accessToken).toBeTruthy();
  });

  it('ends a session after 30 minutes idle, after 12 hours in all, and at logout', async () => {
    const token = await signedInUser(t, admin, 'session.user', 'COUNTY_OFFICE', '220104');
    expect((await t.graphql(ME, {}, token)).data?.me.username).toBe('session.user');
    await t.sql(`update user_session set last_seen_at = now() - interval '31 minutes' where user_id = (select id from app_user where username = 'session.user')`);
    await sessionCacheLapse(); // the session was looked up a moment ago
    expect((await t.graphql(ME, {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const second = await t.login('session.user', USER_PASSWORD);
    await t.sql(`update user_session set expires_at = now() - interval '1 second' where user_id = (select id from app_user where username = 'session.user')`);
    expect((await t.graphql(ME, {}, second)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const third = await t.login('session.user', USER_PASSWORD);
    const [{ hours }] = await t.sql(
      `select round(extract(epoch from expires_at - created_at) / 3600) as hours from user_session order by created_at desc limit 1`,
    );
    expect(Number(hours)).toBe(12);
    expect((await t.graphql(`mutation { logout }`, {}, third)).data?.logout).toBe(true);
    expect((await t.graphql(ME, {}, third)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('enforces the password rule and refuses the last 3 passwords', async () => {
    const token = await signedInUser(t, admin, 'history.user', 'COUNTY_OFFICE', '220104');
    const weak = await t.graphql(CHANGE, { o: USER_PASSWORD, n: 'alllowercase' }, token);
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const short = await t.graphql(CHANGE, { o: USER_PASSWORD, n: 'Ab#1' }, token);
    expect(short.errors?.[0].extensions?.field).toBe('newPassword');
    // USER_PASSWORD → Second#Round2025 → Third#2025x; then USER_PASSWORD (3 back) is still refused
    expect((await t.graphql(CHANGE, { o: USER_PASSWORD, n: 'Second#Round2025' }, token)).data?.changePassword).toBe(true);
    expect((await t.graphql(CHANGE, { o: 'Second#Round2025', n: 'Third#2025x' }, token)).data?.changePassword).toBe(true);
    for (const previous of ['Third#2025x', 'Second#Round2025', USER_PASSWORD]) {
      const reused = await t.graphql(CHANGE, { o: 'Third#2025x', n: previous }, token);
      expect(reused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    }
    expect((await t.graphql(CHANGE, { o: 'Third#2025x', n: 'Fourth#Round2025x' }, token)).data?.changePassword).toBe(true);
  });

  it('forces a change after 180 days', async () => {
    await signedInUser(t, admin, 'old.password', 'COUNTY_OFFICE', '220104');
    await t.sql(`update app_user set password_changed_at = now() - interval '181 days' where username = 'old.password'`);
    const login = await t.graphql(LOGIN, { u: 'old.password', p: USER_PASSWORD });
    expect(login.data?.login.mustChangePassword).toBe(true);
    const refused = await t.graphql(`{ coordinators { total } }`, {}, login.data!.login.accessToken);
    expect(refused.errors?.[0].extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('does not exempt demo-flagged accounts outside demo mode', async () => {
    await signedInUser(t, admin, 'demo.like', 'COUNTY_OFFICE', '220104');
    await t.sql(`update app_user set password_exempt = true, password_changed_at = now() - interval '400 days' where username = 'demo.like'`);
    expect((await t.graphql(LOGIN, { u: 'demo.like', p: USER_PASSWORD })).data?.login.mustChangePassword).toBe(true);
  });
});

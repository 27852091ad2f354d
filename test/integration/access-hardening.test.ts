import { startTestApp, type TestApp } from '../support/test-app';

const KEY = 'ab'.repeat(32);

describe('GraphQL hardening', () => {
  describe('with the default limits', () => {
    let t: TestApp;
    let admin: string;

    beforeAll(async () => {
      t = await startTestApp();
      admin = await t.adminToken();
    });
    afterAll(async () => t?.close());

    it('refuses more aliases than GRAPHQL_MAX_ALIASES (15)', async () => {
      const aliased = Array.from({ length: 16 }, (_, index) => `a${index}: regions { code }`).join(' ');
      const result = await t.graphql(`{ ${aliased} }`, {}, admin);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'aliases', actual: 16, maximum: 15 });
      const fifteen = Array.from({ length: 15 }, (_, index) => `a${index}: me { id }`).join(' ');
      expect((await t.graphql(`{ ${fifteen} }`, {}, admin)).errors).toBeUndefined();
    });

    it('refuses a query whose estimated cost passes GRAPHQL_MAX_COMPLEXITY, counting page size times fields', async () => {
      const fields = 'id name gender birthDate phone category affiliation unitName post status joinedOn leftOn version regionCode';
      const costly = await t.graphql(`{ coordinators(limit: 200) { total items { ${fields} region { code name path } enterprise { id name } certificates { occupation level issuedOn } educations { level major } } } }`, {}, admin);
      expect(costly.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'complexity' });
      const page = await t.graphql(`{ coordinators(limit: 20) { total items { ${fields} } } }`, {}, admin);
      expect(page.errors).toBeUndefined();
    });

    it('still names the page-size cap when the limit itself is too large', async () => {
      const result = await t.graphql(`{ coordinators(limit: 100000) { total } }`, {}, admin);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    });

    it('suggests field names outside production (the production app below does not)', async () => {
      const result = await t.graphql(`{ coordinatorz { total } }`, {}, admin);
      expect(result.errors?.[0].message).toMatch(/Did you mean/);
    });

    it('refuses batched HTTP requests', async () => {
      const response = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/batch/i);
    });

    it('refuses a simple GET without a preflight header (CSRF prevention)', async () => {
      const response = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF/);
    });

    it('sends helmet security headers', async () => {
      const response = await fetch(`${t.baseUrl}/health`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });

    it('rate-limits login per username and address with a clear error', async () => {
      const attempt = () => t.graphql(`mutation { login(username: "spray-target", password: "wrong-password") { accessToken } }`);
      for (let index = 0; index < 10; index++) {
        expect((await attempt()).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      const limited = await attempt();
      expect(limited.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
      expect(limited.errors?.[0].message).toMatch(/登录尝试过于频繁，请 \d+ 秒后再试/);
      // another username from the same address is still served
      expect((await t.graphql(`mutation { login(username: "someone-else", password: "x") { accessToken } }`)).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('in production with tight limits', () => {
    let t: TestApp;
    let admin: string;

    beforeAll(async () => {
      t = await startTestApp({
        NODE_ENV: 'production',
        ID_NUMBER_KEYS: `k1:${KEY}`,
        ID_NUMBER_HASH_KEY: KEY.replace(/a/g, 'c'),
        GRAPHQL_MAX_DEPTH: '4',
      });
      admin = await t.adminToken();
    });
    afterAll(async () => t?.close());

    it('refuses a query deeper than GRAPHQL_MAX_DEPTH', async () => {
      const deep = await t.graphql(`{ coordinators { items { enterprise { region { code } } } } }`, {}, admin);
      expect(deep.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth', actual: 5, maximum: 4 });
      const viaFragment = await t.graphql(
        `query { coordinators { ...Page } } fragment Page on CoordinatorPage { items { enterprise { region { code } } } }`,
        {},
        admin,
      );
      expect(viaFragment.errors?.[0].extensions?.limit).toBe('depth');
      expect((await t.graphql(`{ coordinators { items { enterprise { id } } } }`, {}, admin)).errors).toBeUndefined();
    });

    it('turns introspection off', async () => {
      const result = await t.graphql(`{ __schema { types { name } } }`, {}, admin);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].message).toMatch(/introspection/i);
    });

    it('gives no field suggestions', async () => {
      const result = await t.graphql(`{ coordinatorz { total } }`, {}, admin);
      expect(result.errors?.[0].message).toMatch(/Cannot query field "coordinatorz"/);
      expect(result.errors?.[0].message).not.toMatch(/Did you mean/);
    });

    it('never sends a stack trace', async () => {
      const result = await t.graphql(`{ coordinator(id: "1") { nope } }`, {}, admin);
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:\d+/);
    });
  });
});

import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { loadConfiguration, type AppConfig } from '../../api/src/config/configuration';
import { createApplication } from '../../api/src/server';
import { createTestDatabase } from './test-database';

export const ADMIN_PASSWORD = 'Admin#Test2025';
/** admin's password after adminToken()'s first-login change (it may not contain the username) */
export const ADMIN_CHANGED_PASSWORD = 'Province#Office2025x';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  databaseUrl: string;
  config: AppConfig;
  /** a pg client on the test database, for independent checks */
  sql<T = any>(text: string, values?: unknown[]): Promise<T[]>;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  login(username: string, password: string): Promise<string>;
  /** admin's token (the admin created from ADMIN_PASSWORD, password change already done) */
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real application on a throw-away database, listening on a free port: tests talk to it
 * over HTTP exactly as a client would.
 */
export async function startTestApp(overrides: Record<string, string> = {}, options: { databaseUrl?: string } = {}): Promise<TestApp> {
  // another instance on an existing database (which its creator drops), or a database of its own
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const config = loadConfiguration({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    ADMIN_PASSWORD,
    DEMO_MODE: 'false',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    WEB_DIST_DIR: 'does-not-exist',
    ...overrides,
  });
  const app = await createApplication(config, database.url);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const client = new Client({ connectionString: database.url });
  await client.connect();
  let adminToken: string | null = null;

  const graphql: TestApp['graphql'] = async (query, variables, token) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<any>;
  };
  const login = async (username: string, password: string) => {
    const result = await graphql<{ login: { accessToken: string } }>(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`,
      { u: username, p: password },
    );
    if (!result.data) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.accessToken;
  };

  return {
    app,
    baseUrl,
    databaseUrl: database.url,
    config,
    sql: async (text, values) => (await client.query(text, values as unknown[])).rows,
    graphql,
    login,
    adminToken: async () => {
      if (adminToken) return adminToken;
      const token = await login('admin', ADMIN_PASSWORD);
      const changed = await graphql(`mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`, {
        o: ADMIN_PASSWORD,
        n: ADMIN_CHANGED_PASSWORD,
      }, token);
      if (changed.errors) throw new Error(`admin password change failed: ${JSON.stringify(changed.errors)}`);
      adminToken = token;
      return token;
    },
    close: async () => {
      await client.end();
      await app.close();
      await database.drop();
    },
  };
}

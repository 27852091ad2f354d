import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../../api/src/server';

export function adminDatabaseUrl(): string {
  return process.env.TEST_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrlFor(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A throw-away database with every migration applied; drop() removes it. */
export async function createTestDatabase(prefix = 'registry_test'): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = databaseUrlFor(name);
  await runMigrations(url);
  return {
    name,
    url,
    drop: async () => {
      const client = new Client({ connectionString: adminDatabaseUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

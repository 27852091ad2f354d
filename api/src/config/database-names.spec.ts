import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as applicationRoleMigration from '../database/migrations/1764000001000-ApplicationRoleAndRowSecurity';
import * as importQueueMigration from '../database/migrations/1764000007000-ImportQueue';
import { APPLICATION_ROLE, IMPORT_QUEUE, QUEUE_SCHEMA } from './database-names';

const SOURCES = join(__dirname, '..');

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('database names', () => {
  it('are the names the migrations created', () => {
    expect(APPLICATION_ROLE).toBe(applicationRoleMigration.APPLICATION_ROLE);
    expect(QUEUE_SCHEMA).toBe(importQueueMigration.QUEUE_SCHEMA);
    expect(IMPORT_QUEUE).toBe(importQueueMigration.IMPORT_QUEUE);
  });

  it('are not taken from a migration by the application (a landed migration is frozen, its constants are not the app’s)', () => {
    const migrations = join(SOURCES, 'database', 'migrations');
    const importers = sources(SOURCES)
      .filter((file) => !file.startsWith(migrations))
      .filter((file) => /from\s+'[^']*migrations\/\d{13}-/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SOURCES, file));
    expect(importers).toEqual([]);
  });
});

import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../api/src/database/embedded-postgres';

// Tests use the PostgreSQL named by DATABASE_URL (CI: 127.0.0.1:5432) to create throw-away
// databases; without one they start an embedded server for the run.
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const base = mkdtempSync(join(process.cwd(), 'tmp-test-pg-'));
  const port = 55000 + Math.floor(Math.random() * 2000);
  const embedded = await startEmbeddedPostgres(base, port);
  process.env.TEST_ADMIN_DATABASE_URL = embedded.url.replace(/\/registry$/, '/postgres');
  (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = { embedded, base };
}

// Names the database schema fixes and the application uses at run time. The migrations that
// created them keep their own literals (a landed migration is frozen in behaviour), and
// database-names.spec.ts fails if the two ever disagree.

/** The role requests run as (row-level security applies to it), see 1764000001000. */
export const APPLICATION_ROLE = 'registry_app';
/** pg-boss' schema and the import jobs' queue, see 1764000007000. */
export const QUEUE_SCHEMA = 'pgboss';
export const IMPORT_QUEUE = 'registry-import';

import { MigrationInterface, QueryRunner } from 'typeorm';

// The second layer of jurisdiction (docs/decisions/0010-access-rls-application-role.md):
// requests run as `registry_app`, a role that owns nothing, cannot bypass row-level security
// and may only INSERT/SELECT the audit trail. Rows of coordinator and enterprise are visible to
// it only inside `app.scope_path` (range form, so the region_path index serves it); an unset
// or empty scope shows nothing. The table owner (migrations, seeds, background work) is not
// subject to the policies (RLS is enabled, not forced).
//
// CREATE ROLE is cluster-wide and tests create many databases on one server at once, so the
// role is created only when missing, tolerating a concurrent creator; grants are per database.
export const APPLICATION_ROLE = 'registry_app';

const SCOPE = `nullif(current_setting('app.scope_path', true), '') collate "C"`;
const IN_SCOPE = `(region_path >= ${SCOPE} and region_path < ${SCOPE} || '~')`;

export class ApplicationRoleAndRowSecurity1764000001000 implements MigrationInterface {
  name = 'ApplicationRoleAndRowSecurity1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      do $$
      begin
        if not exists (select from pg_roles where rolname = '${APPLICATION_ROLE}') then
          begin
            create role ${APPLICATION_ROLE} nologin nosuperuser nobypassrls nocreatedb nocreaterole;
          exception when duplicate_object or unique_violation then null;
          end;
        end if;
      end $$;
    `);
    // The connecting (owning) role switches to registry_app per connection, so it must be a
    // member; a superuser is already allowed to.
    await queryRunner.query(`
      do $$
      begin
        if not (select rolsuper from pg_roles where rolname = current_user) then
          execute format('grant ${APPLICATION_ROLE} to %I', current_user);
        end if;
      end $$;
    `);
    await queryRunner.query(`
      grant usage on schema public to ${APPLICATION_ROLE};
      grant select, insert, update, delete on all tables in schema public to ${APPLICATION_ROLE};
      grant usage, select on all sequences in schema public to ${APPLICATION_ROLE};
      -- tables created by later migrations (run by this same owner) get the same grants
      alter default privileges in schema public grant select, insert, update, delete on tables to ${APPLICATION_ROLE};
      alter default privileges in schema public grant usage, select on sequences to ${APPLICATION_ROLE};
      -- the audit trail is append-only for the application; migrations are not its business
      revoke update, delete, truncate on audit_log from ${APPLICATION_ROLE};
      revoke insert, update, delete, truncate on schema_migration from ${APPLICATION_ROLE};

      alter table coordinator enable row level security;
      create policy coordinator_jurisdiction on coordinator to ${APPLICATION_ROLE}
        using ${IN_SCOPE} with check ${IN_SCOPE};
      alter table enterprise enable row level security;
      create policy enterprise_jurisdiction on enterprise to ${APPLICATION_ROLE}
        using ${IN_SCOPE} with check ${IN_SCOPE};
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The role stays: other databases on the same server may use it.
    await queryRunner.query(`
      drop policy if exists enterprise_jurisdiction on enterprise;
      alter table enterprise disable row level security;
      drop policy if exists coordinator_jurisdiction on coordinator;
      alter table coordinator disable row level security;
      alter default privileges in schema public revoke usage, select on sequences from ${APPLICATION_ROLE};
      alter default privileges in schema public revoke select, insert, update, delete on tables from ${APPLICATION_ROLE};
      revoke all on all sequences in schema public from ${APPLICATION_ROLE};
      revoke all on all tables in schema public from ${APPLICATION_ROLE};
      revoke usage on schema public from ${APPLICATION_ROLE};
    `);
  }
}

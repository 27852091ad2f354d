import { Injectable } from '@nestjs/common';
import { todayIsoDate } from '@registry/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { RegistryError } from '../../common/registry-error';
import { COORDINATOR_SHEET } from '../sheets/columns';
import { loadJob, type ImportMode } from '../reading/import-job';
import { ImportValidationService, RECORD_TABLES } from '../validating/import-validation.service';
import { STAGING_TABLES } from '../validating/staging';
import { RequestDatabase } from '../../auth/request-database';

/** Commit: one transaction of set-based upserts + one audit row. */
@Injectable()
export class ImportCommitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly validation: ImportValidationService,
    private readonly audit: AuditService,
    private readonly requestDatabase: RequestDatabase,
  ) {}

  /**
   * The commit itself (background, owner connection). Its atomicity is tested by a trigger the
   * test installs that fails the n-th row written (test/fixtures/imports/commit-fault.ts).
   */
  async runCommit(id: string, mode: ImportMode, claimed = false): Promise<void> {
    const job = await loadJob(this.dataSource, id);
    if (!claimed) {
      const [row] = await this.dataSource.query(
        `update import_job set status = 'COMMITTING', mode = $2, updated_at = now() where id = $1 and status = 'VALIDATED' returning id`,
        [id, mode],
      );
      if (!row) throw RegistryError.badInput('status', '该导入任务不在待提交状态');
    }
    let writtenTotal = 0;
    try {
      await this.dataSource.transaction(async (manager) => {
        const run = (sql: string, parameters?: unknown[]) => manager.query(sql, parameters);
        await run(`select pg_advisory_xact_lock(hashtext('registry-import'))`);
        // the joins and sorts over 100k staged rows and 300k records stay in memory
        await run(`set local work_mem = '64MB'`);
        const [jobNow] = await run(`select lists_present from import_job where id = $1`, [id]);
        const lists: string[] = jobNow.lists_present ?? [];
        // (the keys of main rows refused by the row checks only change the wording of a sub-sheet error)
        await this.validation.setChecks(run, job, []);
        const [{ invalid }] = await run(`select count(*)::int as invalid from (select distinct sheet, row_number from import_job_error where job_id = $1) x`, [id]);
        if (mode === 'ALL_OR_NOTHING' && invalid > 0) {
          throw RegistryError.badInput('mode', `文件有 ${invalid} 行错误，全部导入模式下不会写入任何数据`);
        }
        const counts = await this.validation.classify(run, id, job.kind, lists, true);
        // progress is reported on another connection (the transaction's writes are invisible
        // until it commits); a failed commit resets it to 0
        const progress = (rows: number) =>
          this.dataSource.query(`update import_job set rows_written = $2, updated_at = now() where id = $1`, [id, rows]).then(() => undefined);
        let written = 0;
        if (job.kind === 'enterprises') written = await this.writeEnterprises(run, id, progress);
        else written = await this.writeCoordinators(run, id, lists, progress);
        writtenTotal = written;
        await this.audit.record(
          { id: job.userId ?? '', username: job.username },
          {
            action: 'IMPORT_COMMIT',
            objectType: 'import_job',
            objectId: id,
            regionPath: job.scopePath,
            detail: { kind: job.kind, fileName: job.fileName, mode, ...counts, invalid, written },
          },
          manager,
        );
        await run(
          `update import_job set status = 'COMMITTED', rows_written = $2, count_new = $3, count_updated = $4, count_unchanged = $5,
             count_invalid = $6, committed_at = clock_timestamp(), updated_at = now(), message = null where id = $1`,
          [id, written, counts.new, counts.updated, counts.unchanged, invalid],
        );
      });
      // with replicas: the uploader's next reads, on any instance, see what the job wrote
      await this.requestDatabase.noteUserWrite(job.userId).catch(() => undefined);
      // a big import changes the tables' shape: fresh statistics keep list and export plans sane
      if (writtenTotal >= 5000) {
        await this.dataSource.query(
          job.kind === 'enterprises' ? `analyze enterprise` : `analyze coordinator, certificate, education, work_period, training`,
        );
      }
    } catch (error) {
      await this.dataSource.query(
        `update import_job set status = 'FAILED', rows_written = 0, message = $2, updated_at = now() where id = $1`,
        [id, error instanceof RegistryError ? error.message : '提交失败，事务已回滚，数据库未作任何修改'],
      );
      throw error;
    } finally {
      await this.clearStaging(id).catch(() => undefined);
    }
  }

  private async clearStaging(id: string): Promise<void> {
    for (const table of STAGING_TABLES) await this.dataSource.query(`delete from ${table} where job_id = $1`, [id]);
  }

  private async writeEnterprises(
    run: (sql: string, parameters?: unknown[]) => Promise<unknown>,
    id: string,
    progress: (rows: number) => Promise<void>,
  ): Promise<number> {
    // the figures' year (统计年度) and the day of an employer change (变更日期) are the rows' own (migration EffectiveDatedRegistry)
    await run(`select set_config('registry.history_stated', 'on', true)`);
    const inserted = (await run(
      `insert into enterprise (credit_code, name, region_code, region_path, industry_code, industry_section, employees, revenue, assets,
         public_owned, social_organization, derived_size_class, size_override, size_override_reason, registered_on, figures_year)
       select s.credit_code, s.name, s.region_code, s.region_path, s.industry_code, s.industry_section, s.employees, s.revenue, s.assets,
         s.public_owned, s.social_organization, s.derived_size_class, s.size_override, s.size_override_reason, coalesce(s.registered_on, $2::date),
         s.figures_year
       from import_staging_enterprise s join import_target t on t.row_number = s.row_number
       where s.job_id = $1 and t.action = 'NEW'
       order by s.row_number
       returning id`,
      [id, todayIsoDate()],
    )) as unknown[];
    await progress(inserted.length);
    // figures of a year before the enterprise's latest go to that year only
    await run(
      `insert into enterprise_year_figures (enterprise_id, year, province_code, employees, revenue, assets, derived_size_class, size_override,
         size_override_reason, size_class)
       select e.id, s.figures_year, left(e.region_code, 2), s.employees, s.revenue, s.assets, s.derived_size_class, s.size_override,
         s.size_override_reason, coalesce(s.size_override, s.derived_size_class)
       from import_staging_enterprise s join import_target t on t.row_number = s.row_number join enterprise e on e.id = t.target_id
       where s.job_id = $1 and t.action = 'UPDATE' and s.figures_year < e.figures_year
       on conflict (enterprise_id, year) do update set employees = excluded.employees, revenue = excluded.revenue, assets = excluded.assets,
         derived_size_class = excluded.derived_size_class, size_override = excluded.size_override,
         size_override_reason = excluded.size_override_reason, size_class = excluded.size_class`,
      [id],
    );
    const past = `s.figures_year < e.figures_year`;
    const figures = (column: string) => `${column} = case when ${past} then e.${column} else s.${column} end`;
    const updated = (await run(
      `update enterprise e set name = s.name, region_code = s.region_code, region_path = s.region_path, industry_code = s.industry_code,
         industry_section = s.industry_section, ${['employees', 'revenue', 'assets', 'derived_size_class', 'size_override', 'size_override_reason'].map(figures).join(', ')},
         public_owned = s.public_owned, social_organization = s.social_organization,
         figures_year = case when ${past} then e.figures_year
           when (e.employees, e.revenue, e.assets, e.derived_size_class, e.size_override, e.size_override_reason)
             is distinct from (s.employees, s.revenue, s.assets, s.derived_size_class, s.size_override, s.size_override_reason)
           then greatest(e.figures_year, coalesce(s.figures_year, $2::int)) else greatest(e.figures_year, coalesce(s.figures_year, e.figures_year)) end,
         registered_on = coalesce(s.registered_on, e.registered_on),
         version = e.version + 1, updated_at = now()
       from import_staging_enterprise s join import_target t on t.row_number = s.row_number
       where s.job_id = $1 and t.action = 'UPDATE' and e.id = t.target_id
       returning e.id`,
      [id, Number(todayIsoDate().slice(0, 4))],
    )) as [unknown[], number] | unknown[];
    return inserted.length + rowCount(updated);
  }

  private async writeCoordinators(
    run: (sql: string, parameters?: unknown[]) => Promise<unknown>,
    id: string,
    lists: string[],
    progress: (rows: number) => Promise<void>,
  ): Promise<number> {
    const [{ fresh, changed }] = (await run(
      `select count(*) filter (where action = 'NEW')::int as fresh, count(*) filter (where action = 'UPDATE')::int as changed from import_target`,
    )) as { fresh: number; changed: number }[];
    await run(
      `insert into coordinator (id, name, gender, birth_date, id_number_cipher, id_number_key_id, id_number_hash, id_number_masked, phone, category,
         affiliation, tripartite_or_grassroots, enterprise_id, unit_name, region_code, region_path, post, status, joined_on, left_on)
       overriding system value
       select t.target_id, s.name, s.gender, s.birth_date, s.id_number_cipher, s.id_number_key_id, s.id_number_hash, s.id_number_masked, s.phone, s.category,
         s.affiliation, s.tripartite_or_grassroots, s.enterprise_id, s.unit_name, s.region_code, s.region_path, s.post, s.status,
         coalesce(s.joined_on, $2::date), s.left_on
       from import_staging_coordinator s join import_target t on t.row_number = s.row_number
       where s.job_id = $1 and t.action = 'NEW'`,
      [id, todayIsoDate()],
    );
    await progress(fresh);
    // a new employer, unit or region starts a new assignment on 变更日期 (default today; migration EffectiveDatedRegistry)
    await run(`select set_config('registry.history_stated', 'on', true)`);
    await run(
      `update coordinator c set name = s.name, phone = s.phone, category = s.category, affiliation = s.affiliation,
         tripartite_or_grassroots = s.tripartite_or_grassroots, enterprise_id = s.enterprise_id, unit_name = s.unit_name,
         region_code = s.region_code, region_path = s.region_path, post = s.post, status = s.status,
         assigned_on = case when (c.enterprise_id, c.unit_name, c.region_code) is distinct from (s.enterprise_id, s.unit_name, s.region_code)
           then greatest(c.assigned_on, coalesce(s.changed_on, $2::date)) else c.assigned_on end,
         joined_on = coalesce(s.joined_on, c.joined_on), left_on = s.left_on, version = c.version + 1, updated_at = now()
       from import_staging_coordinator s join import_target t on t.row_number = s.row_number
       where s.job_id = $1 and t.action = 'UPDATE' and c.id = t.target_id`,
      [id, todayIsoDate()],
    );
    await progress(fresh + changed);
    for (const list of lists) {
      const spec = RECORD_TABLES[list];
      await run(
        `delete from ${spec.table} x using import_target t where t.action = 'UPDATE' and x.coordinator_id = t.target_id`,
      );
      const columns = spec.columns.map(([name]) => name).join(', ');
      const typed = spec.columns.map(([name, type]) => `${name} ${type}`).join(', ');
      await run(
        `insert into ${spec.table} (coordinator_id, ${columns})
         select t.target_id, ${spec.columns.map(([name]) => `v.${name}`).join(', ')}
         from import_staging_record r
         join import_target t on t.id_key = r.id_key and (r.sheet <> '${COORDINATOR_SHEET.name}' or r.row_number = t.row_number)
         cross join lateral jsonb_to_record(r.data) as v(${typed})
         where r.job_id = $1 and r.kind = '${list}' and t.action in ('NEW', 'UPDATE')
         order by t.row_number, r.sheet_index, r.row_number`,
        [id],
      );
    }
    return fresh + changed;
  }
}

function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}

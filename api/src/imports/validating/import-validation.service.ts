import { todayIsoDate } from '@registry/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { RegistryError } from '../../common/registry-error';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { ID_NUMBER_PROBES_PER_DAY, IdNumberProbesService, PROBE_LIMIT_REACHED, REGISTERED_ELSEWHERE } from '../../coordinators/id-number-probes.service';
import { RegionsService } from '../../regions/regions.service';
import { startWorker } from '../../common/worker-thread';
import { COORDINATOR_SHEET, takesRegionLevel, type ImportKind } from '../sheets/columns';
import { importFileDir, loadJob, scoped, type ImportError, type ImportJob, type ImportMode } from '../reading/import-job';
import { declaredRowTotal } from '../reading/row-total';
import { previewSql, regionNameNotes, toPreview } from './import-report';
import { RegionNameResolver } from './region-names';
import {
  COORDINATOR_STAGE_COLUMNS,
  ENTERPRISE_STAGE_COLUMNS,
  errorOf,
  RECORD_STAGE_COLUMNS,
  type RowChecksBatch,
  type RowChecksInput,
  type RowChecksOutcome,
} from './row-checks';
import type { RowChecksMessage, RowChecksReply } from './row-checks-worker';
import { CopyWriter, STAGING_TABLES } from './staging';

const PROGRESS_EVERY = 5000;
/** The lists of a coordinator (sub sheets / columns of the main sheet) and the tables they are stored in. */
export const RECORD_TABLES: Record<string, { table: string; columns: [string, string][]; json: string }> = {
  certificates: {
    table: 'certificate',
    columns: [['occupation', 'varchar'], ['level', 'smallint'], ['title', 'varchar'], ['certificate_number', 'varchar'], ['issuer', 'varchar'], ['issued_on', 'date']],
    json: `jsonb_build_object('occupation', occupation, 'level', level, 'title', title, 'certificate_number', certificate_number, 'issuer', issuer, 'issued_on', issued_on)`,
  },
  educations: {
    table: 'education',
    columns: [['level', 'varchar'], ['major', 'varchar'], ['school', 'varchar'], ['graduated_on', 'date']],
    json: `jsonb_build_object('level', level, 'major', major, 'school', school, 'graduated_on', graduated_on)`,
  },
  workPeriods: {
    table: 'work_period',
    columns: [['start_on', 'date'], ['end_on', 'date'], ['occupation', 'varchar'], ['employer', 'varchar']],
    json: `jsonb_build_object('start_on', start_on, 'end_on', end_on, 'occupation', occupation, 'employer', employer)`,
  },
  trainings: {
    table: 'training',
    columns: [['course', 'varchar'], ['hours', 'numeric'], ['provider', 'varchar'], ['result', 'varchar'], ['completed_on', 'date'], ['subsidy_kind', 'varchar'], ['subsidy_amount', 'numeric']],
    json: `jsonb_build_object('course', course, 'hours', hours::float8, 'provider', provider, 'result', result, 'completed_on', completed_on, 'subsidy_kind', subsidy_kind, 'subsidy_amount', subsidy_amount::float8)`,
  },
  // 六(三): the region each is counted in follows by trigger (migration WorkRecords); imported rows have no author
  workRecords: {
    table: 'work_record',
    columns: [['kind', 'varchar'], ['count', 'integer'], ['recorded_on', 'date'], ['date_precision', 'varchar'], ['enterprise_id', 'bigint'], ['outcome', 'varchar'], ['description', 'varchar']],
    json: `jsonb_build_object('kind', kind, 'count', count, 'recorded_on', recorded_on, 'date_precision', date_precision, 'enterprise_id', enterprise_id, 'outcome', outcome, 'description', description)`,
  },
};

export { COORDINATOR_STAGE_COLUMNS, ENTERPRISE_STAGE_COLUMNS } from './row-checks';

/**
 * Dry run: parse → row checks (libs/domain) → COPY to staging → set-based checks → counts.
 * The set-based checks and the classification are rerun by the commit, inside its transaction.
 */
@Injectable()
export class ImportValidationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly probes: IdNumberProbesService,
  ) {}

  private async client<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const [client, release] = (await (this.dataSource.driver as PostgresDriver).obtainMasterConnection()) as [PoolClient, (error?: unknown) => void];
    try {
      return await work(client);
    } finally {
      release();
    }
  }

  /** The dry run of a queued job (background, owner connection); `autoCommit` skips the counts the commit computes. */
  async validate(id: string, autoCommit: ImportMode | null): Promise<void> {
    const job = await loadJob(this.dataSource, id);
    const rowsTotal = await declaredRowTotal(importFileDir(this.config), job);
    await this.dataSource.query(
      `update import_job set status = 'VALIDATING', rows_parsed = 0, rows_validated = 0, rows_total = $2, check_step = 0, check_steps = 0,
         preview = null, notes = null, updated_at = now() where id = $1`,
      [id, rowsTotal],
    );
    // a run retried after its instance died starts over: what the first run staged goes
    for (const table of ['import_job_error', ...STAGING_TABLES]) {
      await this.dataSource.query(`delete from ${table} where job_id = $1`, [id]);
    }
    // reading and the per-row checks run in a worker thread (row-checks-worker.ts); this thread
    // writes the COPY text it posts to the staging streams and the row errors to import_job_error
    const regions = this.regions.allCodes().map((code) => {
      const { name, level, path } = this.regions.find(code)!;
      return { code, name, level, path };
    });
    const regionNames = new RegionNameResolver(regions, job.scopePath, (level) => takesRegionLevel(job.kind, level));
    const input: RowChecksInput = {
      dataDir: this.config.dataDir,
      job,
      regions,
      sealerKeys: { idNumberKeys: this.config.idNumberKeys, idNumberHashKey: this.config.idNumberHashKey },
      today: todayIsoDate(),
    };
    const errors: ImportError[] = [];
    let reported = 0;
    const outcome = await this.client(async (mainClient) =>
      this.client(async (recordClient) => {
        const main = new CopyWriter(mainClient, job.kind === 'coordinators' ? 'import_staging_coordinator' : 'import_staging_enterprise', job.kind === 'coordinators' ? COORDINATOR_STAGE_COLUMNS : ENTERPRISE_STAGE_COLUMNS);
        const records = job.kind === 'coordinators' ? new CopyWriter(recordClient, 'import_staging_record', RECORD_STAGE_COLUMNS) : null;
        try {
          const result = await checkRowsInWorker(input, async (batch) => {
            await Promise.all([main.writeText(batch.main, batch.mainRows), records?.writeText(batch.records, batch.recordRows)]);
            errors.push(...batch.errors);
            if (errors.length >= 5000) await this.insertErrors(id, errors.splice(0), 'ROW');
            if (Math.floor(batch.parsed / PROGRESS_EVERY) > Math.floor(reported / PROGRESS_EVERY)) {
              reported = batch.parsed;
              await this.dataSource.query(`update import_job set rows_parsed = $2, updated_at = now() where id = $1`, [id, batch.parsed]);
            }
          });
          await main.end();
          await records?.end();
          return result;
        } catch (error) {
          await Promise.allSettled([main.end(), records?.end()]);
          throw error;
        }
      }),
    );
    const { parsed, sawHeader, listsPresent, invalidMainKeys, regionNameUses } = outcome;
    const invalidSubRows = new Map(outcome.invalidSubRows);
    if (!sawHeader) {
      throw RegistryError.badInput('file', `文件中找不到${job.kind === 'coordinators' ? '协调员' : '用人单位'}模板的表头（如“${job.kind === 'coordinators' ? '姓名、身份证号、所在地区' : '统一社会信用代码、单位名称'}”），请使用下载的模板`);
    }
    await this.insertErrors(id, errors, 'ROW');
    if (invalidSubRows.size > 0) {
      // kept as a row error (not recomputed at commit): the refused sub-sheet row is not staged
      await this.dataSource.query(
        `insert into import_job_error (job_id, sheet, row_number, column_name, reason, origin)
         select $1, $4, s.row_number, '身份证号', u.reason, 'ROW'
         from import_staging_coordinator s join unnest($2::varchar[], $3::varchar[]) as u(key, reason) on u.key = s.id_key
         where s.job_id = $1`,
        [id, [...invalidSubRows.keys()], [...invalidSubRows.values()], COORDINATOR_SHEET.name],
      );
    }
    // reading is done: its total is now exact; the whole-file checks count their own steps
    // (a dry count of setChecks' statements, plus the classification)
    let checkSteps = 1;
    await this.setChecks(async () => {
      checkSteps += 1;
      return [];
    }, job, invalidMainKeys);
    await this.dataSource.query(
      `update import_job set rows_parsed = $2, rows_total = $2, lists_present = $3, check_step = 0, check_steps = $4, updated_at = now() where id = $1`,
      [id, parsed, listsPresent, checkSteps],
    );
    // fresh staging rows: give the planner statistics before the set-based checks (only the
    // columns they join and filter on: the jsonb and text columns would cost ~0.4 s per 100k rows)
    await this.dataSource.query(
      job.kind === 'coordinators'
        ? `analyze import_staging_coordinator (job_id, row_number, id_key, id_number_hash, id_number_cipher, ref, enterprise_code, valid),
             import_staging_record (job_id, sheet, row_number, id_key, kind)`
        : `analyze import_staging_enterprise`,
    );
    let checkStep = 0;
    // reported from the pool (not the transaction), so a poller sees it while the checks run
    const stepDone = () => this.dataSource.query(`update import_job set check_step = $2, updated_at = now() where id = $1`, [id, Math.min(++checkStep, checkSteps)]);
    await this.dataSource.transaction(async (manager) => {
      const run = (sql: string, parameters?: unknown[]) => manager.query(sql, parameters);
      await run(`set local work_mem = '64MB'`);
      await this.setChecks(async (sql, parameters) => {
        const result = await run(sql, parameters);
        await stepDone();
        return result;
      }, job, invalidMainKeys, 'validate');
      // an upload that commits at once is classified by the commit itself
      const counts = autoCommit ? { new: null, updated: null, unchanged: null } : await this.classify(run, id, job.kind, listsPresent);
      const preview = autoCommit ? null : previewSql(job.kind);
      const previewRows = preview ? ((await run(preview, [id])) as Record<string, unknown>[]) : null;
      await run(
        `update import_job set status = 'VALIDATED', count_new = $2, count_updated = $3, count_unchanged = $4,
           count_invalid = (select count(*) from (select distinct sheet, row_number from import_job_error where job_id = $1) x),
           rows_validated = rows_parsed, check_step = check_steps, preview = $5, notes = $6,
           validated_at = clock_timestamp(), updated_at = now()
         where id = $1`,
        [id, counts.new, counts.updated, counts.unchanged, previewRows ? JSON.stringify(toPreview(job.kind, previewRows, (code) => regionNames.describe(this.regions.find(code) ?? { code, name: code, level: '', path: '' }))) : null, JSON.stringify(regionNameNotes(regionNameUses))],
      );
    });
  }

  private async insertErrors(id: string, errors: ImportError[], origin: 'ROW' | 'SET'): Promise<void> {
    for (let start = 0; start < errors.length; start += 5000) {
      const slice = errors.slice(start, start + 5000);
      await this.dataSource.query(
        `insert into import_job_error (job_id, sheet, row_number, column_name, reason, origin)
         select $1, * , $6 from unnest($2::varchar[], $3::int[], $4::varchar[], $5::varchar[])`,
        [id, slice.map((e) => e.sheet), slice.map((e) => e.row), slice.map((e) => e.column.slice(0, 64)), slice.map((e) => e.reason.slice(0, 500)), origin],
      );
    }
  }

  /** The checks that need the whole file or the database; rerun inside the commit transaction. */
  async setChecks(
    run: (sql: string, parameters?: unknown[]) => Promise<unknown>,
    job: ImportJob,
    invalidMainKeys: string[],
    phase: 'validate' | 'commit' = 'commit',
  ): Promise<void> {
    const id = job.id;
    await run(`delete from import_job_error where job_id = $1 and origin = 'SET'`, [id]);
    const error = (sheet: string, select: string, parameters: unknown[] = []) =>
      run(`insert into import_job_error (job_id, sheet, row_number, column_name, reason, origin) select $1, ${sheet}, x.row_number, x.column_name, x.reason, 'SET' from (${select}) x`, [
        id,
        ...parameters,
      ]);
    if (job.kind === 'enterprises') {
      await run(`update import_staging_enterprise set valid = true where job_id = $1 and not valid`, [id]);
      await error(`'用人单位'`, duplicateInFileSql('import_staging_enterprise', 'credit_code', '统一社会信用代码'));
      await error(
        `'用人单位'`,
        `select s.row_number, '统一社会信用代码' as column_name, '该统一社会信用代码已登记，如需转入请联系省级管理员办理转移' as reason
         from import_staging_enterprise s join enterprise e on e.credit_code = s.credit_code
         where s.job_id = $1 and not ${scoped('e.region_path', '$2')}`,
        [job.scopePath],
      );
      await run(
        `update import_staging_enterprise s set valid = false from import_job_error x
         where s.job_id = $1 and x.job_id = $1 and x.origin = 'SET' and x.row_number = s.row_number`,
        [id],
      );
      return;
    }
    const main = COORDINATOR_SHEET.name;
    await run(`update import_staging_coordinator set valid = true, enterprise_id = null where job_id = $1 and (not valid or enterprise_id is not null)`, [id]);
    // masked ID numbers (from an export) resolve through 记录编号 to the coordinator they came
    // from, within the jurisdiction only: a foreign record answers exactly like a missing one
    await run(
      `update import_staging_coordinator s set id_number_hash = c.id_number_hash, gender = c.gender, birth_date = c.birth_date
       from coordinator c where s.job_id = $1 and s.id_number_cipher is null and c.id = s.ref and c.id_number_masked = s.id_number_masked
         and ${scoped('c.region_path', '$2')}`,
      [id, job.scopePath],
    );
    await error(
      `'${main}'`,
      `select row_number, '身份证号' as column_name, '身份证号已脱敏，且与记录编号 ' || coalesce(ref::text, '') || ' 的协调员不符（或该记录不存在）' as reason
       from import_staging_coordinator where job_id = $1 and id_number_hash is null`,
    );
    await error(`'${main}'`, duplicateInFileSql('import_staging_coordinator', 'id_number_hash', '身份证号'));
    await this.answerRegisteredElsewhere(run, job, phase);
    await run(
      `update import_staging_coordinator s set enterprise_id = e.id from enterprise e
       where s.job_id = $1 and e.credit_code = s.enterprise_code and e.active and ${scoped('e.region_path', '$2')}`,
      [id, job.scopePath],
    );
    await error(
      `'${main}'`,
      `select row_number, '用人单位统一社会信用代码' as column_name, '用人单位 ' || enterprise_code || ' 未登记、已注销或不在您的管辖范围内' as reason
       from import_staging_coordinator where job_id = $1 and enterprise_code is not null and enterprise_id is null`,
    );
    // a new employer, unit or region holds from 变更日期: not before the current one began
    await error(
      `'${main}'`,
      `select s.row_number, '变更日期' as column_name, '变更日期 ' || s.changed_on || ' 早于当前任职的起始日期 ' || c.assigned_on as reason
       from import_staging_coordinator s join coordinator c on c.id_number_hash = s.id_number_hash
       where s.job_id = $1 and s.changed_on < c.assigned_on
         and (c.enterprise_id, c.unit_name, c.region_code) is distinct from (s.enterprise_id, s.unit_name, s.region_code)`,
    );
    // 工作记录: the enterprise served, by credit code, registered within the scope (its id replaces the code)
    await run(
      `update import_staging_record r set data = jsonb_set(r.data - 'enterprise_code', '{enterprise_id}', to_jsonb(e.id))
       from enterprise e
       where r.job_id = $1 and r.kind = 'workRecords' and r.data ? 'enterprise_code' and e.credit_code = r.data->>'enterprise_code' and ${scoped('e.region_path', '$2')}`,
      [id, job.scopePath],
    );
    await error(
      `x.sheet`,
      `select r.row_number, r.sheet, '服务企业统一社会信用代码' as column_name, '用人单位 ' || (r.data->>'enterprise_code') || ' 未登记或不在您的管辖范围内' as reason
       from import_staging_record r where r.job_id = $1 and r.kind = 'workRecords' and r.data ? 'enterprise_code'`,
    );
    // records of the sub sheets: their ID number must be on the main sheet, dates not before birth
    await error(
      `x.sheet`,
      `select r.row_number, r.sheet, '身份证号' as column_name,
         case when r.id_key = any($2::varchar[]) then '「协调员」表中该身份证号所在的行有误，本行未导入'
              else '「协调员」表中没有这个身份证号' end as reason
       from import_staging_record r
       where r.job_id = $1 and r.sheet <> '${main}'
         and not exists (select 1 from import_staging_coordinator s where s.job_id = $1 and s.id_key = r.id_key)`,
      [invalidMainKeys],
    );
    await error(
      `x.sheet`,
      `select r.row_number, r.sheet, r.min_date_column as column_name, '日期 ' || r.min_date || ' 早于出生日期 ' || s.birth_date as reason
       from import_staging_record r join import_staging_coordinator s on s.job_id = r.job_id and s.id_key = r.id_key
       where r.job_id = $1 and r.sheet <> '${main}' and r.min_date < s.birth_date`,
    );
    // a main row whose further records are wrong is not imported either (its lists would be incomplete)
    await error(
      `'${main}'`,
      `select distinct on (s.row_number) s.row_number, '身份证号' as column_name, '附表「' || x.sheet || '」第' || x.row_number || '行有误，本行未导入' as reason
       from import_job_error x join import_staging_record r on r.job_id = x.job_id and r.sheet = x.sheet and r.row_number = x.row_number
       join import_staging_coordinator s on s.job_id = r.job_id and s.id_key = r.id_key
       where x.job_id = $1 and x.sheet <> '${main}'
       order by s.row_number, x.sheet, x.row_number`,
    );
    await run(
      `update import_staging_coordinator s set valid = false from import_job_error x
       where s.job_id = $1 and x.job_id = $1 and x.sheet = '${main}' and x.row_number = s.row_number`,
      [id],
    );
    // 入职日期 left blank: the earliest work period of the file (as the form does)
    await run(
      `update import_staging_coordinator s set joined_on = w.first_start
       from (select id_key, min((data->>'start_on')::date) as first_start from import_staging_record
             where job_id = $1 and kind = 'workPeriods' group by id_key) w
       where s.job_id = $1 and s.joined_on is null and s.valid and w.id_key = s.id_key`,
      [id],
    );
  }

  /**
   * Full ID numbers registered outside the jurisdiction: "registered, ask the province" and
   * nothing more, counted against the uploader's daily budget (IdNumberProbesService, ADR 0712).
   * The dry run refuses the whole file when the budget is used up and the file holds a number
   * the user has not been told about today (whether or not it exists), or when its hits exceed
   * what is left; the commit reruns this on the same rows and only answers.
   */
  private async answerRegisteredElsewhere(run: (sql: string, parameters?: unknown[]) => Promise<unknown>, job: ImportJob, phase: 'validate' | 'commit'): Promise<void> {
    const user = { id: job.userId, username: job.username, scopePath: job.scopePath };
    const hits = (await run(
      `select s.row_number, s.id_number_hash::text as hash, s.id_number_masked as masked
       from import_staging_coordinator s join coordinator c on c.id_number_hash = s.id_number_hash
       where s.job_id = $1 and s.id_number_cipher is not null and not ${scoped('c.region_path', '$2')}
       order by s.row_number`,
      [job.id, job.scopePath],
    )) as { row_number: number; hash: string; masked: string }[];
    const today = await this.probes.today(user, hits.map((hit) => hit.hash));
    const fresh = new Set(hits.filter((hit) => !today.known.has(hit.hash)).map((hit) => hit.hash));
    const context = { importJobId: job.id, fileName: job.fileName };
    if (phase === 'validate' && job.userId) {
      let refuse = today.used + fresh.size > ID_NUMBER_PROBES_PER_DAY;
      if (!refuse && today.used >= ID_NUMBER_PROBES_PER_DAY) {
        const [{ unknown }] = (await run(
          `select count(*)::int as unknown from import_staging_coordinator s
           where s.job_id = $1 and s.id_number_cipher is not null
             and not exists (select 1 from coordinator c where c.id_number_hash = s.id_number_hash and ${scoped('c.region_path', '$2')})
             and not exists (select 1 from id_number_probe p where p.user_id = $3 and p.day = $4 and p.id_number_hash = s.id_number_hash)`,
          [job.id, job.scopePath, job.userId, todayIsoDate()],
        )) as { unknown: number }[];
        refuse = unknown > 0;
      }
      if (refuse) {
        await this.probes.record(user, hits, 'IMPORT', context);
        await this.probes.warnOverLimit(user, 'IMPORT', context);
        throw RegistryError.badInput('file', PROBE_LIMIT_REACHED);
      }
    }
    await this.probes.record(user, hits, 'IMPORT', context);
    if (hits.length === 0) return;
    await run(
      `insert into import_job_error (job_id, sheet, row_number, column_name, reason, origin)
       select $1, $2, r, '身份证号', $4, 'SET' from unnest($3::int[]) r`,
      [job.id, COORDINATOR_SHEET.name, hits.map((hit) => hit.row_number), REGISTERED_ELSEWHERE],
    );
  }

  /**
   * import_target: every valid staged row with its action (NEW / UPDATE / UNCHANGED). A row is
   * UNCHANGED when its fields and each list the file carries equal what is stored.
   */
  async classify(
    run: (sql: string, parameters?: unknown[]) => Promise<unknown>,
    id: string,
    kind: ImportKind,
    lists: string[],
    assignIds = false,
  ): Promise<{ new: number; updated: number; unchanged: number }> {
    await run(`drop table if exists import_target`);
    if (kind === 'enterprises') {
      await run(
        `create temp table import_target on commit drop as
         select s.row_number, s.credit_code, e.id as target_id,
           case when e.id is null then 'NEW'
                when (e.name, e.region_code, e.industry_code, e.industry_section, e.employees, e.revenue, e.assets, e.public_owned,
                      e.social_organization, e.derived_size_class, e.size_override, e.size_override_reason, e.registered_on)
                     is distinct from
                     (s.name, s.region_code, s.industry_code, s.industry_section, s.employees, s.revenue, s.assets, s.public_owned,
                      s.social_organization, s.derived_size_class, s.size_override, s.size_override_reason, coalesce(s.registered_on, e.registered_on))
                then 'UPDATE' else 'UNCHANGED' end as action
         from import_staging_enterprise s left join enterprise e on e.credit_code = s.credit_code
         where s.job_id = $1 and s.valid`,
        [id],
      );
    } else {
      // the commit gives new coordinators their ids here, so rows and sub-records insert without
      // a join back (and without a second pass over the table)
      await run(
        `create temp table import_target on commit drop as
         select s.row_number, s.id_key, s.id_number_hash,
           ${assignIds ? `coalesce(c.id, nextval(pg_get_serial_sequence('coordinator', 'id')))` : 'c.id'} as target_id,
           case when c.id is null then 'NEW'
                when (c.name, c.phone, c.category, c.affiliation, c.tripartite_or_grassroots, c.enterprise_id, c.unit_name, c.region_code,
                      c.post, c.status, c.joined_on, c.left_on)
                     is distinct from
                     (s.name, s.phone, s.category, s.affiliation, s.tripartite_or_grassroots, s.enterprise_id, s.unit_name, s.region_code,
                      s.post, s.status, coalesce(s.joined_on, c.joined_on), s.left_on)
                then 'UPDATE' else 'UNCHANGED' end as action
         from import_staging_coordinator s left join coordinator c on c.id_number_hash = s.id_number_hash
         where s.job_id = $1 and s.valid`,
        [id],
      );
      const [{ candidates }] = (await run(`select count(*) filter (where action = 'UNCHANGED')::int as candidates from import_target`)) as {
        candidates: number;
      }[];
      if (lists.length > 0 && candidates > 0) {
        // rows whose fields match (UNCHANGED so far): compare each list the file carries, as sorted arrays of
        // canonical jsonb text, staged vs stored (set-based: one aggregate per side)
        await run(`create index on import_target (id_key)`);
        await run(`analyze import_target`);
        const stored = lists
          .map((list) => {
            const spec = RECORD_TABLES[list];
            return `select t.row_number, '${list}'::varchar as kind, array_agg(${spec.json}::text order by ${spec.json}::text) as items
                    from import_target t join ${spec.table} x on x.coordinator_id = t.target_id
                    where t.action = 'UNCHANGED' group by t.row_number`;
          })
          .join(' union all ');
        await run(
          `update import_target t set action = 'UPDATE'
           from (
             select coalesce(a.row_number, b.row_number) as row_number
             from (select t.row_number, r.kind, array_agg(r.data::text order by r.data::text) as items
                   from import_target t
                   join import_staging_record r on r.job_id = $1 and r.id_key = t.id_key
                     and (r.sheet <> '${COORDINATOR_SHEET.name}' or r.row_number = t.row_number)
                   where t.action = 'UNCHANGED' and r.kind = any($2::varchar[])
                   group by t.row_number, r.kind) a
             full join (${stored}) b on a.row_number = b.row_number and a.kind = b.kind
             where a.items is distinct from b.items
             group by 1) d
           where t.row_number = d.row_number`,
          [id, lists],
        );
      }
    }
    // a fresh temp table has no statistics: without them the joins below plan as nested loops
    await run(`create index on import_target (row_number)`);
    await run(`analyze import_target`);
    const rows = (await run(`select action, count(*)::int as count from import_target group by action`)) as { action: string; count: number }[];
    const count = (action: string) => rows.find((row) => row.action === action)?.count ?? 0;
    return { new: count('NEW'), updated: count('UPDATE'), unchanged: count('UNCHANGED') };
  }
}

/**
 * Memory of the row-checks worker (the xlsx parser has its own, readers.ts); beyond it the dry
 * run fails, not the server. It streams (batches of 500 rows, 4 in flight): a small young
 * generation keeps its garbage from adding tens of MB to the server's peak RSS, as the export
 * worker's does.
 */
const ROW_CHECKS_HEAP_MB = 256;
const ROW_CHECKS_YOUNG_MB = 16;

/**
 * The row checks of one file in a worker thread (row-checks-worker.ts). `write` gets each batch
 * in file order; the worker reads on while fewer than MAX_BATCHES_IN_FLIGHT wait unwritten.
 */
async function checkRowsInWorker(input: RowChecksInput, write: (batch: RowChecksBatch) => Promise<void>): Promise<RowChecksOutcome> {
  const worker = startWorker(__dirname, 'row-checks-worker', input, { maxOldGenerationSizeMb: ROW_CHECKS_HEAP_MB, maxYoungGenerationSizeMb: ROW_CHECKS_YOUNG_MB });
  const inbox: RowChecksMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: RowChecksMessage) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error: Error) => {
    failure ??= error;
    notify();
  });
  worker.on('exit', () => {
    failure ??= new Error('row checks worker exited');
    notify();
  });
  try {
    for (;;) {
      while (inbox.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      // messages already posted come first: a worker that finished may have exited since
      const message = inbox.shift();
      if (!message) throw failure!;
      if (message.type === 'done') return message.outcome;
      if (message.type === 'error') throw errorOf(message.failure);
      await write(message.batch);
      worker.postMessage('more' satisfies RowChecksReply);
    }
  } finally {
    await worker.terminate();
  }
}

/** $1 job id: the rows whose `key` an earlier row of the same file already has ("与第 N 行的…重复"), for the column `label`. */
function duplicateInFileSql(table: string, key: string, label: string): string {
  return `select s.row_number, '${label}' as column_name, '与第' || f.first_row || '行的${label}重复' as reason
    from ${table} s
    join (select ${key}, min(row_number) as first_row from ${table}
          where job_id = $1 and ${key} is not null group by ${key} having count(*) > 1) f on f.${key} = s.${key}
    where s.job_id = $1 and s.row_number > f.first_row`;
}

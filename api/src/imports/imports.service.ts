import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isWithinScope } from '@registry/domain';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { runAsOwner } from '../auth/request-database';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { COORDINATOR_SHEET, IMPORT_KINDS, type ImportKind } from './sheets/columns';
import { IMPORT_QUEUE, QUEUE_SCHEMA } from '../config/database-names';
import { ImportCommitService } from './committing/import-commit.service';
import {
  importFileDir,
  jobFromRow,
  rowsOfJob,
  scoped,
  type ImportError,
  type ImportJob,
  type ImportMode,
  type StoredImportJob,
  UPLOADER_COLUMNS,
  UPLOADER_JOIN,
} from './reading/import-job';
import { ImportQueue, type ImportStep } from './import-queue';
import { ImportValidationService } from './validating/import-validation.service';
import { detectEncoding, formatOf, readHead, type SheetRow } from './reading/readers';
import { STAGING_TABLES } from './validating/staging';

export type { ImportError, ImportJob, ImportMode, ImportStatus } from './reading/import-job';

const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** A retried step whose job row changed more recently than this leaves the job to the run still at work. */
const ALIVE_WITHIN = `interval '2 minutes'`;

/**
 * Import jobs: upload, the job rows and their errors, and the steps the queue (pg-boss) runs:
 * the dry run (ImportValidationService) and the commit (ImportCommitService).
 */
@Injectable()
export class ImportsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Imports');
  private readonly queue: ImportQueue;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly validation: ImportValidationService,
    private readonly commits: ImportCommitService,
  ) {
    this.queue = new ImportQueue((this.dataSource.driver as PostgresDriver).master, this.logger);
  }

  private get fileDir(): string {
    return importFileDir(this.config);
  }

  async onApplicationBootstrap(): Promise<void> {
    // A job whose queue entry is gone (or that predates the queue) will not be run by anyone:
    // its row says so. Jobs still queued, or being run by an instance that died, are taken up by
    // the queue (a dead instance's step is retried once it expires).
    await this.dataSource.query(
      `update import_job set status = 'FAILED', message = '服务重启，导入任务中断；数据库未作任何修改，请重新上传', updated_at = now()
       where status in ('QUEUED', 'VALIDATING', 'COMMITTING')
         and not exists (select 1 from ${QUEUE_SCHEMA}.job j where j.name = $1 and j.state < 'completed' and j.data->>'importId' = import_job.id::text)`,
      [IMPORT_QUEUE],
    );
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep().catch((error) => this.logger.warn(`clean-up failed: ${(error as Error).message}`)), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
    await this.queue.start(this.config.importWorkers, (step, retry) => runAsOwner(() => this.runStep(step, retry)));
  }

  /** Before the database pool closes: running steps finish first. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.queue.stop();
  }

  /**
   * Drops what abandoned work left behind: staging rows of jobs that ended without a commit
   * (a VALIDATED dry run keeps its rows for a week, to be committed later) and uploads older
   * than a week. Runs at start-up and every hour.
   */
  async sweep(): Promise<void> {
    const stale = `select id from import_job where status not in ('VALIDATED', 'QUEUED', 'VALIDATING', 'COMMITTING') or created_at < now() - interval '7 days'`;
    for (const table of STAGING_TABLES) {
      await this.dataSource.query(`delete from ${table} where job_id in (${stale})`);
    }
    await mkdir(this.fileDir, { recursive: true });
    const week = Date.now() - 7 * 86_400_000;
    for (const name of await readdir(this.fileDir).catch(() => [] as string[])) {
      const path = join(this.fileDir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < week) await rm(path, { force: true });
    }
  }

  async upload(user: SessionUser, kind: string, fileName: string, body: Readable, commit: ImportMode | null): Promise<ImportJob> {
    if (!IMPORT_KINDS.includes(kind as ImportKind)) throw RegistryError.badInput('kind', `导入类型应为 ${IMPORT_KINDS.join(' 或 ')}`);
    const name = (fileName || '').trim().slice(0, 255);
    if (!name) throw RegistryError.badInput('fileName', '缺少文件名');
    await mkdir(this.fileDir, { recursive: true });
    const stored = `${randomUUID()}${/\.csv$/i.test(name) ? '.csv' : '.xlsx'}`;
    const path = join(this.fileDir, stored);
    let size = 0;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > MAX_UPLOAD_BYTES) throw RegistryError.badInput('file', `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
            yield chunk;
          }
        },
        createWriteStream(path),
      );
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
    if (size === 0) {
      await unlink(path).catch(() => undefined);
      throw RegistryError.badInput('file', '文件为空');
    }
    const head = await readHead(path);
    const format = formatOf(name, head);
    if (!format) {
      await unlink(path).catch(() => undefined);
      throw RegistryError.badInput('file', '只支持 .xlsx 或 .csv（UTF-8 或 GBK 编码）文件');
    }
    const encoding = format === 'csv' ? detectEncoding(head) : null;
    const [row] = await runAsOwner(() =>
      this.dataSource.query(
        `insert into import_job (kind, status, mode, file_name, file_format, file_encoding, file_size, stored_file, user_id, username, scope_path)
         values ($1, 'QUEUED', $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
        [kind, commit, name, format, encoding, size, stored, user.id, user.username, user.scopePath],
      ),
    );
    const id = String(row.id);
    await this.send(id, { importId: id, step: 'validate', mode: commit });
    return this.require(user, id);
  }

  /** Queues a step; a job that could not be queued says so instead of waiting forever. */
  private async send(id: string, step: ImportStep): Promise<void> {
    try {
      await this.queue.send(step);
    } catch (error) {
      this.logger.error(`import ${id} could not be queued: ${(error as Error).message}`);
      await runAsOwner(() =>
        this.dataSource.query(`update import_job set status = 'FAILED', message = '导入任务未能排队，数据库未作任何修改，请重新上传', updated_at = now() where id = $1`, [id]),
      );
      throw error;
    }
  }

  /**
   * One queued step (owner connection). The job row decides what is left to do, so a step retried
   * after its instance died picks up where the database says it stopped: a dry run starts over
   * (its staged rows are cleared), a commit reruns (its transaction was rolled back). A failure
   * is recorded on the job row and not retried: it would fail again.
   */
  private async runStep(step: ImportStep, retry: boolean): Promise<void> {
    const id = step.importId;
    const [job] = (await this.dataSource.query(`select status, mode, updated_at > now() - ${ALIVE_WITHIN} as recent from import_job where id = $1`, [id])) as {
      status: string;
      mode: ImportMode | null;
      recent: boolean;
    }[];
    if (!job || job.status === 'COMMITTED' || job.status === 'FAILED') return;
    // a retry while the job row is still moving: the first run is alive (only slower than the expiry)
    if (retry && job.recent && job.status !== 'QUEUED') return;
    try {
      if (job.status === 'QUEUED' || job.status === 'VALIDATING') {
        await this.validation.validate(id, step.mode);
        if (step.mode) await this.commits.runCommit(id, step.mode);
      } else if (job.status === 'VALIDATED' && step.step === 'validate' && step.mode) {
        await this.commits.runCommit(id, step.mode);
      } else if (job.status === 'COMMITTING') {
        await this.commits.runCommit(id, step.mode ?? job.mode ?? 'ALL_OR_NOTHING', true);
      }
    } catch (error) {
      const message = error instanceof RegistryError ? error.message : '导入失败（服务器内部错误），数据库未作任何修改';
      if (!(error instanceof RegistryError)) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      await this.dataSource
        .query(`update import_job set status = 'FAILED', message = $2, updated_at = now() where id = $1 and status <> 'COMMITTED'`, [id, message])
        .catch(() => undefined);
    }
  }

  async list(user: SessionUser, offset = 0, limit = 20): Promise<ImportJob[]> {
    const rows = await this.dataSource.query(
      `select j.*, ${UPLOADER_COLUMNS} from import_job j ${UPLOADER_JOIN} where ${scoped('j.scope_path', '$1')} order by j.id desc offset $2 limit $3`,
      [user.scopePath, Math.max(0, offset), Math.min(Math.max(1, limit), 100)],
    );
    return rows.map((row: Record<string, unknown>) => jobFromRow(row));
  }

  async find(user: SessionUser, id: string): Promise<ImportJob | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const [row] = await this.dataSource.query(`select j.*, ${UPLOADER_COLUMNS} from import_job j ${UPLOADER_JOIN} where j.id = $1`, [id]);
    if (!row || !isWithinScope(row.scope_path, user.scopePath)) return null;
    return jobFromRow(row);
  }

  async require(user: SessionUser, id: string): Promise<ImportJob> {
    const job = await this.find(user, id);
    if (!job) throw RegistryError.notFound('导入任务', id);
    return job;
  }

  async errors(user: SessionUser, id: string, offset = 0, limit = 200): Promise<{ total: number; items: ImportError[] }> {
    await this.require(user, id);
    const [{ total }] = await this.dataSource.query(`select count(*)::int as total from import_job_error where job_id = $1`, [id]);
    const rows = await this.dataSource.query(
      `select sheet, row_number, column_name, reason from import_job_error where job_id = $1
       order by sheet <> $4, sheet, row_number, column_name offset $2 limit $3`,
      [id, Math.max(0, offset), Math.min(Math.max(1, limit), 1000), COORDINATOR_SHEET.name],
    );
    return { total, items: rows.map((row: Record<string, unknown>) => ({ sheet: row.sheet, row: row.row_number, column: row.column_name, reason: row.reason })) };
  }

  /** Every error of a job, keyed "sheetIndex:row" for the error file (bounded by the file's rows). */
  async errorsByRow(id: string): Promise<Map<string, string>> {
    const rows: { sheet: string; row_number: number; text: string }[] = await this.dataSource.query(
      `select sheet, row_number, string_agg(column_name || '：' || reason, '；' order by column_name) as text
       from import_job_error where job_id = $1 group by sheet, row_number`,
      [id],
    );
    return new Map(rows.map((row) => [`${row.sheet}:${row.row_number}`, row.text]));
  }

  storedPath(job: ImportJob & { storedFile?: string }): string {
    return join(this.fileDir, job.storedFile!);
  }

  /** Rows of the stored file, as the reader sees them. */
  async *rowsOf(job: StoredImportJob): AsyncGenerator<SheetRow> {
    yield* rowsOfJob(this.fileDir, job);
  }

  async commit(user: SessionUser, id: string, mode: ImportMode): Promise<ImportJob> {
    const job = await this.require(user, id);
    if (job.userId !== user.id) throw RegistryError.forbidden('只有上传该文件的用户可以提交导入');
    if (job.status !== 'VALIDATED') {
      throw RegistryError.badInput('status', job.status === 'COMMITTED' ? '该文件已导入' : job.status === 'FAILED' ? '该导入任务已失败，请重新上传' : '校验尚未完成');
    }
    if (mode === 'ALL_OR_NOTHING' && (job.counts?.invalid ?? 0) > 0) {
      throw RegistryError.badInput('mode', `文件有 ${job.counts!.invalid} 行错误，全部导入模式下不会写入任何数据；请修改后重新上传，或选择“仅导入正确的行”`);
    }
    const [claimed] = await runAsOwner(() =>
      this.dataSource.query(`update import_job set status = 'COMMITTING', mode = $2, updated_at = now() where id = $1 and status = 'VALIDATED' returning id`, [id, mode]),
    );
    if (!claimed) throw RegistryError.badInput('status', '该导入任务正在提交或已提交');
    await this.send(id, { importId: id, step: 'commit', mode });
    return this.require(user, id);
  }
}

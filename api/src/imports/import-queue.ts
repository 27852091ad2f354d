// The import jobs' queue: pg-boss on the application's own (owner) connection pool. A job row
// (import_job) is the state users see; the pg-boss job is the unit of work that any instance
// with workers picks up, including after the instance that took the upload is gone.
import type { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import PgBoss from 'pg-boss';
import { IMPORT_QUEUE, QUEUE_SCHEMA } from '../config/database-names';
import type { ImportMode } from './reading/import-job';

export interface ImportStep {
  importId: string;
  /** validate: the dry run (then the commit when `mode` is set at upload); commit: a commit the user asked for */
  step: 'validate' | 'commit';
  mode: ImportMode | null;
}

export type StepHandler = (step: ImportStep, retry: boolean) => Promise<void>;

export class ImportQueue {
  private readonly boss: PgBoss;
  private readonly workers: string[] = [];
  private started = false;

  constructor(pool: Pool, private readonly logger: Logger) {
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schema: QUEUE_SCHEMA,
      // the schema is created by a TypeORM migration (1764000007000-ImportQueue)
      migrate: false,
      schedule: false,
      supervise: true,
    });
    this.boss.on('error', (error) => this.logger.warn(`import queue: ${error.message}`));
  }

  /** Starts pg-boss and `workers` local workers (0: this instance only queues). */
  async start(workers: number, handler: StepHandler): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (let index = 0; index < workers; index++) {
      this.workers.push(
        await this.boss.work<ImportStep>(IMPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2, includeMetadata: true }, async ([job]) => {
          await handler(job.data, job.retryCount > 0);
        }),
      );
    }
  }

  async send(step: ImportStep): Promise<void> {
    await this.boss.send(IMPORT_QUEUE, step);
    // an idle local worker takes it now instead of at its next poll
    for (const id of this.workers) this.boss.notifyWorker(id);
  }

  /** Lets running steps finish (up to 30 s); a step cut off is retried by another instance or the next start. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });
  }
}

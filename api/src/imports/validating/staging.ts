// COPY into the staging tables: rows are encoded in PostgreSQL's text format and written to a
// COPY … FROM STDIN stream with back-pressure, so parsing never runs ahead of the database.
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';

const SPECIAL = /[\\\t\n\r]/;
/** Rows sent to the server at once. */
const CHUNK_ROWS = 500;

/** The staging tables, keyed by job_id: cleared after a commit, before a rerun, and by the sweep. */
export const STAGING_TABLES = ['import_staging_coordinator', 'import_staging_record', 'import_staging_enterprise'];

export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (match) => (match === '\\' ? '\\\\' : match === '\t' ? '\\t' : match === '\n' ? '\\n' : '\\r'));
}

/** One row as a line of COPY text (no line break). */
export function copyRow(values: unknown[]): string {
  return values.map(copyValue).join('\t');
}

export class CopyWriter {
  private stream: Writable;
  private done: Promise<void>;
  private buffer: string[] = [];
  private failure: Error | null = null;
  count = 0;

  constructor(client: PoolClient, table: string, columns: string[]) {
    this.stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)) as unknown as Writable;
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', () => resolve());
      this.stream.on('error', (error) => {
        this.failure = error;
        reject(error);
      });
    });
    this.done.catch(() => undefined);
  }

  /** Buffers one row (no promise per row: a 100k-row import writes ~400k); `drain()` sends full buffers. */
  write(values: unknown[]): void {
    if (this.failure) throw this.failure;
    this.buffer.push(copyRow(values));
    this.count += 1;
  }

  /** Rows encoded elsewhere (copyRow, in a worker thread), '\n'-terminated; waits while the stream is full. */
  async writeText(text: string, rows: number): Promise<void> {
    if (this.failure) throw this.failure;
    if (rows === 0) return;
    await this.flush();
    this.count += rows;
    await this.send(text);
  }

  /** Sends the buffered rows once there are enough of them, waiting if the stream is full. */
  async drain(): Promise<void> {
    if (this.full) await this.flush();
  }

  get full(): boolean {
    return this.buffer.length >= CHUNK_ROWS;
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    await this.send(chunk);
  }

  private async send(chunk: string): Promise<void> {
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          this.stream.off('error', onError);
          resolve();
        };
        const onError = (error: Error) => {
          this.stream.off('drain', onDrain);
          reject(error);
        };
        this.stream.once('drain', onDrain);
        this.stream.once('error', onError);
      });
    }
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.done;
  }
}

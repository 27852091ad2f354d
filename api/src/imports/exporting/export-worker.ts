// The worker thread of a coordinator export (coordinator-export.ts): its own connection and
// snapshot, its own small heap. The xlsx bytes go to the main thread one chunk at a time (the
// main thread asks for the next once the response has room), so neither thread runs ahead of
// the client, and the export's garbage is collected in this heap instead of growing the server's.
import { Client, types } from 'pg';
import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { openIdNumber } from '../../common/id-number-cipher';
import { runInSnapshot, writeCoordinatorExport, type CoordinatorExportJob } from './coordinator-export';

export interface ExportWorkerData {
  databaseUrl: string;
  job: CoordinatorExportJob;
  /** the ID-number keys when the export reveals full numbers, else null (masked) */
  revealKeys: { id: string; key: Uint8Array }[] | null;
  /** the server has a beforeSheet seam set (tests): ask it before each sub-record sheet */
  pauseAtSheets: boolean;
}

export type ExportWorkerMessage =
  | { type: 'chunk'; data: Uint8Array }
  | { type: 'sheet'; name: string }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** main thread → worker: 'more' (the last chunk was taken), 'go' (carry on after a 'sheet') */
export type ExportWorkerReply = 'more' | 'go';

types.setTypeParser(1082, (value: string) => value); // dates as text, as in server.ts

async function run(data: ExportWorkerData): Promise<void> {
  const port = parentPort!;
  // one waiter per kind of reply: a chunk can be in flight while the writer reaches a sheet
  const waiting: Record<ExportWorkerReply, (() => void) | null> = { more: null, go: null };
  port.on('message', (reply: ExportWorkerReply) => {
    const next = waiting[reply];
    waiting[reply] = null;
    next?.();
  });
  const ask = (reply: ExportWorkerReply, message: ExportWorkerMessage, transfer: ArrayBuffer[] = []) =>
    new Promise<void>((resolve) => {
      waiting[reply] = resolve;
      port.postMessage(message, transfer);
    });
  const out = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, done) {
      const copy = new Uint8Array(chunk); // its own ArrayBuffer, handed over without a copy
      ask('more', { type: 'chunk', data: copy }, [copy.buffer]).then(() => done(), done);
    },
  });
  const keys = new Map((data.revealKeys ?? []).map((entry) => [entry.id, entry.key]));
  const idOf = (row: Record<string, unknown>): string => {
    if (!data.revealKeys) return row.id_number_masked as string;
    const key = keys.get(String(row.id_number_key_id));
    if (!key) throw new Error(`ID number key "${String(row.id_number_key_id)}" is not configured (ID_NUMBER_KEYS)`);
    return openIdNumber(key, String(row.id_number_cipher));
  };
  const client = new Client({ connectionString: data.databaseUrl, application_name: 'registry export' });
  await client.connect();
  try {
    await runInSnapshot(
      async (sql, parameters) => (await client.query(sql, parameters)).rows,
      (snapshot) => writeCoordinatorExport(snapshot, data.job, idOf, out, (name) => (data.pauseAtSheets ? ask('go', { type: 'sheet', name }) : Promise.resolve())),
    );
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    port.postMessage({ type: 'done' } satisfies ExportWorkerMessage);
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (parentPort) {
  run(workerData as ExportWorkerData).catch((error: Error) => parentPort!.postMessage({ type: 'error', message: error.message } satisfies ExportWorkerMessage));
}

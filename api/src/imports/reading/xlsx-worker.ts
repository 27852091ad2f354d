// The worker thread that parses one xlsx file (xlsx-reader.ts) for readXlsx (readers.ts): rows
// go to the main thread in batches, one batch at a time (the main thread asks for the next), so
// neither thread holds more than a batch and a slow or hostile file never blocks the event loop
// that answers requests.
import { parentPort, workerData } from 'node:worker_threads';
import type { SheetRow } from './readers';
import { readXlsxFast, XlsxRefusal } from './xlsx-reader';

export type XlsxWorkerMessage =
  | { type: 'rows'; rows: SheetRow[] }
  | { type: 'done' }
  | { type: 'error'; refusal: boolean; message: string };

const BATCH = 500;

async function run(path: string): Promise<void> {
  const port = parentPort!;
  let more: (() => void) | null = null;
  port.on('message', () => more?.());
  const send = (rows: SheetRow[]) =>
    new Promise<void>((resolve) => {
      more = resolve;
      port.postMessage({ type: 'rows', rows } satisfies XlsxWorkerMessage);
    });
  try {
    let batch: SheetRow[] = [];
    for await (const row of readXlsxFast(path)) {
      batch.push(row);
      if (batch.length >= BATCH) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
    port.postMessage({ type: 'done' } satisfies XlsxWorkerMessage);
  } catch (error) {
    port.postMessage({ type: 'error', refusal: error instanceof XlsxRefusal, message: (error as Error).message } satisfies XlsxWorkerMessage);
  }
}

if (parentPort) void run((workerData as { path: string }).path);

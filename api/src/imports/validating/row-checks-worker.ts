// The worker thread of a dry run's per-row half (row-checks.ts): reads the job's file (xlsx in
// a parser worker of its own, readers.ts), checks each row and posts COPY text in batches to the
// main thread, which writes them to the staging COPY streams. At most MAX_BATCHES_IN_FLIGHT
// batches wait there: the reading pauses until the main thread says 'more' (back-pressure).
import { parentPort, workerData } from 'node:worker_threads';
import { failureOf, runRowChecks, type RowChecksBatch, type RowChecksFailure, type RowChecksInput, type RowChecksOutcome } from './row-checks';

export const MAX_BATCHES_IN_FLIGHT = 4;

export type RowChecksMessage =
  | { type: 'batch'; batch: RowChecksBatch }
  | { type: 'done'; outcome: RowChecksOutcome }
  | { type: 'error'; failure: RowChecksFailure };

/** main thread → worker: a batch was written */
export type RowChecksReply = 'more';

async function run(input: RowChecksInput): Promise<void> {
  const port = parentPort!;
  let inFlight = 0;
  let more: (() => void) | null = null;
  port.on('message', () => {
    inFlight -= 1;
    more?.();
    more = null;
  });
  const send = async (batch: RowChecksBatch) => {
    while (inFlight >= MAX_BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => (more = resolve));
    inFlight += 1;
    port.postMessage({ type: 'batch', batch } satisfies RowChecksMessage);
  };
  try {
    const outcome = await runRowChecks(input, send);
    port.postMessage({ type: 'done', outcome } satisfies RowChecksMessage);
  } catch (error) {
    port.postMessage({ type: 'error', failure: failureOf(error) } satisfies RowChecksMessage);
  }
  port.unref(); // the main thread may still be acknowledging batches
}

if (parentPort) {
  const input = workerData as RowChecksInput;
  // Buffers arrive as Uint8Array: the sealer's keys as Buffers again
  input.sealerKeys = {
    idNumberHashKey: Buffer.from(input.sealerKeys.idNumberHashKey),
    idNumberKeys: input.sealerKeys.idNumberKeys.map((entry) => ({ id: entry.id, key: Buffer.from(entry.key) })),
  };
  void run(input);
}

// Streaming readers: an uploaded file → rows, one at a time, so memory does not grow with the
// file. xlsx through exceljs' streaming WorkbookReader; CSV in UTF-8 (with or without BOM) or
// GBK, detected from the first bytes, through iconv-lite and a small RFC 4180 state machine.
import { neutralizeFormula } from '@registry/domain';
import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { RegistryError } from '../../common/registry-error';
import { startWorker } from '../../common/worker-thread';
import { XLSX_LIMITS } from './xlsx-reader';
import type { XlsxWorkerMessage } from './xlsx-worker';

export interface SheetRow {
  sheetIndex: number;
  sheetName: string;
  /** 1-based, as Excel shows it */
  rowNumber: number;
  /** 0-based cell values (column A = 0) */
  values: unknown[];
}

export type FileFormat = 'xlsx' | 'csv';

export function formatOf(fileName: string, head: Buffer): FileFormat | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (/\.xlsx$/i.test(fileName)) return null; // says xlsx but is not a zip
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  return null;
}

/** 'utf8' for a BOM or bytes that are valid UTF-8, else 'gbk' (GB18030 superset decoder). */
export function detectEncoding(head: Buffer): 'utf8' | 'gbk' {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  // drop a possibly cut multi-byte sequence at the end of the sample
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = head[end - back];
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf8';
  } catch {
    return 'gbk';
  }
}

export async function readHead(path: string, bytes = 65536): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Parser memory per file (shared strings are held); beyond it the worker stops, not the server. */
const WORKER_HEAP_MB = 1024;

function startXlsxWorker(path: string): Worker {
  return startWorker(__dirname, 'xlsx-worker', { path }, { maxOldGenerationSizeMb: WORKER_HEAP_MB });
}

/**
 * xlsx rows, streamed from a worker thread (xlsx-reader.ts; see there for why not exceljs'
 * streaming reader). A refused file (limits, malformed) throws its reason as BAD_USER_INPUT.
 */
export async function* readXlsx(path: string): AsyncGenerator<SheetRow> {
  const worker = startXlsxWorker(path);
  const inbox: XlsxWorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: XlsxWorkerMessage) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error: Error & { code?: string }) => {
    failure =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? RegistryError.badInput('file', `文件解析所需内存超过 ${WORKER_HEAP_MB} MB，已拒绝，请拆分后分批导入`)
        : error;
    notify();
  });
  worker.on('exit', () => {
    failure ??= new Error('xlsx worker exited');
    notify();
  });
  try {
    for (;;) {
      while (inbox.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (!message) throw failure!;
      if (message.type === 'done') return;
      if (message.type === 'error') throw message.refusal ? RegistryError.badInput('file', message.message) : new Error(message.message);
      worker.postMessage('more');
      for (const row of message.rows) yield row;
    }
  } finally {
    await worker.terminate();
  }
}

export async function* readCsv(path: string, encoding: 'utf8' | 'gbk', sheetName = 'CSV'): AsyncGenerator<SheetRow> {
  const stream = createReadStream(path).pipe(iconv.decodeStream(encoding === 'utf8' ? 'utf8' : 'gb18030', { stripBOM: true }));
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let rowNumber = 0;
  let pendingCR = false;
  for await (const chunk of stream as AsyncIterable<string>) {
    const rows: string[][] = [];
    for (let index = 0; index < chunk.length; index++) {
      const char = chunk[index];
      if (pendingCR) {
        pendingCR = false;
        if (char === '\n') continue;
      }
      if (quoted) {
        if (char === '"') {
          if (chunk[index + 1] === '"') {
            field += '"';
            index++;
          } else if (index + 1 === chunk.length) {
            // a quote at the chunk end: decide with the next chunk
            quoted = false;
            afterQuote = true;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else field += char;
        continue;
      }
      if (afterQuote && char === '"') {
        // "" split across chunks
        field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (char === '"' && field === '') quoted = true;
      else if (char === ',') {
        row.push(field);
        field = '';
      } else if (char === '\n' || char === '\r') {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
        if (char === '\r') pendingCR = true;
      } else field += char;
    }
    // the xlsx reader's limits (XLSX_LIMITS), checked once per chunk: the state machine is linear already
    if (field.length > XLSX_LIMITS.cellBytes) throw RegistryError.badInput('file', `第 ${rowNumber + rows.length + 1} 行有单元格超过 ${XLSX_LIMITS.cellBytes / 1024} KB（或引号未闭合），已拒绝`);
    if (row.length > XLSX_LIMITS.cellsPerRow) throw RegistryError.badInput('file', `第 ${rowNumber + rows.length + 1} 行超过 ${XLSX_LIMITS.cellsPerRow} 个单元格，已拒绝`);
    for (const values of rows) {
      rowNumber += 1;
      if (rowNumber > XLSX_LIMITS.rows) throw RegistryError.badInput('file', `文件超过 ${XLSX_LIMITS.rows} 行，请拆分后分批导入`);
      if (values.length > XLSX_LIMITS.cellsPerRow) throw RegistryError.badInput('file', `第 ${rowNumber} 行超过 ${XLSX_LIMITS.cellsPerRow} 个单元格，已拒绝`);
      yield { sheetIndex: 1, sheetName, rowNumber, values };
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rowNumber += 1;
    yield { sheetIndex: 1, sheetName, rowNumber, values: row };
  }
}

/** Quotes a CSV field when needed; text that would start a formula is neutralized (libs/domain). */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : neutralizeFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A streaming xlsx reader for imports: reads the zip's central directory from the stored file,
// inflates only the parts it needs, and scans worksheet XML row by row with indexOf scans that
// never look at a byte twice (a file made to be slow, e.g. 40,000 unclosed <cellXfs> or a row
// of 40,000 <c>, costs linear time), under limits checked while inflating (XLSX_LIMITS). It runs
// in a worker thread (xlsx-worker.ts), so no file delays other requests. 4–5x faster than exceljs' streaming reader on roster-shaped sheets, decodes
// UTF-8 across chunk boundaries (exceljs' reader does not: a Chinese character straddling two
// inflated chunks became U+FFFD), and keeps memory flat: only shared strings are held, as Excel
// itself requires (docs/decisions/0600-imports.md).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import type { SheetRow } from './readers';

/** What one import file may hold; beyond any of these the file is refused with a Chinese reason. */
export const XLSX_LIMITS = {
  /** zip entries (an Excel workbook has a few dozen) */
  entries: 1000,
  /** bytes inflated over all parts read, counted while inflating */
  uncompressedBytes: 1024 * 1024 * 1024,
  /** inflated : compressed bytes of one part, once past 16 MB (Excel's own files stay under ~20:1) */
  ratio: 200,
  /** workbook.xml, its relationships and styles.xml */
  smallPartBytes: 16 * 1024 * 1024,
  /** all shared strings */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** one row's XML, one cell's XML and one shared string's XML */
  rowBytes: 2 * 1024 * 1024,
  cellBytes: 256 * 1024,
  stringBytes: 256 * 1024,
  cellsPerRow: 1000,
  /** rows over all sheets of the file */
  rows: 300_000,
  cellStyles: 65_000,
} as const;

/** A file refused by a limit or as malformed: the message is the reason shown to the user. */
export class XlsxRefusal extends Error {
  readonly refusal = true;
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

async function zipEntries(path: string): Promise<Map<string, ZipEntry>> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    let eocd = -1;
    for (let index = tailSize - 22; index >= 0; index--) {
      if (tail.readUInt32LE(index) === 0x06054b50) {
        eocd = index;
        break;
      }
    }
    if (eocd < 0) throw new XlsxRefusal('文件不是有效的 xlsx 文件（找不到 zip 目录），请用 Excel 另存为 .xlsx 后重新上传');
    let count = tail.readUInt16LE(eocd + 10);
    let directorySize = tail.readUInt32LE(eocd + 12);
    let directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset === 0xffffffff || count === 0xffff) {
      // ZIP64 end of central directory locator
      const locator = eocd - 20;
      if (locator >= 0 && tail.readUInt32LE(locator) === 0x07064b50) {
        const record = Buffer.alloc(56);
        await handle.read(record, 0, 56, Number(tail.readBigUInt64LE(locator + 8)));
        count = Number(record.readBigUInt64LE(32));
        directorySize = Number(record.readBigUInt64LE(40));
        directoryOffset = Number(record.readBigUInt64LE(48));
      }
    }
    if (count > XLSX_LIMITS.entries) throw new XlsxRefusal(`文件包含 ${count} 个部件，超过 ${XLSX_LIMITS.entries} 个的上限，不是正常的 Excel 文件`);
    if (directorySize > size) throw new XlsxRefusal('文件不是有效的 xlsx 文件（zip 目录损坏）');
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries = new Map<string, ZipEntry>();
    let offset = 0;
    for (let index = 0; index < count && offset + 46 <= directory.length; index++) {
      if (directory.readUInt32LE(offset) !== 0x02014b50) break;
      const method = directory.readUInt16LE(offset + 10);
      let compressedSize = directory.readUInt32LE(offset + 20);
      const nameLength = directory.readUInt16LE(offset + 28);
      const extraLength = directory.readUInt16LE(offset + 30);
      const commentLength = directory.readUInt16LE(offset + 32);
      let localHeaderOffset = directory.readUInt32LE(offset + 42);
      const name = directory.toString('utf8', offset + 46, offset + 46 + nameLength);
      // ZIP64 extra field: sizes/offset that did not fit in 32 bits
      let extra = offset + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = directory.readUInt16LE(extra);
        const length = directory.readUInt16LE(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (directory.readUInt32LE(offset + 24) === 0xffffffff) field += 8;
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(directory.readBigUInt64LE(field));
            field += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(directory.readBigUInt64LE(field));
        }
        extra += 4 + length;
      }
      entries.set(name.replace(/^\//, ''), { name, method, compressedSize, localHeaderOffset });
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Counts inflated bytes over the whole file (one instance per file read). */
class InflateBudget {
  total = 0;
  add(bytes: number, part: ZipEntry, partBytes: number, partLimit: number): void {
    this.total += bytes;
    if (this.total > XLSX_LIMITS.uncompressedBytes) {
      throw new XlsxRefusal(`文件解压后超过 ${MB(XLSX_LIMITS.uncompressedBytes)}，已拒绝（可能是压缩炸弹），请拆分后重新上传`);
    }
    if (partBytes > partLimit) throw new XlsxRefusal(`文件中的 ${part.name} 解压后超过 ${MB(partLimit)}，已拒绝`);
    if (partBytes > 16 * 1024 * 1024 && partBytes > XLSX_LIMITS.ratio * Math.max(1, part.compressedSize)) {
      throw new XlsxRefusal(`文件中的 ${part.name} 压缩比异常（超过 ${XLSX_LIMITS.ratio}:1），已拒绝（可能是压缩炸弹）`);
    }
  }
}

/** The entry's text, chunk by chunk (UTF-8 decoded across chunk boundaries), within the budget. */
async function* entryText(path: string, entry: ZipEntry, budget: InflateBudget, partLimit: number): AsyncGenerator<string> {
  const handle = await open(path, 'r');
  const header = Buffer.alloc(30);
  await handle.read(header, 0, 30, entry.localHeaderOffset);
  await handle.close();
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 256 * 1024 })) : entry.method === 0 ? raw : null;
  if (!source) throw new XlsxRefusal(`文件使用了不支持的压缩方式（${entry.method}），请用 Excel 另存为 .xlsx 后重新上传`);
  const decoder = new StringDecoder('utf8');
  let partBytes = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      partBytes += chunk.length;
      budget.add(chunk.length, entry, partBytes, partLimit);
      yield decoder.write(chunk);
    }
  } catch (error) {
    if (error instanceof XlsxRefusal) throw error;
    throw new XlsxRefusal(`文件中的 ${entry.name} 无法解压（文件已损坏），请用 Excel 另存为 .xlsx 后重新上传`);
  } finally {
    raw.destroy();
    if (source !== raw) (source as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function wholeText(path: string, entry: ZipEntry | undefined, budget: InflateBudget): Promise<string> {
  if (!entry) return '';
  const parts: string[] = [];
  for await (const chunk of entryText(path, entry, budget, XLSX_LIMITS.smallPartBytes)) parts.push(chunk);
  return parts.join('');
}

const ENTITY = /&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});|_x([0-9A-Fa-f]{4})_/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0 && text.indexOf('_x') < 0) return text;
  return text.replace(ENTITY, (match, entity: string | undefined, escaped: string | undefined) => {
    if (escaped) return String.fromCharCode(parseInt(escaped, 16));
    if (!entity) return match;
    if (entity[0] === '#') {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED[entity];
  });
}

/** The value of attribute `name` in one start tag (the tag is bounded: no regex over a buffer). */
function attribute(tag: string, name: string): string | undefined {
  const key = `${name}="`;
  let at = tag.indexOf(key);
  // a match inside another attribute's name (e.g. "r:id" for "id") must follow whitespace
  while (at > 0 && !/\s/.test(tag[at - 1])) at = tag.indexOf(key, at + 1);
  if (at <= 0) return undefined;
  const end = tag.indexOf('"', at + key.length);
  return end < 0 ? undefined : decodeXml(tag.slice(at + key.length, end));
}

/**
 * The start tags `<name ...>` of `xml` in order, each scanned once; stops at the first tag
 * without its '>' (no later tag can close either).
 */
function* startTags(xml: string, name: string, from = 0, to = xml.length): Generator<string> {
  let at = from;
  for (;;) {
    const open = xml.indexOf(`<${name}`, at);
    if (open < 0 || open >= to) return;
    const next = xml.charCodeAt(open + name.length + 1);
    // '<xf' must not match '<xfId'
    if (!(next === 32 || next === 9 || next === 10 || next === 13 || next === 47 || next === 62)) {
      at = open + name.length + 1;
      continue;
    }
    const end = xml.indexOf('>', open);
    if (end < 0 || end >= to) return;
    yield xml.slice(open, end + 1);
    at = end + 1;
  }
}

/** Text of every <t> inside a string item (plain or rich text runs; phonetic runs <rPh> skipped), in one forward scan. */
function stringItem(xml: string): string {
  let text = '';
  let at = 0;
  for (;;) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) break;
    if (xml.startsWith('<rPh', lt)) {
      const skip = xml.indexOf('</rPh>', lt);
      if (skip < 0) break;
      at = skip + 6;
      continue;
    }
    const after = xml.charCodeAt(lt + 2);
    if (xml.charCodeAt(lt + 1) !== 116 || !(after === 62 || after === 32 || after === 47)) {
      at = lt + 1;
      continue;
    }
    const tagEnd = xml.indexOf('>', lt);
    if (tagEnd < 0) break;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      at = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf('</t>', tagEnd);
    if (close < 0) break;
    text += xml.slice(tagEnd + 1, close);
    at = close + 4;
  }
  return decodeXml(text);
}

async function sharedStrings(path: string, entry: ZipEntry | undefined, budget: InflateBudget): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let buffer = '';
  for await (const chunk of entryText(path, entry, budget, XLSX_LIMITS.sharedStringsBytes)) {
    buffer += chunk;
    let start = 0;
    for (;;) {
      const open = buffer.indexOf('<si', start);
      if (open < 0) {
        // keep a '<si' cut at the chunk's end
        start = Math.max(start, buffer.length - 3);
        break;
      }
      const tagEnd = buffer.indexOf('>', open);
      if (tagEnd < 0) {
        start = open;
        break;
      }
      if (buffer.charCodeAt(tagEnd - 1) === 47) {
        strings.push('');
        start = tagEnd + 1;
        continue;
      }
      const close = buffer.indexOf('</si>', tagEnd);
      if (close < 0 || close - open > XLSX_LIMITS.stringBytes) {
        start = open;
        break;
      }
      strings.push(stringItem(buffer.slice(tagEnd + 1, close)));
      start = close + 5;
    }
    buffer = buffer.slice(start);
    if (buffer.length > XLSX_LIMITS.stringBytes) {
      throw new XlsxRefusal(`文件中有一个文本超过 ${XLSX_LIMITS.stringBytes / 1024} KB（或未闭合），已拒绝`);
    }
  }
  return strings;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** For each cell style index: whether it formats a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, 'numFmt')) {
    const code = attribute(tag, 'formatCode') ?? '';
    custom.set(Number(attribute(tag, 'numFmtId')), code.slice(0, 255));
  }
  const result: boolean[] = [];
  const open = xml.indexOf('<cellXfs');
  if (open < 0) return result;
  const close = xml.indexOf('</cellXfs>', open);
  if (close < 0) return result;
  for (const tag of startTags(xml, 'xf', open, close)) {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    result.push(custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id));
    if (result.length > XLSX_LIMITS.cellStyles) throw new XlsxRefusal(`文件的单元格样式超过 ${XLSX_LIMITS.cellStyles} 个，不是正常的 Excel 文件`);
  }
  return result;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function columnIndex(reference: string): number {
  let index = 0;
  for (let position = 0; position < reference.length && position < 3; position++) {
    const code = reference.charCodeAt(position);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/** One row's cells: a single forward scan of the row's XML. */
function parseRow(xml: string, rowNumber: number, strings: string[], dates: boolean[]): unknown[] {
  const values: unknown[] = [];
  let next = 0;
  let cells = 0;
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<c', at);
    if (open < 0) break;
    const after = xml.charCodeAt(open + 2);
    if (!(after === 32 || after === 9 || after === 10 || after === 13 || after === 47 || after === 62)) {
      at = open + 2;
      continue;
    }
    if (++cells > XLSX_LIMITS.cellsPerRow) throw new XlsxRefusal(`第 ${rowNumber} 行超过 ${XLSX_LIMITS.cellsPerRow} 个单元格，已拒绝`);
    const tagEnd = xml.indexOf('>', open);
    if (tagEnd < 0) break;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    const attributes = xml.slice(open + 2, selfClosing ? tagEnd - 1 : tagEnd);
    const reference = /^[A-Z]{1,3}/.exec(attribute(` ${attributes}`, 'r') ?? '')?.[0];
    const index = reference ? columnIndex(reference) : next;
    if (index >= XLSX_LIMITS.cellsPerRow * 20) throw new XlsxRefusal(`第 ${rowNumber} 行的单元格位置超出范围，已拒绝`);
    next = index + 1;
    if (selfClosing) {
      at = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf('</c>', tagEnd);
    if (close < 0) throw new XlsxRefusal(`第 ${rowNumber} 行有未闭合的单元格，文件已损坏`);
    if (close - tagEnd > XLSX_LIMITS.cellBytes) throw new XlsxRefusal(`第 ${rowNumber} 行有单元格超过 ${XLSX_LIMITS.cellBytes / 1024} KB，已拒绝`);
    const body = xml.slice(tagEnd + 1, close);
    at = close + 4;
    const type = attribute(` ${attributes}`, 't');
    let value: unknown = null;
    if (type === 'inlineStr') value = stringItem(body);
    else {
      const valueOpen = body.indexOf('<v>');
      const valueClose = valueOpen < 0 ? -1 : body.indexOf('</v>', valueOpen);
      if (valueClose < 0) continue;
      const raw = body.slice(valueOpen + 3, valueClose);
      if (type === 's') value = strings[Number(raw)] ?? '';
      else if (type === 'str' || type === 'e') value = decodeXml(raw);
      else if (type === 'b') value = raw === '1';
      else {
        const number = Number(raw);
        const style = attribute(` ${attributes}`, 's');
        value = style !== undefined && dates[Number(style)] && Number.isFinite(number) ? new Date(EXCEL_EPOCH + Math.round(number * 86_400_000)) : number;
      }
    }
    values[index] = value;
  }
  return values;
}

/** The workbook's worksheets in order: name (entities decoded) and zip entry path. */
async function worksheets(path: string, entries: Map<string, ZipEntry>, budget: InflateBudget): Promise<{ name: string; path: string }[]> {
  const rels = await wholeText(path, entries.get('xl/_rels/workbook.xml.rels'), budget);
  const targets = new Map<string, string>();
  for (const tag of startTags(rels, 'Relationship')) {
    const target = attribute(tag, 'Target') ?? '';
    targets.set(attribute(tag, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const workbook = await wholeText(path, entries.get('xl/workbook.xml'), budget);
  const sheets: { name: string; path: string }[] = [];
  for (const tag of startTags(workbook, 'sheet')) {
    const id = attribute(tag, 'r:id') ?? attribute(tag, 'id') ?? '';
    const target = targets.get(id);
    if (target) sheets.push({ name: decodeXml(attribute(tag, 'name') ?? target), path: target });
  }
  return sheets;
}

/** Rows of every worksheet in workbook order; values are strings, numbers, booleans or Dates. */
export async function* readXlsxFast(path: string): AsyncGenerator<SheetRow> {
  const entries = await zipEntries(path);
  const budget = new InflateBudget();
  const sheets = await worksheets(path, entries, budget);
  const strings = await sharedStrings(path, entries.get('xl/sharedStrings.xml'), budget);
  const dates = dateStyles(await wholeText(path, entries.get('xl/styles.xml'), budget));

  let sheetIndex = 0;
  let rows = 0;
  for (const { name, path: entryPath } of sheets) {
    sheetIndex += 1;
    const entry = entries.get(entryPath);
    if (!entry) continue;
    let buffer = '';
    let implicitRow = 0;
    // where the search for the open row's '</row>' stopped (each byte is looked at once)
    let searched = 0;
    for await (const chunk of entryText(path, entry, budget, XLSX_LIMITS.uncompressedBytes)) {
      buffer += chunk;
      let start = 0;
      for (;;) {
        const open = buffer.indexOf('<row', start);
        if (open < 0) {
          // keep a '<row' cut at the chunk's end
          start = Math.max(start, buffer.length - 4);
          searched = 0;
          break;
        }
        const tagEnd = buffer.indexOf('>', open);
        if (tagEnd < 0) {
          if (buffer.length - open > XLSX_LIMITS.rowBytes) throw new XlsxRefusal(`「${name}」有未闭合的 <row> 标记，文件已损坏`);
          start = open;
          searched = 0;
          break;
        }
        const tag = buffer.slice(open, tagEnd + 1);
        const numberText = attribute(tag, 'r');
        const rowNumber = numberText && /^\d{1,7}$/.test(numberText) ? Number(numberText) : implicitRow + 1;
        if (tag.endsWith('/>')) {
          implicitRow = rowNumber;
          start = tagEnd + 1;
          continue;
        }
        const close = buffer.indexOf('</row>', Math.max(tagEnd, searched - 6));
        if (close < 0) {
          if (buffer.length - open > XLSX_LIMITS.rowBytes) {
            throw new XlsxRefusal(`「${name}」第 ${rowNumber} 行超过 ${MB(XLSX_LIMITS.rowBytes)}（或未闭合），已拒绝`);
          }
          // the next chunk continues the search where this one ended (relative to the kept part)
          searched = buffer.length - open;
          start = open;
          break;
        }
        if (close - open > XLSX_LIMITS.rowBytes) throw new XlsxRefusal(`「${name}」第 ${rowNumber} 行超过 ${MB(XLSX_LIMITS.rowBytes)}，已拒绝`);
        if (++rows > XLSX_LIMITS.rows) throw new XlsxRefusal(`文件超过 ${XLSX_LIMITS.rows} 行，请拆分后分批导入`);
        implicitRow = rowNumber;
        searched = 0;
        yield { sheetIndex, sheetName: name, rowNumber, values: parseRow(buffer.slice(tagEnd + 1, close), rowNumber, strings, dates) };
        start = close + 6;
      }
      buffer = buffer.slice(start);
    }
  }
}

/**
 * The rows the import's worksheets declare (`<dimension ref="A1:AF1001"/>`, read from the first
 * bytes of each sheet named in `sheetNames`), summed: the denominator of the reading phase's
 * progress (an upper bound: header and example rows count). Null when a sheet declares none.
 */
export async function declaredXlsxRows(path: string, sheetNames: string[]): Promise<number | null> {
  const entries = await zipEntries(path);
  // within the same limits as reading the file (it is read again afterwards, from the start)
  const budget = new InflateBudget();
  let total = 0;
  let found = false;
  for (const sheet of await worksheets(path, entries, budget)) {
    if (!sheetNames.includes(sheet.name)) continue;
    const entry = entries.get(sheet.path);
    if (!entry) continue;
    let head = '';
    for await (const chunk of entryText(path, entry, budget, XLSX_LIMITS.smallPartBytes)) {
      head += chunk;
      if (head.includes('<sheetData') || head.length > 64 * 1024) break;
    }
    const lastRow = /<dimension\b[^>]*\bref="[^"]*?(\d+)"/.exec(head)?.[1];
    if (!lastRow) return null;
    total += Number(lastRow);
    found = true;
  }
  return found ? total : null;
}

// A lean streaming xlsx writer for exports: sheets are written one after another as deflated
// zip entries (data descriptors, so nothing is buffered), cells as inline strings and numbers,
// with the few styles exports need (bold header with fill, title, totals). exceljs' streaming
// writer allocated a Row/Cell object graph per row and ignored back-pressure; on a 100k-row
// export the server's RSS peaked at ~460 MB (docs/decisions/0600-imports.md).
import { neutralizeFormula } from '@registry/domain';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { constants, crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';

export enum CellStyle {
  NORMAL = 0,
  HEADER = 1,
  TITLE = 2,
  REQUIRED_HEADER = 3,
  ERROR = 4,
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="4"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="13"/><name val="Calibri"/></font><font><b/><sz val="11"/><color rgb="FFC00000"/><name val="Calibri"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="3" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function escapeXml(text: string): string {
  // characters XML 1.0 cannot carry are dropped; the rest escaped
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return /[&<>"]/.test(clean) ? clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : clean;
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export type CellValue = string | number | boolean | Date | null | undefined;

interface EntryRecord {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

export interface SheetOptions {
  widths?: number[];
  frozenRows?: number;
  /** merged ranges such as 'A1:L1' */
  merges?: string[];
}

export class XlsxStreamWriter {
  private offset = 0;
  private readonly entries: EntryRecord[] = [];
  private readonly sheets: string[] = [];
  private current: { deflate: DeflateRaw; crc: number; size: number; compressed: number; name: Buffer; offset: number; done: Promise<void> } | null = null;
  private sheetOptions: SheetOptions = {};
  private rowNumber = 0;
  private pending = '';

  constructor(private readonly out: Writable) {}

  private async raw(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  private async openEntry(name: string): Promise<void> {
    const nameBuffer = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(nameBuffer.length, 26);
    const entryOffset = this.offset;
    await this.raw(Buffer.concat([header, nameBuffer]));
    const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED });
    const entry = { deflate, crc: 0, size: 0, compressed: 0, name: nameBuffer, offset: entryOffset, done: Promise.resolve() };
    entry.done = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        entry.compressed += chunk.length;
        await this.raw(chunk);
      }
    })();
    this.current = entry;
  }

  private async write(text: string): Promise<void> {
    const entry = this.current!;
    const buffer = Buffer.from(text, 'utf8');
    entry.crc = crc32(buffer, entry.crc);
    entry.size += buffer.length;
    if (!entry.deflate.write(buffer)) await once(entry.deflate, 'drain');
  }

  private async closeEntry(): Promise<void> {
    const entry = this.current!;
    entry.deflate.end();
    await entry.done;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.raw(descriptor);
    this.entries.push({ name: entry.name, offset: entry.offset, crc: entry.crc >>> 0, compressed: entry.compressed, size: entry.size });
    this.current = null;
  }

  private async file(name: string, content: string): Promise<void> {
    await this.openEntry(name);
    await this.write(content);
    await this.closeEntry();
  }

  async addSheet(name: string, options: SheetOptions = {}): Promise<void> {
    if (this.current) await this.endSheet();
    this.sheets.push(name);
    this.sheetOptions = options;
    this.rowNumber = 0;
    await this.openEntry(`xl/worksheets/sheet${this.sheets.length}.xml`);
    const frozen = options.frozenRows
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${options.frozenRows}" topLeftCell="A${options.frozenRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : '';
    const cols = options.widths?.length
      ? `<cols>${options.widths.map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`
      : '';
    await this.write(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${frozen}${cols}<sheetData>`,
    );
  }

  /** Appends a row (cells as given, A onwards); resolves when there is room for more. */
  async addRow(values: CellValue[], style: CellStyle | CellStyle[] = CellStyle.NORMAL): Promise<void> {
    this.rowNumber += 1;
    const row = this.rowNumber;
    let xml = `<row r="${row}">`;
    values.forEach((value, index) => {
      if (value === null || value === undefined || value === '') return;
      const cellStyle = Array.isArray(style) ? (style[index] ?? CellStyle.NORMAL) : style;
      const s = cellStyle ? ` s="${cellStyle}"` : '';
      const reference = `${columnName(index)}${row}`;
      if (typeof value === 'number' && Number.isFinite(value)) xml += `<c r="${reference}"${s}><v>${value}</v></c>`;
      else if (typeof value === 'boolean') xml += `<c r="${reference}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
      else {
        const text = value instanceof Date ? value.toISOString().slice(0, 10) : neutralizeFormula(String(value));
        xml += `<c r="${reference}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
      }
    });
    this.pending += `${xml}</row>`;
    if (this.pending.length >= 64 * 1024) await this.flushRows();
  }

  private async flushRows(): Promise<void> {
    if (!this.pending) return;
    const text = this.pending;
    this.pending = '';
    await this.write(text);
  }

  async endSheet(): Promise<void> {
    await this.flushRows();
    const merges = this.sheetOptions.merges?.length
      ? `<mergeCells count="${this.sheetOptions.merges.length}">${this.sheetOptions.merges.map((range) => `<mergeCell ref="${range}"/>`).join('')}</mergeCells>`
      : '';
    await this.write(`</sheetData>${merges}</worksheet>`);
    await this.closeEntry();
  }

  async finish(): Promise<void> {
    if (this.current) await this.endSheet();
    const sheets = this.sheets;
    await this.file(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
        .map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    );
    await this.file(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    await this.file(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
        .join('')}</sheets></workbook>`,
    );
    await this.file(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, index) => `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    );
    await this.file('xl/styles.xml', STYLES);
    // central directory
    const start = this.offset;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0808, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressed, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt32LE(entry.offset, 42);
      await this.raw(Buffer.concat([record, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(end);
  }
}

// The denominator of the reading phase's progress: the rows the uploaded file declares (xlsx:
// each import sheet's <dimension>; CSV: its line breaks, one fast pass over the bytes). An upper
// bound (header, title and example rows count); null when the file declares none.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { sheetsOf } from '../sheets/columns';
import type { StoredImportJob } from './import-job';
import { declaredXlsxRows } from './xlsx-reader';

export async function declaredRowTotal(fileDir: string, job: StoredImportJob): Promise<number | null> {
  const path = join(fileDir, job.storedFile);
  try {
    if (job.fileFormat === 'xlsx') return await declaredXlsxRows(path, sheetsOf(job.kind).map((sheet) => sheet.name));
    let lines = 0;
    let last = 0x0a;
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
      for (let index = chunk.indexOf(0x0a); index >= 0; index = chunk.indexOf(0x0a, index + 1)) lines += 1;
      if (chunk.length > 0) last = chunk[chunk.length - 1];
    }
    return last === 0x0a ? lines : lines + 1;
  } catch {
    return null; // a broken file: the reader reports it
  }
}

import { JILIN_REGIONS, labelWithCode, makeIdNumber } from '@registry/domain';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfiguration } from '../../config/configuration';
import type { StoredImportJob } from '../reading/import-job';
import { COORDINATOR_SHEET } from '../sheets/columns';
import { COORDINATOR_STAGE_COLUMNS, runRowChecks, type RowChecksBatch, type RowChecksInput } from './row-checks';

// The per-row half of a dry run as the worker runs it: COPY text in chunks of at most 500 rows,
// the row errors with their rows, and a reading that waits while a batch is not taken.
const ROWS = 1234;
const county = JILIN_REGIONS.find((region) => region.code === '220104')!;

function csvFile(dataDir: string): string {
  const header = COORDINATOR_SHEET.columns.map((column) => column.header);
  const lines = [header.join(',')];
  for (let index = 0; index < ROWS; index++) {
    const values: Record<string, string> = {
      seq: String(index + 1),
      name: `协调员${index}`,
      // row 8 (the 7th data row) carries a wrong check digit
      idNumber: index === 6 ? makeIdNumber('220104', '1980-01-01', 6, 'MALE').slice(0, 17) + 'Y' : makeIdNumber('220104', '1980-01-01', index % 900, index % 2 ? 'MALE' : 'FEMALE'),
      region: labelWithCode(county.name, county.code),
      category: '1',
      affiliation: '其他',
      tripartite: '否',
      unitName: `单位${index}`,
      joinedOn: '2018-03-01',
      status: '在岗',
    };
    lines.push(COORDINATOR_SHEET.columns.map((column) => values[column.key] ?? '').join(','));
  }
  mkdirSync(join(dataDir, 'imports'), { recursive: true });
  writeFileSync(join(dataDir, 'imports', 'file.csv'), `${lines.join('\r\n')}\r\n`);
  return 'file.csv';
}

describe('row checks', () => {
  let dataDir: string;
  let input: RowChecksInput;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'row-checks-'));
    const config = loadConfiguration({ NODE_ENV: 'test' });
    const job = { id: '7', kind: 'coordinators', fileFormat: 'csv', fileEncoding: 'utf8', scopePath: JILIN_REGIONS.find((region) => region.level === 'PROVINCE')!.path, storedFile: csvFile(dataDir) } as StoredImportJob;
    input = { dataDir, job, regions: JILIN_REGIONS, sealerKeys: config, today: '2026-06-01' };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('sends every valid row as COPY text in chunks, and each refused row as an error of its row', async () => {
    const batches: RowChecksBatch[] = [];
    const outcome = await runRowChecks(input, async (batch) => {
      batches.push(batch);
    });
    expect(outcome.sawHeader).toBe(true);
    expect(outcome.parsed).toBe(ROWS);
    expect(Math.max(...batches.map((batch) => batch.mainRows))).toBeLessThanOrEqual(500);
    const lines = batches.flatMap((batch) => batch.main.split('\n').filter(Boolean));
    expect(lines).toHaveLength(ROWS - 1);
    expect(batches.reduce((sum, batch) => sum + batch.mainRows, 0)).toBe(ROWS - 1);
    const first = lines[0].split('\t');
    expect(first).toHaveLength(COORDINATOR_STAGE_COLUMNS.length);
    expect(first[COORDINATOR_STAGE_COLUMNS.indexOf('row_number')]).toBe('2');
    expect(first[COORDINATOR_STAGE_COLUMNS.indexOf('region_code')]).toBe('220104');
    expect(first[COORDINATOR_STAGE_COLUMNS.indexOf('id_number_masked')]).toMatch(/^2201\*{10}\d{3}[\dX]$/);
    const errors = batches.flatMap((batch) => batch.errors);
    expect(errors.map((error) => [error.row, error.column])).toEqual([[8, '身份证号']]);
    // progress only grows
    expect(batches.map((batch) => batch.parsed)).toEqual([...batches.map((batch) => batch.parsed)].sort((a, b) => a - b));
  });

  it('reads no further while a batch waits to be written', async () => {
    let release!: () => void;
    let firstSent!: () => void;
    const sent: RowChecksBatch[] = [];
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = new Promise<void>((resolve) => (firstSent = resolve));
    const run = runRowChecks(input, async (batch) => {
      sent.push(batch);
      if (sent.length === 1) {
        firstSent();
        await held;
      }
    });
    await first;
    // as long as a whole second reading of the file takes, the held one stays at its first batch
    await runRowChecks(input, async () => undefined);
    expect(sent).toHaveLength(1);
    expect(sent[0].parsed).toBeLessThan(ROWS);
    release();
    expect((await run).parsed).toBe(ROWS);
    expect(sent.length).toBeGreaterThan(1);
  });
});

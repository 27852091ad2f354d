import { toCsv, type ExportColumn } from './export';

// The dashboard's CSV exports write what came from the registry (names, units typed by users):
// formula-like text must not run when the file is opened in Excel (OWASP "CSV Injection").
describe('toCsv', () => {
  it('neutralizes cells that would start a formula and leaves numbers as numbers', () => {
    const rows = [
      { name: '=1+1', count: -3 },
      { name: "+cmd|' /C calc'!A0", count: 0 },
      { name: '@SUM(1)', count: 12.5 },
      { name: '=HYPERLINK("http://example.com","点我")', count: 1 },
      { name: '长春市', count: 7 },
    ];
    const columns: ExportColumn<(typeof rows)[number]>[] = [
      { title: '地区', value: (row) => row.name },
      { title: '人数', value: (row) => row.count },
    ];
    const lines = toCsv(columns, rows).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual([
      '地区,人数',
      "'=1+1,-3",
      "'+cmd|' /C calc'!A0,0",
      "'@SUM(1),12.5",
      `"'=HYPERLINK(""http://example.com"",""点我"")",1`,
      '长春市,7',
    ]);
  });
});

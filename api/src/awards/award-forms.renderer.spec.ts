import ExcelJS from 'exceljs';
import type { NomineeSheet } from './award-forms.data';
import { nominationFormXlsx, unitSummaryXlsx } from './award-forms.renderer';

// 附件2/附件3 carry text typed by offices (names, units, achievements): none of it may run as a
// formula when the workbook is opened (OWASP "CSV Injection"; libs/domain neutralizeFormula).
const sheet: NomineeSheet = {
  nominationId: '1', year: 2025, tier: 'GOLD', tierLabel: '金牌', name: '=1+1', gender: '男', birthMonth: '1985-06',
  idNumber: '2201**********0012', unitName: '@SUM(1)', post: "+cmd|' /C calc'!A0", education: '本科', major: '人力资源管理',
  skillLevel: '一级', serviceYears: '10', honors: '=HYPERLINK("http://example.com","点我")', clausesMet: '一', achievements: '-2+3',
  quotaExempt: false, unitRank: 1, reportingUnitName: '长春市', certificateNumber: null, namedOn: null, state: 'SUBMITTED', opinions: [],
};

async function texts(buffer: Buffer): Promise<{ formulas: number; values: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as never);
  let formulas = 0;
  const values: string[] = [];
  book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => (cell.type === ExcelJS.ValueType.Formula ? (formulas += 1) : values.push(String(cell.text))))));
  return { formulas, values };
}

describe('award forms as xlsx', () => {
  it('write formula-like text of the summary (附件3) neutralized', async () => {
    const { formulas, values } = await texts(await unitSummaryXlsx('长春市', 2025, [sheet]));
    expect(formulas).toBe(0);
    expect(values).toEqual(expect.arrayContaining(["'=1+1", "'@SUM(1) +cmd|' /C calc'!A0"]));
    expect(values.filter((text) => /^[=+\-@]/.test(text))).toEqual([]);
  });

  it('write formula-like text of the nomination form (附件2) neutralized', async () => {
    const { formulas, values } = await texts(await nominationFormXlsx(sheet));
    expect(formulas).toBe(0);
    expect(values).toEqual(expect.arrayContaining(["'=1+1", "'@SUM(1)", "'-2+3", '\'=HYPERLINK("http://example.com","点我")']));
    expect(values.filter((text) => /^[=+\-@]/.test(text))).toEqual([]);
  });
});

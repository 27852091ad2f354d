import { evaluateEligibility, publicityWindow, type EligibilityFacts } from '@registry/domain';
import type { NomineeSheet } from '../../api/src/awards/award-forms.data';
import { nominationFormPdf, nominationFormXlsx, unitSummaryPdf, unitSummaryXlsx } from '../../api/src/awards/award-forms.renderer';

// Issue 4: what the award pages cost on the CPU, no database: the eligibility verdict the
// nomination form recomputes on every keystroke, the publicity end, and rendering 附件2 (one
// nominee) and 附件3 (a unit's 100 nominees) as PDF with the embedded CJK font and as xlsx.

const FACTS: EligibilityFacts = {
  tripartiteOrGrassroots: false,
  certificates: [{ occupation: '劳动关系协调员', level: 2, issuedOn: '2016-05-10' }],
  educations: [{ level: 'BACHELOR', major: '人力资源管理' }],
  workPeriods: [
    { start: '2010-03-01', end: '2014-06-30', occupation: '企业人力资源管理师' },
    { start: '2014-01-01', end: null, occupation: '劳动关系协调员' },
  ],
  honors: [{ title: '长春市劳动关系工作先进个人', level: 'CITY', awardedOn: '2020-04-28' }],
  disciplinaryRecords: [],
  employerIncidents: [{ kind: '群体性事件', occurredOn: '2015-08-01' }],
  attestations: [{ clause: '四(一)1(1)', attestedBy: '朝阳区基层平台', attestedOn: '2021-11-01' }],
};

function sheet(index: number): NomineeSheet {
  return {
    nominationId: String(index + 1), year: 2021, tier: 'GOLD', tierLabel: '金牌', name: `协调员${index + 1}`, gender: index % 2 ? '男' : '女',
    birthMonth: '1980.02', idNumber: '2201**********0025', unitName: '长春市某某制造有限公司', post: '人力资源部经理', education: '本科',
    major: '人力资源管理', skillLevel: '劳动关系协调员 二级（技师）', serviceYears: '11年8个月', honors: '2020年 市级 长春市劳动关系工作先进个人',
    clausesMet: '四(一)2(3)a、四(一)2(3)b', achievements: '调解劳动争议 120 件，指导 30 家小微企业规范用工。'.repeat(6), quotaExempt: false,
    unitRank: index + 1, reportingUnitName: '长春市', certificateNumber: null, namedOn: null, state: 'UNDER_REVIEW', opinions: [],
  };
}

async function time(label: string, times: number, work: () => unknown): Promise<void> {
  await work(); // warm-up (the font file is read once)
  const started = process.hrtime.bigint();
  for (let index = 0; index < times; index += 1) await work();
  const perCall = Number(process.hrtime.bigint() - started) / 1e6 / times;
  console.log(`awards: ${label}: ${perCall < 1 ? perCall.toFixed(3) : perCall.toFixed(1)} ms per call (${times} calls)`);
}

export async function run(): Promise<void> {
  const unit = Array.from({ length: 100 }, (_value, index) => sheet(index));
  await time('evaluateEligibility GOLD', 20000, () => evaluateEligibility(FACTS, 'GOLD', '2021-11-30'));
  await time('publicityWindow around National Day', 20000, () => publicityWindow('2021-09-30'));
  await time('附件2 PDF', 20, () => nominationFormPdf(sheet(0)));
  await time('附件2 xlsx', 20, () => nominationFormXlsx(sheet(0)));
  await time('附件3 PDF, 100 nominees', 5, () => unitSummaryPdf('长春市', 2021, unit));
  await time('附件3 xlsx, 100 nominees', 5, () => unitSummaryXlsx('长春市', 2021, unit));
  const pdf = await unitSummaryPdf('长春市', 2021, unit);
  console.log(`awards: 附件3 PDF size for 100 nominees: ${(pdf.length / 1024).toFixed(0)} KiB`);
}

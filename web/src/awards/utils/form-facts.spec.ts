import { evaluateEligibility } from '@registry/domain';
import { formAttestations, formFacts } from './form-facts';

describe('nomination form facts', () => {
  const values = {
    tripartiteOrGrassroots: false,
    certificates: [
      { occupation: '劳动关系协调员', level: 2, issuedOn: '2016-05-10' },
      { occupation: '劳动关系协调员', level: 3, issuedOn: null }, // still being typed
    ],
    educations: [{ level: 'BACHELOR', major: ' 人力资源管理 ' }],
    workPeriods: [{ start: '2012-03-01', end: null, occupation: '劳动关系协调员' }, { occupation: '' }],
    honors: [],
    disciplinaryRecords: [null as never],
  };

  it('drops half-typed rows and trims names', () => {
    const facts = formFacts(values);
    expect(facts.certificates).toHaveLength(1);
    expect(facts.educations[0].major).toBe('人力资源管理');
    expect(facts.workPeriods).toEqual([{ start: '2012-03-01', end: null, occupation: '劳动关系协调员' }]);
    expect(facts.disciplinaryRecords).toEqual([]);
  });

  it('gives the same verdict the server computes from stored records', () => {
    const attestations = formAttestations(['四(一)1(1)', '工作业绩'], '朝阳区基层平台', '2021-11-01');
    const verdict = evaluateEligibility(formFacts(values, [], attestations), 'GOLD', '2021-11-30');
    expect(verdict.eligible).toBe(true);
    expect(verdict.pendingAttestations).toEqual([]);
    const blocked = evaluateEligibility(formFacts(values, [{ kind: '重大群体性事件', occurredOn: '2019-06-01' }], attestations), 'GOLD', '2021-11-30');
    expect(blocked.eligible).toBe(false);
    expect(blocked.conditions.find((condition) => condition.clause === '四(一)1(4)')?.met).toBe(false);
  });
});

import type { CoordinatorDetailFragment } from '@registry/graphql-client';
import { coordinatorToFormValues, earliestWorkPeriodStart, EMPTY_COORDINATOR_FORM, toCreateCoordinatorInput, toUpdateCoordinatorInput } from './form-values';

const detail: CoordinatorDetailFragment = {
  id: '7',
  name: '王丽',
  gender: 'FEMALE',
  birthDate: '1985-06-15',
  age: 40,
  idNumber: '2201**********1234',
  phone: null,
  category: 1,
  affiliation: 'ENTERPRISE',
  tripartiteOrGrassroots: false,
  enterpriseId: '42',
  enterprise: { id: '42', name: '长春测试制造有限公司', creditCode: '91220104000000001X', sizeClass: 'LARGE', publicOwned: false },
  unitName: null,
  regionCode: '220104',
  region: { code: '220104', name: '朝阳区', level: 'COUNTY', path: '220000/220100/220104/' },
  post: '人事专员',
  status: 'ACTIVE',
  joinedOn: '2015-03-01',
  leftOn: null,
  version: 3,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  certificates: [{ id: '1', occupation: '劳动关系协调员', level: 3, title: null, certificateNumber: 'A-1', issuer: null, issuedOn: '2019-05-10' }],
  educations: [{ id: '2', level: 'BACHELOR', major: '人力资源管理', school: null, graduatedOn: null }],
  workPeriods: [{ id: '3', start: '2015-03-01', end: null, occupation: '劳动关系协调员', employer: null }],
  trainings: [],
  honors: [],
  disciplinaryRecords: [],
  workRecords: [{ id: '4', kind: 'DISPUTE_MEDIATED', count: 5, recordedOn: '2024-12-31', precision: 'DAY', enterpriseId: '9', outcome: 'MEDIATED', description: null }],
};

describe('coordinator form values', () => {
  it('turns a record into form values without ids (work records keep theirs: they are records of their own)', () => {
    const values = coordinatorToFormValues(detail);
    expect(values.certificates).toEqual([
      { occupation: '劳动关系协调员', level: 3, title: null, certificateNumber: 'A-1', issuer: null, issuedOn: '2019-05-10' },
    ]);
    expect(values.certificates![0]).not.toHaveProperty('id');
    // a saved coordinator keeps each work record as the same record, with what the tab does not show
    expect(toUpdateCoordinatorInput(values, detail.id, detail.version).workRecords).toEqual([
      { id: '4', kind: 'DISPUTE_MEDIATED', count: 5, recordedOn: '2024-12-31', precision: 'DAY', enterpriseId: '9', outcome: 'MEDIATED', description: null },
    ]);
    expect(values).not.toHaveProperty('idNumber');
  });

  it('builds an update input with the version read and every list', () => {
    const input = toUpdateCoordinatorInput(coordinatorToFormValues(detail), detail.id, detail.version);
    expect(input).toMatchObject({
      id: '7',
      version: 3,
      name: '王丽',
      regionCode: '220104',
      enterpriseId: '42',
      affiliation: 'ENTERPRISE',
      category: 1,
      joinedOn: '2015-03-01',
      phone: null,
      post: '人事专员',
    });
    expect(input.certificates).toHaveLength(1);
    expect(input.trainings).toEqual([]);
    expect(input.workPeriods).toEqual([{ start: '2015-03-01', end: null, occupation: '劳动关系协调员', employer: null }]);
  });

  it('builds a create input, trimming text and leaving derived fields to the server', () => {
    const input = toCreateCoordinatorInput({
      ...EMPTY_COORDINATOR_FORM,
      name: '  李明 ',
      idNumber: '22010419850615002x',
      regionCode: '220104',
      phone: '',
      certificates: [{ occupation: ' 劳动关系协调员 ', level: 4, issuedOn: '2020-01-01', issuer: '  ' }],
      trainings: [{ course: '劳动争议调解', hours: 16, completedOn: '2021-06-01' }],
    });
    expect(input).toEqual({
      name: '李明',
      idNumber: '22010419850615002X',
      regionCode: '220104',
      tripartiteOrGrassroots: false,
      enterpriseId: null,
      phone: null,
      unitName: null,
      post: null,
      certificates: [{ occupation: '劳动关系协调员', level: 4, issuedOn: '2020-01-01', title: null, certificateNumber: null, issuer: null }],
      educations: [],
      workPeriods: [],
      trainings: [
        { course: '劳动争议调解', hours: 16, completedOn: '2021-06-01', provider: null, result: null, subsidyKind: null, subsidyAmount: null },
      ],
      honors: [],
      disciplinaryRecords: [],
      workRecords: [],
    });
    expect(input).not.toHaveProperty('affiliation');
    expect(input).not.toHaveProperty('joinedOn');
  });
});

describe('a blank 入职日期', () => {
  const work = (start: string) => ({ start, end: null, occupation: '劳动关系协调员', employer: null });

  it('takes the earliest work period on create and on update', () => {
    const values = { ...EMPTY_COORDINATOR_FORM, name: '李红', idNumber: '220104198804121234', regionCode: '220104', workPeriods: [work('2023-07-01'), work('2022-03-01')] };
    expect(earliestWorkPeriodStart(values.workPeriods)).toBe('2022-03-01');
    expect(toCreateCoordinatorInput(values).joinedOn).toBe('2022-03-01');
    expect(toUpdateCoordinatorInput(values, '7', 3).joinedOn).toBe('2022-03-01');
  });

  it('keeps a date typed in, and leaves the server to take today when there is no work period', () => {
    const typed = { ...EMPTY_COORDINATOR_FORM, name: '李红', joinedOn: '2024-01-02', workPeriods: [work('2022-03-01')] };
    expect(toUpdateCoordinatorInput(typed, '7', 3).joinedOn).toBe('2024-01-02');
    expect(toCreateCoordinatorInput({ ...EMPTY_COORDINATOR_FORM, name: '李红', idNumber: '220104198804121234' })).not.toHaveProperty('joinedOn');
    expect(earliestWorkPeriodStart([])).toBeNull();
  });
});

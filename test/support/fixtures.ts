import { makeCreditCode, makeIdNumber } from '@registry/domain';

let sequence = 0;

/** A valid, unique unified social credit code registered in the given county. */
export function creditCode(county = '220104'): string {
  sequence += 1;
  const body = String(sequence).padStart(9, '0');
  return makeCreditCode(`91${county}${body.slice(0, 9)}`);
}

let person = 0;

/** A valid resident ID number, unique within a test run (gender parity takes every other sequence). */
export function idNumber(birthDate = '1985-06-15', gender: 'MALE' | 'FEMALE' = 'FEMALE', county = '220104'): string {
  person += 1;
  return makeIdNumber(county, birthDate, (person * 2) % 1000, gender);
}

export const CREATE_ENTERPRISE = `mutation($input: EnterpriseInput!) {
  createEnterprise(input: $input) { id name creditCode regionCode sizeClass derivedSizeClass version }
}`;

export const CREATE_COORDINATOR = `mutation($input: CoordinatorInput!) {
  createCoordinator(input: $input) { id name regionCode idNumber gender birthDate version status }
}`;

export function enterpriseInput(overrides: Record<string, unknown> = {}) {
  return {
    creditCode: creditCode(),
    name: `长春测试制造有限公司${sequence}`,
    regionCode: '220104',
    industryCode: 'C13',
    employees: 1200,
    revenue: 50000,
    assets: 80000,
    publicOwned: false,
    ...overrides,
  };
}

export function coordinatorInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `测试协调员${sequence}`,
    idNumber: idNumber(),
    regionCode: '220104',
    tripartiteOrGrassroots: false,
    certificates: [{ occupation: '劳动关系协调员', level: 3, issuedOn: '2019-05-10' }],
    educations: [{ level: 'BACHELOR', major: '人力资源管理' }],
    workPeriods: [{ start: '2015-03-01', end: null, occupation: '劳动关系协调员' }],
    ...overrides,
  };
}

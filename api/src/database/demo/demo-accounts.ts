import type { Role } from '@registry/domain';

// One demo account per level (README "Demo accounts"). In demo mode they are exempt from the
// forced first-login change so that a reviewer can sign straight in.
export const DEMO_PASSWORD = 'Jilin#2021demo';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** a region code, or `firstTownshipOf:<county>` */
  region: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'changchun', displayName: '长春市人社局劳动关系科', role: 'CITY_OFFICE', region: '220100' },
  { username: 'chaoyang', displayName: '长春市朝阳区人社局', role: 'COUNTY_OFFICE', region: '220104' },
  { username: 'township', displayName: '朝阳区基层平台', role: 'TOWNSHIP_PLATFORM', region: 'firstTownshipOf:220104' },
  { username: 'jilin', displayName: '吉林市人社局劳动关系科', role: 'CITY_OFFICE', region: '220200' },
  { username: 'meihekou', displayName: '梅河口市人社局', role: 'CITY_OFFICE', region: '220581' },
  { username: 'changbaishan', displayName: '长白山管委会人社局', role: 'CITY_OFFICE', region: '229900' },
  { username: 'leader', displayName: '省人社厅领导', role: 'LEADER', region: '220000' },
  { username: 'auditor', displayName: '省人社厅审计员', role: 'AUDITOR', region: '220000' },
];

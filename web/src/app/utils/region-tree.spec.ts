import type { RegionFieldsFragment } from '@registry/graphql-client';
import { ancestorCodes, buildRegionTree, regionLabel } from './region-tree';

const region = (code: string, name: string, level: RegionFieldsFragment['level'], parentCode: string | null, path: string): RegionFieldsFragment => ({
  code,
  name,
  level,
  parentCode,
  path,
  synthetic: false,
});

const regions: RegionFieldsFragment[] = [
  region('220000', '吉林省', 'PROVINCE', null, '220000/'),
  region('220100', '长春市', 'UNIT', '220000', '220000/220100/'),
  region('220104', '朝阳区', 'COUNTY', '220100', '220000/220100/220104/'),
  region('220104001', '前进街道', 'TOWNSHIP', '220104', '220000/220100/220104/220104001/'),
  region('220102', '南关区', 'COUNTY', '220100', '220000/220100/220102/'),
];

describe('buildRegionTree', () => {
  it('nests children under parents, sorted by code', () => {
    const [province] = buildRegionTree(regions);
    expect(province.value).toBe('220000');
    const [city] = province.children!;
    expect(city.children!.map((node) => node.value)).toEqual(['220102', '220104']);
    expect(city.children![1].children![0]).toMatchObject({ value: '220104001', isLeaf: true });
  });

  it('disables ancestors outside the user scope', () => {
    const [province] = buildRegionTree(regions, { scopeCode: '220104' });
    expect(province.disabled).toBe(true);
    const city = province.children![0];
    expect(city.disabled).toBe(true);
    expect(city.children!.find((node) => node.value === '220104')!.disabled).toBe(false);
    expect(city.children!.find((node) => node.value === '220104')!.children![0].selectable).toBe(true);
  });

  it('can stop at county level', () => {
    const [province] = buildRegionTree(regions, { maxLevel: 'COUNTY' });
    const county = province.children![0].children!.find((node) => node.value === '220104')!;
    expect(county.children).toBeUndefined();
    expect(county.isLeaf).toBe(true);
  });
});

describe('region helpers', () => {
  it('lists ancestors top-down', () => {
    expect(ancestorCodes(regions, '220104001')).toEqual(['220000', '220100', '220104']);
  });
  it('labels a region by its path below the province', () => {
    expect(regionLabel(regions, '220104001')).toBe('长春市 · 朝阳区 · 前进街道');
    expect(regionLabel(regions, 'unknown')).toBe('unknown');
  });
});

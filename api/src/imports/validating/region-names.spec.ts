import { JILIN_REGIONS } from '@registry/domain';
import { takesRegionLevel } from '../sheets/columns';
import { RegionNameResolver } from './region-names';

// 前进街道 is in 长春 朝阳区 (220104001) and in 松原 宁江区 (220702006).
const resolver = (scopePath: string, kind: 'coordinators' | 'enterprises' = 'coordinators') =>
  new RegionNameResolver(JILIN_REGIONS, scopePath, (level) => takesRegionLevel(kind, level));

describe('RegionNameResolver', () => {
  it('takes a name unique within the scope', () => {
    const match = resolver('220000/220100/220104/').resolve('前进街道');
    expect(match && 'region' in match ? match.region.code : match).toBe('220104001');
  });

  it('returns every candidate when the name is ambiguous, described with path and code', () => {
    const names = resolver('220000/');
    const match = names.resolve('前进街道');
    expect(match && 'candidates' in match ? match.candidates.map((region) => names.describe(region)) : match).toEqual([
      '长春市 · 朝阳区 · 前进街道（220104001）',
      '松原市 · 宁江区 · 前进街道（220702006）',
    ]);
  });

  it('lets parents written before the name choose, and knows nothing outside the scope', () => {
    const match = resolver('220000/').resolve('宁江区 前进街道');
    expect(match && 'region' in match ? match.region.code : match).toBe('220702006');
    expect(resolver('220000/220100/').resolve('宁江区 前进街道')).toBeNull();
    expect(resolver('220000/220100/220104/').resolve('不存在街道')).toBeNull();
  });

  it('offers employers only counties and townships', () => {
    expect(resolver('220000/', 'enterprises').resolve('长春市')).toBeNull();
    expect(resolver('220000/', 'coordinators').resolve('长春市')).not.toBeNull();
  });
});

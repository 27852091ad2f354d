import { findRegion } from '../regions';
import { checkBoundaryFeatures, simplifyRing, withD3Winding, type Ring } from './index';

const square = (x: number, y: number, size = 0.5): Ring => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
const feature = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties, geometry: { type, coordinates } });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const regions = (code: string) => findRegion(code);

describe('boundary files', () => {
  it('simplifies a ring within the tolerance, keeping it closed', () => {
    // a square with 400 points along its edges, and a 0.0005° wobble on one side
    const ring: Ring = [];
    for (let i = 0; i < 100; i += 1) ring.push([125 + i * 0.005, 43 + (i % 2) * 0.0005]);
    for (let i = 0; i < 100; i += 1) ring.push([125.5, 43 + i * 0.005]);
    for (let i = 0; i < 100; i += 1) ring.push([125.5 - i * 0.005, 43.5]);
    for (let i = 0; i < 100; i += 1) ring.push([125, 43.5 - i * 0.005]);
    ring.push(ring[0]);
    const simplified = simplifyRing(ring, 0.002);
    expect(simplified.length).toBeLessThanOrEqual(8);
    expect(simplified[0]).toEqual(simplified[simplified.length - 1]);
    for (const corner of [[125.5, 43], [125.5, 43.5], [125, 43.5]]) {
      expect(simplified.some(([x, y]) => Math.abs(x - corner[0]) < 0.006 && Math.abs(y - corner[1]) < 0.006)).toBe(true);
    }
  });

  it('keeps a tiny polygon drawable', () => {
    const tiny: Ring = [[125, 43], [125.0001, 43], [125.0001, 43.0001], [125, 43.0001], [125, 43]];
    const simplified = simplifyRing(tiny, 0.002);
    expect(simplified.length).toBeGreaterThanOrEqual(4);
    expect(simplified[0]).toEqual(simplified[simplified.length - 1]);
  });

  it('takes reporting units and counties by code, adcode or id, and names them from the registry', () => {
    const checked = checkBoundaryFeatures(
      collection(feature({ code: '220100' }, [square(125, 43.5)]), feature({ adcode: 220104 }, [square(125.2, 43.7, 0.1)]), { ...feature({}, [[square(126, 43)], [square(127, 43)]], 'MultiPolygon'), id: '220200' }),
      regions,
    );
    expect(checked.problems).toEqual([]);
    expect(checked.units).toBe(2);
    expect(checked.counties).toBe(1);
    expect(checked.features.map((f) => [f.properties.code, f.properties.name, f.geometry.type])).toEqual([
      ['220100', '长春市', 'Polygon'],
      ['220104', '朝阳区', 'Polygon'],
      ['220200', '吉林市', 'MultiPolygon'],
    ]);
  });

  it('refuses, naming each problem: no code, a code of another province or a township, duplicates, bad geometry, coordinates outside Jilin', () => {
    const checked = checkBoundaryFeatures(
      collection(
        feature({ name: '无代码' }, [square(125, 43)]),
        feature({ code: '210100' }, [square(125, 43)]),
        feature({ code: '220104001' }, [square(125, 43)]),
        feature({ code: '220100' }, [square(125, 43)]),
        feature({ code: '220100' }, [square(125, 43)]),
        feature({ code: '220300' }, [[[124, 43], [124.5, 43]]]),
        feature({ code: '220400' }, [square(12.5, 4.3)]),
      ),
      regions,
    );
    expect(checked.features).toEqual([]);
    expect(checked.problems).toEqual([
      '第 1 个要素缺少地区代码（属性 code、adcode 或 regionCode）',
      '第 2 个要素的地区代码 210100 不是本省的市（州）或县（市、区）',
      '第 3 个要素的地区代码 220104001 不是本省的市（州）或县（市、区）',
      '地区代码 220100（长春市）出现了不止一次',
      '四平市（220300）的几何应为 Polygon 或 MultiPolygon（每个环至少 4 个点）',
      '辽源市（220400）的坐标不在吉林省范围内（应为经纬度，WGS84 或 GCJ-02）',
    ]);
  });

  it('refuses what is not a feature collection, and a file of counties only', () => {
    expect(checkBoundaryFeatures({ type: 'Topology' }, regions).problems).toEqual(['文件应为 GeoJSON FeatureCollection 或 TopoJSON Topology']);
    expect(checkBoundaryFeatures(collection(), regions).problems).toEqual(['文件中没有任何区划要素']);
    expect(checkBoundaryFeatures(collection(feature({ code: '220104' }, [square(125, 43)])), regions).problems).toEqual(['文件中至少应有一个市（州）级区划']);
  });
});

describe('d3 winding', () => {
  it('turns exterior rings clockwise and holes counter-clockwise, whichever way the file had them', () => {
    const counterClockwise: Ring = [[125, 43], [126, 43], [126, 44], [125, 44], [125, 43]];
    const hole: Ring = [[125.2, 43.2], [125.2, 43.4], [125.4, 43.4], [125.4, 43.2], [125.2, 43.2]];
    const rewound = withD3Winding({ type: 'Polygon', coordinates: [counterClockwise, hole] });
    expect(rewound.coordinates[0]).toEqual([...counterClockwise].reverse());
    expect(rewound.coordinates[1]).toEqual([...hole].reverse());
    // already so: unchanged
    expect(withD3Winding(rewound)).toEqual(rewound);
    const multi = withD3Winding({ type: 'MultiPolygon', coordinates: [[counterClockwise]] });
    expect((multi.coordinates as Ring[][])[0][0]).toEqual([...counterClockwise].reverse());
  });
});

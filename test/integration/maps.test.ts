import { startTestApp, type TestApp } from '../support/test-app';
import { squareRing, syntheticBoundaryFile } from '../support/boundary-files';
import { signedInUser } from './access-helpers';

// The province's own licensed boundary file: checked, simplified, stored, put in use; the tile
// map stays the default (no map in use) and the fallback.
const UPLOAD = `mutation($input: UploadBoundaryMapInput!) { uploadBoundaryMap(input: $input) { id name licence unitCount countyCount inUse uploadedBy } }`;
const IN_USE = `{ boundaryMap { id name unitCount geojson } }`;
const USE = `mutation($id: ID) { useBoundaryMap(id: $id) { id inUse } }`;

describe('boundary maps', () => {
  let t: TestApp;
  let admin: string;
  let county: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    county = await signedInUser(t, admin, 'maps.county', 'COUNTY_OFFICE', '220104');
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('has no map in use at first: the dashboard keeps its tile map', async () => {
    const result = await t.graphql(IN_USE, {}, county);
    expect(result.data?.boundaryMap).toBeNull();
  });

  it('takes a GeoJSON file of the reporting units, simplifies it and puts it in use for everyone (audited)', async () => {
    const content = syntheticBoundaryFile();
    const uploaded = await t.graphql(UPLOAD, { input: { name: '吉林省行政区划（测试）', licence: '审图号：吉S(2026)000号', fileName: 'units.geojson', content } }, admin);
    expect(uploaded.errors).toBeUndefined();
    expect(uploaded.data!.uploadBoundaryMap).toMatchObject({ unitCount: 10, countyCount: 0, inUse: true, licence: '审图号：吉S(2026)000号' });
    const seen = await t.graphql(IN_USE, {}, county);
    const stored = JSON.parse(seen.data!.boundaryMap.geojson);
    expect(stored.features).toHaveLength(10);
    // named from the registry, not the file; 201 points per ring become a handful
    const changchun = stored.features.find((feature: { properties: { code: string } }) => feature.properties.code === '220100');
    expect(changchun.properties).toEqual({ code: '220100', name: '长春市' });
    expect(changchun.geometry.coordinates[0].length).toBeLessThanOrEqual(8);
    expect(seen.data!.boundaryMap.geojson.length).toBeLessThan(content.length / 10);
    const [audit] = await t.sql(`select detail from audit_log where action = 'BOUNDARY_MAP_UPLOAD'`);
    expect(audit.detail).toMatchObject({ units: 10, counties: 0 });
  });

  it('takes TopoJSON, with counties beside the units', async () => {
    const topology = {
      type: 'Topology',
      objects: {
        units: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { code: '220100' } }] },
        counties: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[1]], properties: { code: '220104' } }] },
      },
      arcs: [squareRing(125.2, 44.0), squareRing(125.3, 44.1, 0.1, 10)],
    };
    const uploaded = await t.graphql(UPLOAD, { input: { name: '长春（TopoJSON）', licence: '审图号：吉S(2026)001号', content: JSON.stringify(topology) } }, admin);
    expect(uploaded.errors).toBeUndefined();
    expect(uploaded.data!.uploadBoundaryMap).toMatchObject({ unitCount: 1, countyCount: 1, inUse: true });
  });

  it('refuses a bad file naming the field and the reasons, and changes nothing', async () => {
    const before = await t.graphql(IN_USE, {}, county);
    const cases: [string, RegExp][] = [
      ['not json', /不是有效的 JSON/],
      [JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '110100' }, geometry: { type: 'Polygon', coordinates: [squareRing(125, 43)] } }] }), /110100 不是本省的市（州）或县（市、区）/],
      [JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '220100' }, geometry: { type: 'Polygon', coordinates: [squareRing(12500000, 4300000)] } }] }), /长春市（220100）的坐标不在吉林省范围内/],
      [JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '220100' }, geometry: { type: 'Point', coordinates: [125, 43] } }] }), /应为 Polygon 或 MultiPolygon/],
    ];
    for (const [content, reason] of cases) {
      const refused = await t.graphql(UPLOAD, { input: { name: '坏文件', licence: '审图号', content } }, admin);
      expect(refused.errors?.[0]).toMatchObject({ message: expect.stringMatching(reason), extensions: { code: 'BAD_USER_INPUT', field: 'content' } });
    }
    const missingLicence = await t.graphql(UPLOAD, { input: { name: '无许可', licence: '', content: syntheticBoundaryFile() } }, admin);
    expect(missingLicence.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const after = await t.graphql(IN_USE, {}, county);
    expect(after.data!.boundaryMap.id).toBe(before.data!.boundaryMap.id);
    const [{ count }] = await t.sql(`select count(*)::int as count from boundary_map`);
    expect(count).toBe(2);
  });

  it('is the province\'s to upload and switch; back to the tile map with null', async () => {
    const refused = await t.graphql(UPLOAD, { input: { name: '县里的图', licence: '审图号', content: syntheticBoundaryFile() } }, county);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.graphql(USE, { id: null }, county)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const off = await t.graphql(USE, { id: null }, admin);
    expect(off.errors).toBeUndefined();
    expect((await t.graphql(IN_USE, {}, county)).data!.boundaryMap).toBeNull();
    const [first] = await t.sql(`select id from boundary_map order by id limit 1`);
    const again = await t.graphql(USE, { id: String(first.id) }, admin);
    expect(again.data!.useBoundaryMap).toEqual({ id: String(first.id), inUse: true });
    expect((await t.graphql(IN_USE, {}, county)).data!.boundaryMap.unitCount).toBe(10);
  });
});

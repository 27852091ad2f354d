// Boundary files a province office uploads for its dashboard map (a licensed, approved map: 审图号).
// Pure checks and simplification of GeoJSON polygons keyed by region code; reading TopoJSON is the
// api's (topojson-client), drawing is the web's (d3-geo).

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoordinates = Ring[];

export interface BoundaryGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: PolygonCoordinates | PolygonCoordinates[];
}

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: BoundaryGeometry;
}

/** Jilin's extent with a margin (121°38′–131°19′E, 40°50′–46°19′N), in WGS84 / GCJ-02 degrees. */
export const JILIN_BOUNDS = { west: 120.5, east: 132.5, south: 40.0, north: 47.0 };
/** Simplification tolerance in degrees (about 200 m): plenty for a dashboard map of 11 units. */
export const BOUNDARY_TOLERANCE = 0.002;
export const MAX_BOUNDARY_FEATURES = 200;

function perpendicularDistance(point: Position, start: Position, end: Position): number {
  const [x, y] = point;
  const [x1, y1] = start;
  const [x2, y2] = end;
  const dx = x2 - x1;
  const dy = y2 - y1;
  if (dx === 0 && dy === 0) return Math.hypot(x - x1, y - y1);
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/** Douglas–Peucker on an open polyline (iterative: a long ring does not exhaust the stack). */
function simplifyLine(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let index = first + 1; index < last; index += 1) {
      const distance = perpendicularDistance(points[index], points[first], points[last]);
      if (distance > worstDistance) {
        worst = index;
        worstDistance = distance;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, index) => keep[index] === 1);
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

/**
 * A closed ring simplified within `tolerance` degrees, coordinates rounded to 1e-5°; a ring that
 * would collapse keeps its four extreme points so the polygon stays drawable.
 */
export function simplifyRing(ring: Ring, tolerance = BOUNDARY_TOLERANCE): Ring {
  const open = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring.slice();
  if (open.length < 3) return ring.map(([x, y]) => [round(x), round(y)]);
  // split at the point farthest from the first so both halves are simplified as lines
  let far = 1;
  for (let index = 1; index < open.length; index += 1) {
    if (Math.hypot(open[index][0] - open[0][0], open[index][1] - open[0][1]) > Math.hypot(open[far][0] - open[0][0], open[far][1] - open[0][1])) far = index;
  }
  const first = simplifyLine(open.slice(0, far + 1), tolerance);
  const second = simplifyLine([...open.slice(far), open[0]], tolerance);
  let simplified = [...first, ...second.slice(1)];
  if (simplified.length < 4) {
    const byX = [...open].sort((a, b) => a[0] - b[0]);
    const byY = [...open].sort((a, b) => a[1] - b[1]);
    const extremes = [byX[0], byY[0], byX[byX.length - 1], byY[byY.length - 1]];
    simplified = [...new Set(extremes)].concat([extremes[0]]);
  }
  const rounded = simplified.map(([x, y]) => [round(x), round(y)] as Position);
  const [x0, y0] = rounded[0];
  const [xn, yn] = rounded[rounded.length - 1];
  if (x0 !== xn || y0 !== yn) rounded.push([x0, y0]);
  return rounded;
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

function polygonsOf(geometry: { type?: unknown; coordinates?: unknown }): PolygonCoordinates[] | null {
  const asPolygon = (value: unknown): PolygonCoordinates | null =>
    Array.isArray(value) && value.length > 0 && value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition))
      ? (value as unknown[][]).map((ring) => (ring as number[][]).map(([x, y]) => [x, y] as Position))
      : null;
  if (geometry.type === 'Polygon') {
    const polygon = asPolygon(geometry.coordinates);
    return polygon ? [polygon] : null;
  }
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0) {
    const polygons = geometry.coordinates.map(asPolygon);
    return polygons.every(Boolean) ? (polygons as PolygonCoordinates[]) : null;
  }
  return null;
}

export interface BoundaryRegion {
  code: string;
  name: string;
  level: 'PROVINCE' | 'UNIT' | 'COUNTY' | 'TOWNSHIP';
}

export interface BoundaryCheck {
  features: BoundaryFeature[];
  /** Chinese, one per problem; the file is refused when there is any */
  problems: string[];
  units: number;
  counties: number;
}

/** The region code of a feature: properties code / adcode / regionCode / 代码, or the feature's id. */
function codeOf(feature: { id?: unknown; properties?: Record<string, unknown> | null }): string | null {
  const properties = feature.properties ?? {};
  for (const candidate of [properties.code, properties.adcode, properties.regionCode, properties['代码'], feature.id]) {
    if (typeof candidate === 'number' && Number.isInteger(candidate)) return String(candidate);
    if (typeof candidate === 'string' && /^\d{6}(\d{3})?$/.test(candidate.trim())) return candidate.trim();
  }
  return null;
}

/**
 * Checks a GeoJSON FeatureCollection of reporting units (and optionally counties) keyed by region
 * code, and simplifies it: every feature a Polygon or MultiPolygon inside Jilin's extent, with a
 * known reporting-unit or county code, each code once, at least one reporting unit.
 */
export function checkBoundaryFeatures(collection: unknown, regions: (code: string) => BoundaryRegion | undefined, tolerance = BOUNDARY_TOLERANCE): BoundaryCheck {
  const problems: string[] = [];
  const out: BoundaryFeature[] = [];
  const result = () => ({ features: problems.length ? [] : out, problems, units: out.filter((f) => regions(f.properties.code)?.level === 'UNIT').length, counties: out.filter((f) => regions(f.properties.code)?.level === 'COUNTY').length });
  if (!collection || typeof collection !== 'object' || (collection as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((collection as { features?: unknown }).features)) {
    problems.push('文件应为 GeoJSON FeatureCollection 或 TopoJSON Topology');
    return result();
  }
  const features = (collection as { features: unknown[] }).features;
  if (features.length === 0) problems.push('文件中没有任何区划要素');
  if (features.length > MAX_BOUNDARY_FEATURES) problems.push(`区划要素最多 ${MAX_BOUNDARY_FEATURES} 个（文件中有 ${features.length} 个）`);
  if (problems.length) return result();
  const seen = new Set<string>();
  features.forEach((raw, index) => {
    const feature = (raw ?? {}) as { id?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
    const label = `第 ${index + 1} 个要素`;
    const code = codeOf(feature);
    if (!code) return problems.push(`${label}缺少地区代码（属性 code、adcode 或 regionCode）`);
    const region = regions(code);
    if (!region || (region.level !== 'UNIT' && region.level !== 'COUNTY')) return problems.push(`${label}的地区代码 ${code} 不是本省的市（州）或县（市、区）`);
    if (seen.has(code)) return problems.push(`地区代码 ${code}（${region.name}）出现了不止一次`);
    seen.add(code);
    const polygons = feature.geometry ? polygonsOf(feature.geometry) : null;
    if (!polygons) return problems.push(`${region.name}（${code}）的几何应为 Polygon 或 MultiPolygon（每个环至少 4 个点）`);
    const outside = polygons.some((polygon) => polygon.some((ring) => ring.some(([x, y]) => x < JILIN_BOUNDS.west || x > JILIN_BOUNDS.east || y < JILIN_BOUNDS.south || y > JILIN_BOUNDS.north)));
    if (outside) return problems.push(`${region.name}（${code}）的坐标不在吉林省范围内（应为经纬度，WGS84 或 GCJ-02）`);
    const simplified = polygons.map((polygon) => polygon.map((ring) => simplifyRing(ring, tolerance)));
    out.push({
      type: 'Feature',
      properties: { code, name: region.name },
      geometry: simplified.length === 1 ? { type: 'Polygon', coordinates: simplified[0] } : { type: 'MultiPolygon', coordinates: simplified },
    });
    return undefined;
  });
  if (!problems.length && !out.some((feature) => regions(feature.properties.code)?.level === 'UNIT')) problems.push('文件中至少应有一个市（州）级区划');
  return result();
}

/** Twice the signed planar area of a ring in lon/lat: positive when counter-clockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let index = 0; index < ring.length - 1; index += 1) sum += ring[index][0] * ring[index + 1][1] - ring[index + 1][0] * ring[index][1];
  return sum;
}

/**
 * The geometry with d3-geo's winding: d3 draws on the sphere, where an exterior ring must run
 * clockwise (the opposite of RFC 7946 GeoJSON) or it means the whole globe but the polygon.
 * Files come either way; the web rewinds before drawing.
 */
export function withD3Winding(geometry: BoundaryGeometry): BoundaryGeometry {
  const rewind = (polygon: PolygonCoordinates): PolygonCoordinates =>
    polygon.map((ring, index) => {
      const clockwise = signedArea(ring) < 0;
      const wanted = index === 0; // exterior clockwise, holes counter-clockwise
      return clockwise === wanted ? ring : [...ring].reverse();
    });
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rewind(geometry.coordinates as PolygonCoordinates) }
    : { type: 'MultiPolygon', coordinates: (geometry.coordinates as PolygonCoordinates[]).map(rewind) };
}

// A synthetic boundary file for the map tests (no real boundary data has a licence here): each
// reporting unit a 0.6° square with many points on its edges (for the simplification to remove),
// placed roughly where the unit lies; 长白山管委会 has no polygon and shows as a marker.
export const UNIT_PLACES: Record<string, [number, number]> = {
  '220800': [122.3, 45.2], // 白城
  '220700': [124.3, 45.0], // 松原
  '220100': [125.2, 44.0], // 长春
  '220200': [126.4, 43.6], // 吉林市
  '222400': [129.0, 43.2], // 延边
  '220300': [124.2, 43.3], // 四平
  '220400': [125.1, 42.9], // 辽源
  '220581': [125.6, 42.3], // 梅河口
  '220500': [125.9, 41.6], // 通化
  '220600': [127.2, 41.9], // 白山
};

export function squareRing(west: number, south: number, size = 0.6, pointsPerEdge = 50): [number, number][] {
  const ring: [number, number][] = [];
  const step = size / pointsPerEdge;
  for (let i = 0; i < pointsPerEdge; i += 1) ring.push([west + i * step, south]);
  for (let i = 0; i < pointsPerEdge; i += 1) ring.push([west + size, south + i * step]);
  for (let i = 0; i < pointsPerEdge; i += 1) ring.push([west + size - i * step, south + size]);
  for (let i = 0; i < pointsPerEdge; i += 1) ring.push([west, south + size - i * step]);
  ring.push([west, south]);
  return ring;
}

export function syntheticBoundaryFile(codes = Object.keys(UNIT_PLACES)): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: codes.map((code) => ({
      type: 'Feature',
      properties: { adcode: Number(code), name: `单位 ${code}` },
      geometry: { type: 'Polygon', coordinates: [squareRing(...UNIT_PLACES[code])] },
    })),
  });
}

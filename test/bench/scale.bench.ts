import { benchScale, type ScaleResult } from './analytics.bench';
import { printGrowth } from './growth';
import { print, type Scale } from './support';

// Issue 16: the growth curve. The dashboard's queries (coverage, structure, distribution) and a
// list page at province scope, and the time from a write to the figure showing it, at each size
// (SCALE_BENCH_SCALES, default demo,province,stress; a national-lite size is
// `5000000x1000000`, seeded once by the bulk generator into registry_bench_5000000x1000000).
// Each size prints the analytics bench's own table, then one table compares them: how much
// each figure grew against how much the data grew. A figure growing faster than the data is
// marked; the closing note says why.
export async function run(): Promise<void> {
  // `npm run bench` without BENCH runs the analytics bench, whose province and stress sizes print
  // the curve already; this one runs when asked for (BENCH=scale)
  if (!(process.env.BENCH ?? '').split(',').includes('scale')) {
    print('scale: the growth curve over demo, province and stress (and SCALE_BENCH_SCALES) runs with BENCH=scale');
    return;
  }
  const seconds = Number(process.env.BENCH_SECONDS ?? 3);
  const scales = (process.env.SCALE_BENCH_SCALES ?? 'demo,province,stress').split(',').map((scale) => scale.trim()) as Scale[];
  const results: ScaleResult[] = [];
  for (const scale of scales) results.push(await benchScale(scale, seconds, { full: false }));
  printGrowth(results);
}

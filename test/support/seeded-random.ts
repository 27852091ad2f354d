/**
 * A reproducible random source for a test: the seed comes from TEST_SEED or the clock and is
 * printed, so a failing run can be repeated with TEST_SEED=<seed>. (mulberry32)
 */
export function seededRandom(label: string): { seed: number; next: () => number; integer: (from: number, to: number) => number } {
  const seed = process.env.TEST_SEED ? Number(process.env.TEST_SEED) : Date.now() % 2 ** 31;
  console.log(`${label}: random seed ${seed} (repeat with TEST_SEED=${seed})`);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return { seed, next, integer: (from, to) => from + Math.floor(next() * (to - from + 1)) };
}

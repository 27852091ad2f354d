import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// Runs every `*.bench.ts` in this folder (BENCH=name1,name2 picks some). A bench module either
// exports `run(): Promise<void>` or declares its own jest tests at the top level.
const only = (process.env.BENCH ?? '').split(',').filter(Boolean);
const files = readdirSync(__dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

for (const file of files) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bench = require(join(__dirname, file)) as { run?: () => Promise<void> };
  if (typeof bench.run === 'function') it(file, () => bench.run!(), 3_600_000);
}
if (files.length === 0) it('has no benchmark selected', () => undefined);

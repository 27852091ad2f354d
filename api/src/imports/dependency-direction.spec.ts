import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The imports house has one direction of dependency (docs/decisions/0602-imports-parts.md):
// sheets ← reading ← validating ← committing, and exporting on sheets alone; the module,
// controller, service and job queue at the top may use every part. Specs are exempt: a writer's
// test may read its output back with the reader.
const PARTS = ['sheets', 'reading', 'validating', 'committing', 'exporting'] as const;
type Part = (typeof PARTS)[number] | 'top';
const MAY_USE: Record<Part, Part[]> = {
  sheets: [],
  reading: ['sheets'],
  validating: ['sheets', 'reading'],
  committing: ['sheets', 'reading', 'validating'],
  exporting: ['sheets'],
  top: [...PARTS],
};

const ROOT = __dirname;

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The part a file of api/src/imports belongs to, or null outside it. */
function partOf(path: string): Part | null {
  const inside = relative(ROOT, path);
  if (inside.startsWith('..')) return null;
  const [first, ...rest] = inside.split(sep);
  if (rest.length === 0) return 'top';
  if (!(PARTS as readonly string[]).includes(first)) throw new Error(`${inside} is in no part of the imports house`);
  return first as Part;
}

/** "reading/readers.ts → ../validating/staging" for each relative import against the direction. */
function violations(file: string, text: string): string[] {
  const from = partOf(file)!;
  return [...text.matchAll(/(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)]
    .map((match) => ({ specifier: match[1], to: partOf(resolve(dirname(file), match[1])) }))
    .filter(({ to }) => to !== null && to !== from && !MAY_USE[from].includes(to))
    .map(({ specifier }) => `${relative(ROOT, file)} → ${specifier}`);
}

describe('imports parts', () => {
  it('import only from the parts below them', () => {
    const files = sources(ROOT);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((file) => violations(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('catch a lower part importing a higher one, and exporting importing reading', () => {
    expect(violations(join(ROOT, 'reading', 'probe.ts'), `import { CopyWriter } from '../validating/staging';`)).toEqual(['reading/probe.ts → ../validating/staging']);
    expect(violations(join(ROOT, 'exporting', 'probe.ts'), `import { readXlsx } from '../reading/readers';`)).toEqual(['exporting/probe.ts → ../reading/readers']);
    expect(violations(join(ROOT, 'validating', 'probe.ts'), `import { COORDINATOR_SHEET } from '../sheets/columns';\nimport { readXlsx } from '../reading/readers';`)).toEqual([]);
  });
});

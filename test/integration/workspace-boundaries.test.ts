import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Nx tags with enforced module boundaries: libs/domain depends on nothing of ours, web never
// imports api (and the other way round). Probe files that break the rules must fail lint, and
// the repository as it is must lint clean.
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

function refreshProjectGraph(): void {
  spawnSync('npx', ['nx', 'reset', '--only-cache'], { env, encoding: 'utf8' });
  spawnSync('npx', ['nx', 'show', 'projects'], { env, encoding: 'utf8' });
}

function eslint(paths: string[]): { status: number | null; output: string } {
  const result = spawnSync('npx', ['eslint', '--format', 'json', ...paths], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: result.stdout };
}

function messages(output: string): { ruleId: string; message: string }[] {
  return (JSON.parse(output) as { messages: { ruleId: string; message: string }[] }[]).flatMap((file) => file.messages);
}

describe('module boundaries', () => {
  const probes = [join('libs/domain/src', '__boundary_probe__'), join('web/src', '__boundary_probe__')];

  afterAll(() => {
    for (const probe of probes) rmSync(probe, { recursive: true, force: true });
    refreshProjectGraph();
  });

  it('refuses domain importing the web client and web importing the api', () => {
    mkdirSync(probes[0], { recursive: true });
    writeFileSync(join(probes[0], 'probe.ts'), `import { CoordinatorsDocument } from '@registry/graphql-client';\nexport const probe = CoordinatorsDocument;\n`);
    mkdirSync(probes[1], { recursive: true });
    writeFileSync(join(probes[1], 'probe.ts'), `import { AppModule } from '../../../api/src/app.module';\nexport const probe = AppModule;\n`);
    refreshProjectGraph();
    const result = eslint(probes);
    const boundaryErrors = messages(result.output).filter((message) => message.ruleId === '@nx/enforce-module-boundaries');
    expect(boundaryErrors.length).toBeGreaterThanOrEqual(2);
    expect(boundaryErrors.map((error) => error.message).join('\n')).toMatch(/scope:shared|cannot be imported by a relative/);
  });

  it('finds no lint error in api, libs, web and test', () => {
    for (const probe of probes) rmSync(probe, { recursive: true, force: true });
    refreshProjectGraph();
    const result = eslint(['api', 'libs', 'web', 'test']);
    const errors = messages(result.output);
    expect(errors.map((error) => `${error.ruleId}: ${error.message}`)).toEqual([]);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';

// `docker compose` (v2 plugin) where present, else Debian's docker-compose 1.29; no engine needed.
const compose: string[] | null =
  spawnSync('docker', ['compose', 'version']).status === 0
    ? ['docker', 'compose']
    : spawnSync('docker-compose', ['version']).status === 0
      ? ['docker-compose']
      : null;

(compose ? describe : describe.skip)('docker/compose.yaml', () => {
  it('is accepted by `compose config`, with PostgreSQL, the product, healthchecks and a volume', () => {
    const [command, ...prefix] = compose!;
    const output = execFileSync(command, [...prefix, '-f', 'docker/compose.yaml', 'config'], {
      env: { ...process.env, ADMIN_PASSWORD: 'Admin#2025x', ID_NUMBER_KEYS: 'k1:' + 'a'.repeat(64), ID_NUMBER_HASH_KEY: 'b'.repeat(64) },
      encoding: 'utf8',
    });
    expect(output).toMatch(/^\s{2}postgres:/m);
    expect(output).toMatch(/^\s{2}registry:/m);
    expect(output).toContain('pg_isready');
    expect(output).toContain('/health');
    expect(output).toContain('condition: service_healthy');
    expect(output).toMatch(/^volumes:\n\s{2}pgdata/m);
  });

  it('offers a `scale` profile: a streaming replica and two API instances behind HAProxy', () => {
    const [command, ...prefix] = compose!;
    const output = execFileSync(command, [...prefix, '-f', 'docker/compose.yaml', '--profile', 'scale', 'config'], {
      env: { ...process.env, ADMIN_PASSWORD: 'Admin#2025x', ID_NUMBER_KEYS: 'k1:' + 'a'.repeat(64), ID_NUMBER_HASH_KEY: 'b'.repeat(64) },
      encoding: 'utf8',
    });
    for (const service of ['postgres-replica', 'registry', 'registry-2', 'haproxy']) expect(output).toMatch(new RegExp(`^\\s{2}${service}:`, 'm'));
    expect(output).toContain('pg_basebackup');
    expect(output).toContain('haproxy.cfg');
  });

  it('refuses to start the product without the required secrets', () => {
    const [command, ...prefix] = compose!;
    const result = spawnSync(command, [...prefix, '-f', 'docker/compose.yaml', 'config'], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ADMIN_PASSWORD|ID_NUMBER_KEYS/);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';

const dockerPresent = spawnSync('docker', ['--version']).status === 0;

// The compose file is checked with the docker CLI where it is installed (no engine needed).
(dockerPresent ? describe : describe.skip)('docker/compose.yaml', () => {
  it('is accepted by `docker compose config` with PostgreSQL, the product, healthchecks and a volume', () => {
    const output = execFileSync('docker', ['compose', '-f', 'docker/compose.yaml', 'config', '--format', 'json'], {
      env: { ...process.env, ADMIN_PASSWORD: 'Admin#2025x', ID_NUMBER_KEYS: 'k1:' + 'a'.repeat(64), ID_NUMBER_HASH_KEY: 'b'.repeat(64) },
      encoding: 'utf8',
    });
    const config = JSON.parse(output);
    expect(Object.keys(config.services).sort()).toEqual(['postgres', 'registry']);
    expect(config.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(config.services.registry.healthcheck).toBeDefined();
    expect(config.services.registry.depends_on.postgres.condition).toBe('service_healthy');
    expect(Object.keys(config.volumes)).toContain('pgdata');
  });
});

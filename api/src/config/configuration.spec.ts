import { ConfigurationError, loadConfiguration } from './configuration';

describe('loadConfiguration', () => {
  it('defaults to the embedded database with demo data and demo mode', () => {
    const config = loadConfiguration({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, seedDemo: true, demoMode: true, dataDir: '.data' });
  });

  it('seeds an external database only when SEED_DEMO=true', () => {
    expect(loadConfiguration({ DATABASE_URL: 'postgres://x/y' }).seedDemo).toBe(false);
    expect(loadConfiguration({ DATABASE_URL: 'postgres://x/y', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('names the variable when a value is invalid', () => {
    expect(() => loadConfiguration({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfiguration({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
    expect(() => loadConfiguration({ ID_NUMBER_KEYS: 'k1:00' })).toThrow(ConfigurationError);
  });

  it('refuses to start in production without real keys', () => {
    expect(() => loadConfiguration({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' })).toThrow(/ID_NUMBER_KEYS/);
    const keys = { ID_NUMBER_KEYS: `k2:${'1'.repeat(64)},k1:${'2'.repeat(64)}`, ID_NUMBER_HASH_KEY: '3'.repeat(64) };
    const config = loadConfiguration({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', ...keys });
    expect(config.idNumberKeys.map((key) => key.id)).toEqual(['k2', 'k1']);
  });

  it('takes the public base URL printed into the certificates QR codes, and the public rate limit', () => {
    expect(loadConfiguration({}).publicBaseUrl).toBe('http://localhost:3000');
    expect(loadConfiguration({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfiguration({ PUBLIC_BASE_URL: 'https://rsj.jl.gov.cn/registry/' }).publicBaseUrl).toBe('https://rsj.jl.gov.cn/registry');
    expect(() => loadConfiguration({ PUBLIC_BASE_URL: 'rsj.jl.gov.cn' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfiguration({ PUBLIC_BASE_URL: 'ftp://rsj.jl.gov.cn' })).toThrow(/PUBLIC_BASE_URL/);
    expect(loadConfiguration({}).publicRequestsPerMinute).toBe(60);
    expect(() => loadConfiguration({ PUBLIC_REQUESTS_PER_MINUTE: '-1' })).toThrow(/PUBLIC_REQUESTS_PER_MINUTE/);
  });

  it('reads the replicas and their lag limit, none by default', () => {
    expect(loadConfiguration({}).replicas).toEqual({ urls: [], maxLagMilliseconds: 5000, checkMilliseconds: 100 });
    const config = loadConfiguration({
      DATABASE_URL: 'postgres://u@primary/r',
      DATABASE_REPLICA_URLS: ' postgres://u@replica1/r, postgres://u@replica2/r ,',
      REPLICA_MAX_LAG_MS: '800',
    });
    expect(config.replicas).toEqual({ urls: ['postgres://u@replica1/r', 'postgres://u@replica2/r'], maxLagMilliseconds: 800, checkMilliseconds: 100 });
    expect(() => loadConfiguration({ DATABASE_URL: 'postgres://u@primary/r', DATABASE_REPLICA_URLS: 'replica1:5432' })).toThrow(/DATABASE_REPLICA_URLS/);
    expect(() => loadConfiguration({ DATABASE_REPLICA_URLS: 'postgres://u@replica1/r' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfiguration({ REPLICA_MAX_LAG_MS: '-1' })).toThrow(/REPLICA_MAX_LAG_MS/);
  });
});

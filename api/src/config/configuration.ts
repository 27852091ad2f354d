import { randomBytes } from 'node:crypto';

// The one place that reads process.env. Everything else receives an AppConfig.
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** null: start the embedded PostgreSQL under dataDir */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  seedDemo: boolean;
  demoScale: string;
  adminPassword: string | null;
  demoMode: boolean;
  /** AES-256-GCM keys for ID numbers, by key id; the first is used for new writes */
  idNumberKeys: { id: string; key: Buffer }[];
  idNumberHashKey: Buffer;
  webDistDir: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  graphql: {
    maxDepth: number;
    maxComplexity: number;
    maxAliases: number;
    maxPageSize: number;
    /** refused before parsing: the query text's UTF-8 size and its token count */
    maxDocumentBytes: number;
    maxTokens: number;
    /** refused before validation: fields with every fragment expanded, and directives */
    maxFields: number;
    maxDirectives: number;
  };
  session: { idleMinutes: number; absoluteHours: number; cacheMilliseconds: number };
  /** import jobs this instance runs at once (0: it queues uploads but leaves them to other instances) */
  importWorkers: number;
  /** where the public pages are reached (the QR code on certificates), without a trailing slash */
  publicBaseUrl: string;
  /** requests a minute one address may make to the public (no-login) queries, over all instances */
  publicRequestsPerMinute: number;
  /**
   * Streaming replicas the read-only requests read from (DATABASE_REPLICA_URLS, comma-separated,
   * same user and database as DATABASE_URL); empty: everything on the primary, as before.
   */
  replicas: { urls: string[]; maxLagMilliseconds: number; checkMilliseconds: number };
}

export class ConfigurationError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigurationError(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!['true', 'false', '1', '0'].includes(raw)) {
    throw new ConfigurationError(`${name} must be true or false, got "${raw}"`);
  }
  return raw === 'true' || raw === '1';
}

function key32(name: string, raw: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigurationError(`${name}: each key must be 32 bytes (64 hex characters or base64)`);
  return key;
}

// Demo keys are fixed so that an embedded demo database stays readable across restarts;
// production refuses to start without real keys.
const DEMO_ID_KEY = 'd3a0'.repeat(16);
const DEMO_HASH_KEY = 'a11ce'.repeat(13).slice(0, 64);

export function loadConfiguration(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigurationError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const production = nodeEnv === 'production';

  // ID_NUMBER_KEYS="k2:<hex>,k1:<hex>": the first key encrypts, all of them decrypt.
  const keysRaw = env.ID_NUMBER_KEYS?.trim();
  if (production && !keysRaw) throw new ConfigurationError('ID_NUMBER_KEYS is required when NODE_ENV=production');
  const idNumberKeys = (keysRaw || `demo:${DEMO_ID_KEY}`).split(',').map((entry) => {
    const [id, raw] = entry.split(':');
    if (!id || !raw) throw new ConfigurationError('ID_NUMBER_KEYS entries look like keyId:hexKey');
    return { id, key: key32('ID_NUMBER_KEYS', raw) };
  });
  const hashRaw = env.ID_NUMBER_HASH_KEY?.trim();
  if (production && !hashRaw) throw new ConfigurationError('ID_NUMBER_HASH_KEY is required when NODE_ENV=production');

  return {
    nodeEnv,
    port: integer(env, 'PORT', 3000),
    databaseUrl,
    dataDir: env.DATA_DIR?.trim() || '.data',
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329),
    // The embedded database always gets demo data on first start; an external one only when asked.
    seedDemo: flag(env, 'SEED_DEMO', databaseUrl === null),
    demoScale: env.DEMO_SCALE?.trim() || 'demo',
    adminPassword: env.ADMIN_PASSWORD?.trim() || null,
    demoMode: flag(env, 'DEMO_MODE', databaseUrl === null),
    idNumberKeys,
    idNumberHashKey: key32('ID_NUMBER_HASH_KEY', hashRaw || DEMO_HASH_KEY),
    webDistDir: env.WEB_DIST_DIR?.trim() || 'dist/web',
    logLevel: (env.LOG_LEVEL as AppConfig['logLevel']) || (nodeEnv === 'test' ? 'warn' : 'log'),
    graphql: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 8),
      maxComplexity: integer(env, 'GRAPHQL_MAX_COMPLEXITY', 5000),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 15),
      maxPageSize: integer(env, 'MAX_PAGE_SIZE', 200),
      maxDocumentBytes: integer(env, 'GRAPHQL_MAX_DOCUMENT_BYTES', 16384),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 2000),
      maxFields: integer(env, 'GRAPHQL_MAX_FIELDS', 500),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 50),
    },
    session: {
      idleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30),
      absoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12),
      cacheMilliseconds: integer(env, 'SESSION_CACHE_MS', 1000),
    },
    importWorkers: integer(env, 'IMPORT_WORKERS', 2),
    publicBaseUrl: publicBaseUrl(env),
    publicRequestsPerMinute: integer(env, 'PUBLIC_REQUESTS_PER_MINUTE', 60),
    replicas: {
      urls: replicaUrls(env),
      maxLagMilliseconds: integer(env, 'REPLICA_MAX_LAG_MS', 5000),
      checkMilliseconds: Math.max(10, integer(env, 'REPLICA_CHECK_MS', 100)),
    },
  };
}

// DATABASE_REPLICA_URLS="postgres://u:p@replica1:5432/registry,postgres://u:p@replica2:5432/registry"
function replicaUrls(env: NodeJS.ProcessEnv): string[] {
  const urls = (env.DATABASE_REPLICA_URLS ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigurationError(`DATABASE_REPLICA_URLS: each entry must be a postgres:// URL, got "${url.replace(/\/\/[^@/]*@/, '//…@')}"`);
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
      throw new ConfigurationError('DATABASE_REPLICA_URLS: each entry must start with postgres://');
    }
  }
  if (urls.length > 0 && !env.DATABASE_URL?.trim()) throw new ConfigurationError('DATABASE_REPLICA_URLS needs DATABASE_URL (the primary)');
  return urls;
}

// PUBLIC_BASE_URL is printed into every certificate's QR code: an absolute http(s) URL.
function publicBaseUrl(env: NodeJS.ProcessEnv): string {
  const raw = env.PUBLIC_BASE_URL?.trim();
  if (!raw) return `http://localhost:${integer(env, 'PORT', 3000)}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`PUBLIC_BASE_URL must be an absolute URL such as https://rsj.jl.gov.cn/registry, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigurationError('PUBLIC_BASE_URL must start with https:// or http://');
  return url.toString().replace(/\/+$/, '');
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** A random 32-byte key in hex, for `.env` files. */
export function generateKey(): string {
  return randomBytes(32).toString('hex');
}

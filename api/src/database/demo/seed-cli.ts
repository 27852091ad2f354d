import { loadConfiguration } from '../../config/configuration';
import { runMigrations } from '../../server';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../embedded-postgres';
import { parseDemoScale } from './generator';
import { seedDemoData } from './seed';

// node dist/api/database/demo/seed-cli.js --scale province [--database-url URL] [--reset] [--seed N]
//
// Runs the migrations, then loads demo data: demo (20k enterprises / 5k coordinators),
// province (400k / 50k), stress (1M / 300k) or <enterprises>x<coordinators>. Without
// --database-url it uses DATABASE_URL, or else the embedded PostgreSQL under DATA_DIR.

const USAGE = `usage: seed-cli [--scale demo|province|stress|<enterprises>x<coordinators>] [--database-url URL] [--reset] [--seed N]
  --reset  empties enterprises, coordinators and their sub-records first (restart identity cascade)`;

interface Arguments {
  scale: string;
  databaseUrl: string | null;
  reset: boolean;
  seed: number | undefined;
}

function parseArguments(argv: string[]): Arguments {
  const result: Arguments = { scale: 'demo', databaseUrl: null, reset: false, seed: undefined };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2);
    const value = () => {
      const next = inline ?? argv[++index];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    switch (flag) {
      case '--scale':
        result.scale = value();
        break;
      case '--database-url':
        result.databaseUrl = value();
        break;
      case '--reset':
        result.reset = true;
        break;
      case '--seed': {
        const seed = Number(value());
        if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer\n${USAGE}`);
        result.seed = seed;
        break;
      }
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${argv[index]}\n${USAGE}`);
    }
  }
  parseDemoScale(result.scale);
  return result;
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const config = loadConfiguration();
  const log = (message: string) => console.log(`[seed] ${message}`);
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = args.databaseUrl ?? config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, log);
    databaseUrl = embedded.url;
    log(`embedded PostgreSQL on port ${config.embeddedPostgresPort}, data in ${config.dataDir}/pg`);
  }
  try {
    const applied = await runMigrations(databaseUrl);
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
    await seedDemoData(databaseUrl, args.scale, { config, reset: args.reset, seed: args.seed, log });
  } finally {
    if (embedded?.startedHere) await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

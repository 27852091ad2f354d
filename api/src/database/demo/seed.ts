import { Client } from 'pg';
import { IdNumberVault } from '../../common/id-number-vault';
import { loadConfiguration, type AppConfig } from '../../config/configuration';
import { DEFAULT_DEMO_SEED, generateDemoData, parseDemoScale, type DemoScale, type GenerateDemoResult } from './generator';

// Serialises concurrent first starts of several app instances on one database.
const SEED_LOCK = 2021112;

export interface SeedDemoOptions {
  seed?: number;
  /** supplies the ID-number keys; loadConfiguration() when not given */
  config?: AppConfig;
  /** TRUNCATE enterprises, coordinators and their sub-records first (restart identity) */
  reset?: boolean;
  /** only when the enterprise table is empty (default false: fail when it is not) */
  onlyIfEmpty?: boolean;
  log?: (message: string) => void;
}

const RESET_TABLES = [
  'subsidy_claim',
  'training_participation',
  'training_session',
  'training_provider',
  'studio_enterprise',
  'studio_coordinator',
  'studio',
  'work_record',
  'disciplinary_record',
  'honor',
  'training',
  'work_period',
  'education',
  'certificate',
  'coordinator',
  'enterprise_incident',
  'enterprise',
];

/** Loads demo data of the given scale; null when skipped because enterprises already exist. */
export async function seedDemoData(
  databaseUrl: string,
  scale: DemoScale | string = 'demo',
  options: SeedDemoOptions = {},
): Promise<GenerateDemoResult | null> {
  const log = options.log ?? (() => undefined);
  const config = options.config ?? loadConfiguration();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock($1)`, [SEED_LOCK]);
    if (options.reset) {
      // CASCADE also empties whatever else refers to them (nominations, audit links …).
      await client.query(`truncate ${RESET_TABLES.join(', ')} restart identity cascade`);
      // TRUNCATE fires no row or statement triggers: have the dashboard roll-ups rebuilt everywhere.
      await client.query(
        `do $$ begin
           if to_regclass('analytics_dirty_region') is not null then
             insert into analytics_dirty_region (region_code) select code from region;
           end if;
           if exists (select 1 from information_schema.columns where table_name = 'analytics_state' and column_name = 'built_on') then
             update analytics_state set built_on = null;
           end if;
         end $$`,
      );
      log('emptied enterprises, coordinators and their sub-records');
    }
    if (options.onlyIfEmpty) {
      const { rows } = await client.query<{ count: number }>(`select count(*)::int as count from enterprise`);
      if (rows[0].count > 0) {
        log(`demo data skipped: the database already holds ${rows[0].count} enterprises`);
        return null;
      }
    }
    const resolved = parseDemoScale(scale);
    log(`generating demo data (scale ${typeof resolved === 'string' ? resolved : `${resolved.enterprises}x${resolved.coordinators}`}, seed ${options.seed ?? DEFAULT_DEMO_SEED})`);
    const result = await generateDemoData(client, {
      scale: resolved,
      seed: options.seed,
      vault: new IdNumberVault(config),
      log,
    });
    log(`demo data: ${result.enterprises} enterprises and ${result.coordinators} coordinators in ${result.seconds.toFixed(1)} s`);
    return result;
  } finally {
    await client.query(`select pg_advisory_unlock($1)`, [SEED_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** On start: demo data of `config.demoScale` ('demo' by default) when there are no enterprises yet. */
export async function seedDemoDataIfEmpty(config: AppConfig, databaseUrl: string, log: (message: string) => void): Promise<void> {
  await seedDemoData(databaseUrl, config.demoScale || 'demo', { config, onlyIfEmpty: true, log });
}

import { loadConfiguration } from '../config/configuration';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseLogger } from './database-logger';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    // Schema changes go through migrations only.
    synchronize: false,
    // failed statements without their parameters (database-logger.ts)
    logging: ['error', 'warn'],
    logger: new DatabaseLogger(),
    extra: { max: 20 },
    ...extra,
  } as DataSourceOptions;
}

/** For the TypeORM CLI: `typeorm migration:run -d api/src/database/data-source.ts` */
export default new DataSource(dataSourceOptions(loadConfiguration().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/registry'));

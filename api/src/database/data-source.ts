import { loadConfiguration } from '../config/configuration';
import { DataSource, DataSourceOptions } from 'typeorm';
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
    logging: ['error'],
    extra: { max: 20 },
    ...extra,
  } as DataSourceOptions;
}

/** For the TypeORM CLI: `typeorm migration:run -d api/src/database/data-source.ts` */
export default new DataSource(dataSourceOptions(loadConfiguration().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/registry'));

import { DataSource } from 'typeorm';
// the test database first: it loads the application (and its entities) in their usual order
import { createTestDatabase } from '../support/test-database';
import { dataSourceOptions } from '../../api/src/database/data-source';

// The TypeORM entities describe the tables the migrations build: the schema builder, asked what
// it would change to make the database match the entities, has nothing to do.
describe('entities and migrated schema', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('registry_drift');
    dataSource = await new DataSource(dataSourceOptions(database.url, { logging: false })).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('has no pending schema change', async () => {
    const log = await dataSource.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((query) => query.query)).toEqual([]);
  });
});

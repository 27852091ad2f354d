import { DataSource } from 'typeorm';
// the test database first: it loads the application (and its entities) in their usual order
import { createTestDatabase } from '../support/test-database';
import { dataSourceOptions } from '../../api/src/database/data-source';

// The TypeORM entities describe the tables the migrations build: the schema builder, asked what
// it would change to make the database match the entities, has nothing to do — no column, length,
// default, collation, generated expression, index, unique key, check or foreign key differs.
// Objects TypeORM cannot express (gin trigram indexes, descending index columns) are declared
// with `synchronize: false` on their entity; migration EntitiesMatchSchema gave TypeORM the
// generated columns' expressions it reads from its metadata table.
const HELD_BY_THEIR_OWN_CHANGE: string[] = [];

describe('entities and migrated schema', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('registry_drift');
    dataSource = await new DataSource(dataSourceOptions(database.url, { logging: false, extra: { max: 2 } })).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('has no pending schema change for any entity: the schema builder would run no statement', async () => {
    const queries = (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query);
    // `"work_record` matches the table and every object named after it (indexes, constraints)
    const held = (query: string) => HELD_BY_THEIR_OWN_CHANGE.some((table) => query.includes(`"${table}`));
    expect(queries.filter((query) => !held(query))).toEqual([]);
  });

  // last: it changes the database
  it('notices a column the entities no longer describe', async () => {
    await dataSource.query(`alter table coordinator alter column phone type varchar(30)`);
    const queries = (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query);
    expect(queries).toContain('ALTER TABLE "coordinator" ADD "phone" character varying(20)');
  });
});

import { MigrationInterface, QueryRunner } from 'typeorm';

// What the TypeORM entities needed to describe the schema exactly (schema-drift.test.ts: the
// schema builder has nothing to change). No table, column or row of the registry changes.
//
// - TypeORM reads a stored generated column's expression from its metadata table, keyed by the
//   current database; the row EffectiveDatedRegistry wrote for enterprise.size_class had no
//   database, and the province codes of migration ProvinceCode had no row, so the schema builder
//   (and `typeorm migration:generate`) took each for a changed column to drop and add again.
// - enterprise.registered_on defaulted to current_date, the date in the server's time zone
//   (UTC on most hosts: yesterday in China until 08:00), which TypeORM cannot declare either.
//   Every writer gives the date; the default is now China's date, like the history triggers'.
const EXPRESSIONS: [table: string, expression: string][] = [
  ['enterprise', 'left(region_code, 2)::char(2)'],
  ['coordinator', 'left(region_code, 2)::char(2)'],
  ['app_user', 'left(region_code, 2)::char(2)'],
  ['audit_log', 'left(region_path, 2)::char(2)'],
];

export class EntitiesMatchSchema1766910000000 implements MigrationInterface {
  name = 'EntitiesMatchSchema1766910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`update typeorm_metadata set database = current_database()
      where type = 'GENERATED_COLUMN' and "table" = 'enterprise' and name = 'size_class' and database is null`);
    for (const [table, expression] of EXPRESSIONS) {
      await queryRunner.query(
        `insert into typeorm_metadata (type, database, schema, "table", name, value)
         values ('GENERATED_COLUMN', current_database(), current_schema(), $1, 'province_code', $2)`,
        [table, expression],
      );
    }
    await queryRunner.query(`alter table enterprise alter column registered_on set default china_today()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table enterprise alter column registered_on set default current_date`);
    await queryRunner.query(`delete from typeorm_metadata where type = 'GENERATED_COLUMN' and "table" = any($1) and name = 'province_code'`, [
      EXPRESSIONS.map(([table]) => table),
    ]);
    await queryRunner.query(`update typeorm_metadata set database = null
      where type = 'GENERATED_COLUMN' and "table" = 'enterprise' and name = 'size_class'`);
  }
}

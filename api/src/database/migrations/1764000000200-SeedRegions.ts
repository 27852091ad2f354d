import { JILIN_REGIONS } from '@registry/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

// Loads the Jilin division data (libs/domain/src/regions/jilin-regions.json, source named in
// tools/regions/README.md). One statement: the parent foreign key is checked at its end.
export class SeedRegions1764000000200 implements MigrationInterface {
  name = 'SeedRegions1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    const ordered = JILIN_REGIONS;
    await queryRunner.query(
      `insert into region (code, name, level, parent_code, path, synthetic)
       select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::boolean[])`,
      [
        ordered.map((region) => region.code),
        ordered.map((region) => region.name),
        ordered.map((region) => region.level),
        ordered.map((region) => region.parentCode),
        ordered.map((region) => region.path),
        ordered.map((region) => region.synthetic === true),
      ],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`delete from region`);
  }
}

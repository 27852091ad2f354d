import { DATA_QUALITY_RULES } from '@registry/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// The data-quality rules in force (issue 15): kind, severity and description as data, seeded
// from libs/domain; the province may change a rule's severity or stop counting it. Each rule's
// query lives in api/src/data-quality by its code. A reference table: not scoped.
export class DataQualityRules1766800000000 implements MigrationInterface {
  name = 'DataQualityRules1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table data_quality_rule (
        code varchar(40) primary key,
        entity varchar(12) not null check (entity in ('COORDINATOR', 'ENTERPRISE')),
        severity varchar(8) not null check (severity in ('ERROR', 'WARNING', 'INFO')),
        description varchar(200) not null,
        description_en varchar(200) not null,
        enabled boolean not null default true,
        sort integer not null,
        version integer not null default 1,
        updated_at timestamptz not null default now()
      )
    `);
    for (const [index, rule] of DATA_QUALITY_RULES.entries()) {
      await queryRunner.query(
        `insert into data_quality_rule (code, entity, severity, description, description_en, sort) values ($1, $2, $3, $4, $5, $6)`,
        [rule.code, rule.entity, rule.severity, rule.description, rule.descriptionEn, (index + 1) * 10],
      );
    }
    // the rules read the coordinators not updated for a year and the 离岗 without a date quickly
    await queryRunner.query(`create index coordinator_updated_idx on coordinator (updated_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop index coordinator_updated_idx`);
    await queryRunner.query(`drop table data_quality_rule`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// Boundary files the province uploads for the dashboard map (issue 15): a licensed, approved map
// (审图号) of its reporting units and counties, checked and simplified (libs/domain geo) and kept
// as GeoJSON. At most one is in use; earlier uploads stay for the record. Province-wide, not scoped.
export class BoundaryMaps1766810000000 implements MigrationInterface {
  name = 'BoundaryMaps1766810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table boundary_map (
        id bigint generated always as identity primary key,
        name varchar(100) not null,
        licence varchar(200) not null,
        file_name varchar(255),
        unit_count integer not null,
        county_count integer not null,
        geojson text not null,
        in_use boolean not null default false,
        uploaded_by bigint references app_user(id),
        uploaded_at timestamptz not null default now()
      );
      create unique index boundary_map_in_use_idx on boundary_map (in_use) where in_use;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table boundary_map`);
  }
}

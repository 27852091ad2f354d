import { MigrationInterface, QueryRunner } from 'typeorm';

// The coordinator roll-ups are kept per person instead of per region (docs/decisions/0050).
// analytics_person keeps, for every coordinator, the facts their roll-up rows were computed
// from at the last refresh. The triggers now note the people a write touches in
// analytics_dirty_coordinator; the refresher takes off what their old facts contributed and
// adds what their new facts contribute, so a write touching one person in each of a thousand
// regions costs a thousand people, not the people of a thousand regions.
// Regions are still noted for the enterprise roll-ups (coverage), but only by the tables they
// depend on: certificates, educations and trainings no longer mark regions.
const EVENTS: [string, string[]][] = [
  ['insert', ['new_rows']],
  ['update', ['old_rows', 'new_rows']],
  ['delete', ['old_rows']],
];

function markFunction(table: string, suffix: string, body: string): string {
  return `create or replace function analytics_mark_${table}_${suffix}() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        ${body}
        return null;
      end $$;`;
}

function union(sets: string[], select: (rows: string) => string): string {
  return sets.map(select).join('\n        union ');
}

export class AnalyticsPersonDelta1764000006000 implements MigrationInterface {
  name = 'AnalyticsPersonDelta1764000006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const functions: string[] = [];
    for (const [suffix, sets] of EVENTS) {
      if (suffix === 'update') continue;
      functions.push(
        markFunction('coordinator', suffix, `
        insert into analytics_dirty_region (region_code)
        ${union(sets, (rows) => `select region_code from ${rows} union select e.region_code from enterprise e join ${rows} r on e.id = r.enterprise_id`)};
        insert into analytics_dirty_coordinator (coordinator_id) ${union(sets, (rows) => `select id from ${rows}`)};`),
      );
      functions.push(
        markFunction('enterprise', suffix, `
        insert into analytics_dirty_region (region_code)
        ${union(sets, (rows) => `select region_code from ${rows} union select c.region_code from coordinator c join ${rows} r on c.enterprise_id = r.id`)};
        ${suffix === 'delete' ? `insert into analytics_dirty_coordinator (coordinator_id) select c.id from coordinator c join old_rows r on c.enterprise_id = r.id;` : ''}`),
      );
    }
    // An update marks only what the changed columns feed: a new phone number or post changes no
    // figure, a new employer changes the person's figures and the coverage of both employers.
    const coverage = (row: string) => `(${row}.region_code, ${row}.status, ${row}.joined_on, ${row}.left_on, ${row}.enterprise_id, ${row}.affiliation)`;
    const person = (row: string) => `(${row}.region_code, ${row}.status, ${row}.joined_on, ${row}.left_on, ${row}.enterprise_id, ${row}.affiliation,
          ${row}.birth_date, ${row}.category, ${row}.gender)`;
    functions.push(
      markFunction('coordinator', 'update', `
        insert into analytics_dirty_region (region_code)
        select x.region_code from old_rows o join new_rows n on n.id = o.id
        cross join lateral (values (o.region_code), (n.region_code), ((select region_code from enterprise where id = o.enterprise_id)),
          ((select region_code from enterprise where id = n.enterprise_id))) x(region_code)
        where ${coverage('o')} is distinct from ${coverage('n')} and x.region_code is not null;
        insert into analytics_dirty_coordinator (coordinator_id)
        select n.id from old_rows o join new_rows n on n.id = o.id where ${person('o')} is distinct from ${person('n')};`),
    );
    const enterpriseFigures = (row: string) => `(${row}.region_code, ${row}.size_class, ${row}.social_organization, ${row}.public_owned, ${row}.active, ${row}.registered_on)`;
    functions.push(
      markFunction('enterprise', 'update', `
        insert into analytics_dirty_region (region_code)
        select o.region_code from old_rows o join new_rows n on n.id = o.id where ${enterpriseFigures('o')} is distinct from ${enterpriseFigures('n')}
        union select n.region_code from old_rows o join new_rows n on n.id = o.id where ${enterpriseFigures('o')} is distinct from ${enterpriseFigures('n')};
        -- an employer's size class and ownership are facts of its coordinators
        insert into analytics_dirty_coordinator (coordinator_id)
        select c.id from old_rows o join new_rows n on n.id = o.id join coordinator c on c.enterprise_id = n.id
        where (o.size_class, o.public_owned) is distinct from (n.size_class, n.public_owned);`),
    );
    for (const [suffix, sets] of EVENTS) {
      for (const table of ['certificate', 'education', 'training']) {
        functions.push(markFunction(table, suffix, `insert into analytics_dirty_coordinator (coordinator_id) ${union(sets, (rows) => `select coordinator_id from ${rows}`)};`));
      }
    }
    await queryRunner.query(`
      create table analytics_dirty_coordinator (
        coordinator_id bigint not null,
        marked_at timestamptz not null default clock_timestamp()
      );

      -- one row per coordinator: the facts of the last refresh (see rollup-sql.ts, personFactsSql)
      create table analytics_person (
        id bigint primary key,
        region_code varchar(12) not null,
        status text not null,
        joined_on date,
        left_on date,
        birth_key integer,
        category text,
        gender text,
        affiliation text,
        ownership text not null,
        size_class text not null,
        education text not null,
        certificate_levels smallint[],
        first_certified date,
        occupations text[],
        occupations_first date[],
        certified_years smallint[],
        certified_levels text[],
        training_years smallint[],
        training_hours numeric[],
        training_sessions integer[],
        subsidy_years smallint[],
        subsidy_kinds text[],
        subsidy_amounts numeric[]
      );

      -- the day the coordinator roll-ups were built for: figures of the current year are "as of
      -- today" (ages, certificates held), so a new day rebuilds them whole
      alter table analytics_state add column built_on date, add column last_refresh_people integer;

      ${functions.join('\n')}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const functions: string[] = [];
    for (const [suffix, sets] of EVENTS) {
      functions.push(markFunction('coordinator', suffix, `insert into analytics_dirty_region (region_code)
        ${union(sets, (rows) => `select region_code from ${rows} union select e.region_code from enterprise e join ${rows} r on e.id = r.enterprise_id`)};`));
      functions.push(markFunction('enterprise', suffix, `insert into analytics_dirty_region (region_code)
        ${union(sets, (rows) => `select region_code from ${rows} union select c.region_code from coordinator c join ${rows} r on c.enterprise_id = r.id`)};`));
      for (const table of ['certificate', 'education', 'training']) {
        functions.push(markFunction(table, suffix, `insert into analytics_dirty_region (region_code)
        ${union(sets, (rows) => `select c.region_code from coordinator c join ${rows} r on c.id = r.coordinator_id`)};`));
      }
    }
    await queryRunner.query(`
      ${functions.join('\n')}
      alter table analytics_state drop column built_on, drop column last_refresh_people;
      drop table analytics_person, analytics_dirty_coordinator;
      insert into analytics_dirty_region (region_code) select code from region;
    `);
  }
}

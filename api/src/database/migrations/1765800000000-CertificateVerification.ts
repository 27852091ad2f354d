import { randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

// 四(二)3 and 六(五): the certificates of a published naming decision as their own record (what
// the public named list and the verification page read, and nothing else), each with an
// unguessable verification token for the QR code on the certificate; verifications counted per
// certificate and day (no address, no person); the public endpoints' rate-limit windows; and
// the years of holidays the province has entered itself (calendar_year), for the years the
// chinese-days package does not know yet. Certificates of decisions published before this
// migration get their tokens here. See docs/decisions/0420-public-named-list-and-verification.md.
export class CertificateVerification1765800000000 implements MigrationInterface {
  name = 'CertificateVerification1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table award_certificate (
        nomination_id bigint primary key references nomination(id),
        campaign_year integer not null references award_campaign(year),
        tier varchar(6) not null check (tier in ('GOLD', 'SILVER', 'BRONZE')),
        certificate_number varchar(20) not null unique,
        -- as printed in the decision: the name and the employer or unit at the time of naming
        holder_name varchar(100) not null,
        holder_unit varchar(200),
        reporting_unit_code varchar(12) not null references region(code),
        issued_on date not null,
        -- 160 random bits (crypto.randomBytes), base64url; kept as is: it must be printed again
        verification_token varchar(64) collate "C" not null unique,
        revoked_at timestamptz,
        revoked_by bigint references app_user(id),
        revocation_reason varchar(500),
        constraint award_certificate_revocation check ((revoked_at is null) = (revocation_reason is null))
      );
      create index award_certificate_list_idx on award_certificate (campaign_year, tier, certificate_number);

      -- One row per certificate and day (nomination_id null: a token that matches none).
      create table certificate_verification_count (
        day date not null,
        nomination_id bigint references award_certificate(nomination_id),
        count integer not null default 0,
        constraint certificate_verification_count_key unique nulls not distinct (day, nomination_id)
      );

      -- Fixed one-minute windows per client of the public (no-login) endpoints, shared by every
      -- API instance. client_key is a keyed hash of the address, never the address; rows older
      -- than a few minutes are swept.
      create unlogged table public_request_count (
        client_key varchar(32) collate "C" not null,
        window_start timestamptz not null,
        count integer not null,
        primary key (client_key, window_start)
      );
      create index public_request_count_window_idx on public_request_count (window_start);

      -- A year whose holidays and 调休 working days the province has entered as overrides and
      -- confirmed complete: working days may then be counted in it.
      create table calendar_year (
        year integer primary key check (year between 2000 and 2100),
        confirmed_by bigint references app_user(id),
        confirmed_at timestamptz not null default now(),
        note varchar(200)
      );
    `);
    // Decisions published before this migration: their certificates, tokens from Node's CSPRNG.
    const named: { id: string }[] = await queryRunner.query(
      `select n.id::text from nomination n where n.state = 'NAMED' and n.certificate_number is not null order by n.id`,
    );
    if (named.length > 0) {
      await queryRunner.query(
        `insert into award_certificate (nomination_id, campaign_year, tier, certificate_number, holder_name, holder_unit,
           reporting_unit_code, issued_on, verification_token)
         select n.id, n.campaign_year, n.tier, n.certificate_number, c.name, coalesce(c.unit_name, e.name), n.reporting_unit_code,
           coalesce(n.named_on, (select a.published_at::date from award_campaign a where a.year = n.campaign_year), current_date), t.token
         from unnest($1::bigint[], $2::text[]) as t(id, token)
           join nomination n on n.id = t.id join coordinator c on c.id = n.coordinator_id left join enterprise e on e.id = c.enterprise_id`,
        [named.map((row) => row.id), named.map(() => randomBytes(20).toString('base64url'))],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table calendar_year, public_request_count, certificate_verification_count, award_certificate`);
  }
}

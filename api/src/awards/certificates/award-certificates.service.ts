import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isValidIsoDate, maskPersonName, todayIsoDate } from '@registry/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AwardTier } from '../../common/enums';
import { queryPage, resolvePage } from '../../common/paging';
import { RegistryError } from '../../common/registry-error';
import { escapeLike, SqlConditions } from '../../common/sql-conditions';
import type { SessionUser } from '../../common/session-user';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { RegionsService } from '../../regions/regions.service';
import { NominationReadsService } from '../nomination-reads.service';
import type {
  CertificateVerificationCountModel,
  CertificateVerificationModel,
  PublicNamedCoordinatorPageModel,
  PublicNamingDecisionModel,
  TitleRevocationModel,
} from './public-awards.models';

/** Who issues the certificates (四(二)3: 省三方委员会办公室 发布命名决定并颁发证书). */
export const CERTIFICATE_ISSUER = '吉林省协调劳动关系三方委员会办公室';
/** 160 bits from the CSPRNG; base64url, 27 characters. */
const TOKEN_BYTES = 20;
/** No token is longer; anything beyond is cut before the lookup (it cannot match anyway). */
const MAX_TOKEN_LENGTH = 64;

export function newVerificationToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What the nomination pages show of a certificate. */
export interface NominationCertificate {
  nominationId: string;
  token: string;
  revocation: TitleRevocationModel | null;
  verifications: number;
}

const UNVERIFIED: Omit<CertificateVerificationModel, 'revoked'> = {
  valid: false,
  name: null,
  tier: null,
  year: null,
  certificateNumber: null,
  issuedBy: null,
  issuedOn: null,
};

const TIER_ORDER = `case c.tier when 'GOLD' then 1 when 'SILVER' then 2 else 3 end`;

// The certificates of published naming decisions: issued with a verification token when the
// decision is published, listed publicly (name, unit, reporting unit, tier, number: nothing
// else of the person), verified by token with the name masked and every verification counted
// per certificate and day, and revoked by the province with a reason.
@Injectable()
export class AwardCertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly reads: NominationReadsService,
    private readonly audit: AuditService,
  ) {}

  verificationUrl(token: string): string {
    return `${this.config.publicBaseUrl}/verify/${token}`;
  }

  /** Certificates for named nominations (inside the publishing transaction); the holder as of today. */
  async issue(manager: EntityManager, nominationIds: string[], issuedOn: string): Promise<void> {
    if (nominationIds.length === 0) return;
    await manager.query(
      `insert into award_certificate (nomination_id, campaign_year, tier, certificate_number, holder_name, holder_unit,
         reporting_unit_code, issued_on, verification_token)
       select n.id, n.campaign_year, n.tier, n.certificate_number, c.name, coalesce(c.unit_name, e.name), n.reporting_unit_code, $3, t.token
       from unnest($1::bigint[], $2::text[]) as t(id, token)
         join nomination n on n.id = t.id join coordinator c on c.id = n.coordinator_id left join enterprise e on e.id = c.enterprise_id
       where n.state = 'NAMED' and n.certificate_number is not null`,
      [nominationIds, nominationIds.map(() => newVerificationToken()), issuedOn],
    );
  }

  /**
   * The public answer for a token. A known, revoked and unknown token cost the same: one
   * statement that looks the token up and counts the verification (per certificate and day;
   * an unknown token counts on the row without a certificate). A revoked title answers like
   * an unknown token but for the flag.
   */
  async verify(token: string): Promise<CertificateVerificationModel> {
    const rows: { tier: AwardTier; year: number; certificateNumber: string; name: string; issuedOn: string; revoked: boolean }[] =
      await this.dataSource.query(
        `with found as (
           select c.nomination_id, c.tier, c.campaign_year as year, c.certificate_number as "certificateNumber", c.holder_name as name,
             c.issued_on as "issuedOn", c.revoked_at is not null as revoked
           from award_certificate c where c.verification_token = $1
         ), counted as (
           insert into certificate_verification_count (day, nomination_id, count) values ($2, (select nomination_id from found), 1)
           on conflict (day, nomination_id) do update set count = certificate_verification_count.count + 1
         )
         select tier, year, "certificateNumber", name, "issuedOn", revoked from found`,
        [String(token ?? '').slice(0, MAX_TOKEN_LENGTH), todayIsoDate()],
      );
    const found = rows[0];
    if (!found || found.revoked) return { ...UNVERIFIED, revoked: Boolean(found?.revoked) };
    return {
      valid: true,
      revoked: false,
      name: maskPersonName(found.name),
      tier: found.tier,
      year: found.year,
      certificateNumber: found.certificateNumber,
      issuedBy: CERTIFICATE_ISSUER,
      issuedOn: found.issuedOn,
    };
  }

  /** Published naming decisions, newest first, with the titles still standing per tier. */
  async namingDecisions(year?: number): Promise<PublicNamingDecisionModel[]> {
    return this.dataSource.query(
      `select a.year, a.decision_document as "decisionDocument", (a.published_at at time zone 'Asia/Shanghai')::date::text as "publishedOn",
         count(*) filter (where c.tier = 'GOLD' and c.revoked_at is null)::int as gold,
         count(*) filter (where c.tier = 'SILVER' and c.revoked_at is null)::int as silver,
         count(*) filter (where c.tier = 'BRONZE' and c.revoked_at is null)::int as bronze,
         count(*) filter (where c.revoked_at is not null)::int as revoked
       from award_campaign a left join award_certificate c on c.campaign_year = a.year
       where a.published_at is not null and ($1::int is null or a.year = $1)
       group by a.year order by a.year desc`,
      [year ?? null],
    );
  }

  /** 四(二)3 named list of a year: revoked titles are left out (counted in decision.revoked). */
  async namedList(
    year: number,
    filter: { tier?: AwardTier | null; search?: string | null },
    page: { offset?: number | null; limit?: number | null },
  ): Promise<PublicNamedCoordinatorPageModel> {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw RegistryError.badInput('year', '年度应在 2000–2100 之间');
    const search = filter.search?.trim() ?? '';
    if (search.length > 50) throw RegistryError.badInput('search', '搜索内容不超过 50 字');
    const [decision] = await this.namingDecisions(year);
    if (!decision) return { year, decision: null, total: 0, offset, limit, items: [] };
    const sql = new SqlConditions().add((p) => `c.campaign_year = ${p}`, year).addSql('c.revoked_at is null');
    if (filter.tier) sql.add((p) => `c.tier = ${p}`, filter.tier);
    if (search) sql.add((p) => `(c.holder_name like '%' || ${p} || '%' or c.holder_unit like '%' || ${p} || '%')`, escapeLike(search));
    const { total, rows } = await queryPage<{ name: string; unit: string | null; reportingUnitCode: string; tier: AwardTier; certificateNumber: string }>(
      this.dataSource,
      {
        columns: `c.holder_name as name, c.holder_unit as unit, c.reporting_unit_code as "reportingUnitCode", c.tier, c.certificate_number as "certificateNumber"`,
        from: `from award_certificate c where ${sql.where}`,
        orderBy: `${TIER_ORDER}, c.certificate_number`,
        parameters: sql.parameters,
      },
      { offset, limit },
    );
    return {
      year,
      decision,
      total,
      offset,
      limit,
      items: rows.map(({ reportingUnitCode, ...row }) => ({ ...row, reportingUnit: this.regions.find(reportingUnitCode)?.name ?? reportingUnitCode })),
    };
  }

  /** For the nomination pages (a DataLoader batch): token, revocation and verification count. */
  async certificatesOf(ids: readonly string[]): Promise<(NominationCertificate | null)[]> {
    const rows: (NominationCertificate & { revokedAt: Date | null; reason: string | null; revokedBy: string | null })[] = await this.dataSource.query(
      `select c.nomination_id::text as "nominationId", c.verification_token as token, c.revoked_at as "revokedAt",
         c.revocation_reason as reason, u.username as "revokedBy",
         coalesce((select sum(v.count) from certificate_verification_count v where v.nomination_id = c.nomination_id), 0)::int as verifications
       from award_certificate c left join app_user u on u.id = c.revoked_by
       where c.nomination_id = any($1::bigint[])`,
      [ids.filter((id) => /^\d{1,18}$/.test(id))],
    );
    const byId = new Map(rows.map((row) => [row.nominationId, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) return null;
      return {
        nominationId: row.nominationId,
        token: row.token,
        verifications: row.verifications,
        revocation: row.revokedAt ? { revokedAt: row.revokedAt, reason: row.reason!, revokedBy: row.revokedBy } : null,
      };
    });
  }

  /** The certificate of a nomination the user may see, for the PDF (NOT_FOUND like the nomination). */
  async requireCertificate(user: SessionUser, nominationId: string): Promise<NominationCertificate> {
    await this.reads.require(user, nominationId);
    const [certificate] = await this.certificatesOf([nominationId]);
    if (!certificate) throw RegistryError.badInput('state', '该推荐尚未命名，没有证书');
    return certificate;
  }

  /**
   * The province revokes a title (e.g. a discipline record that comes to light later): a reason,
   * a nomination event and an audit row. Verification then answers revoked; the public list
   * leaves the title out.
   */
  async revoke(user: SessionUser, nominationId: string, reason: string): Promise<void> {
    if (user.role !== 'PROVINCE_ADMIN') throw RegistryError.forbidden('撤销称号由省三方办决定');
    const text = reason?.trim() ?? '';
    if (text.length < 2) throw RegistryError.badInput('reason', '请写明撤销理由（至少 2 个字）');
    if (text.length > 500) throw RegistryError.badInput('reason', '撤销理由不超过 500 字');
    await this.dataSource.transaction(async (manager) => {
      const nomination = await this.reads.require(user, nominationId, manager, true);
      const result = await manager.query(
        `update award_certificate set revoked_at = now(), revoked_by = $2, revocation_reason = $3
         where nomination_id = $1 and revoked_at is null returning certificate_number as "certificateNumber"`,
        [nomination.id, user.id, text],
      );
      const updated: { certificateNumber: string }[] = Array.isArray(result[0]) ? result[0] : result;
      if (updated.length === 0) {
        const [exists] = await manager.query(`select 1 from award_certificate where nomination_id = $1`, [nomination.id]);
        throw RegistryError.badInput('nominationId', exists ? `${nomination.coordinatorName} 的称号已撤销` : `${nomination.coordinatorName} 未被命名，没有可撤销的称号`);
      }
      await manager.query(
        `insert into nomination_event (nomination_id, actor_id, actor_username, action, from_state, to_state, reason)
         values ($1, $2, $3, 'REVOKE', $4, $4, $5)`,
        [nomination.id, user.id, user.username, nomination.state, `撤销称号（证书 ${updated[0].certificateNumber}）：${text}`],
      );
      await this.audit.record(
        user,
        {
          action: 'AWARD_TITLE_REVOKE',
          objectType: 'nomination',
          objectId: nomination.id,
          regionPath: nomination.regionPath,
          detail: { certificateNumber: updated[0].certificateNumber, reason: text },
        },
        manager,
      );
    });
  }

  /** Verifications per certificate and day of a campaign (province), unknown tokens included. */
  async verificationCounts(year: number, from?: string | null, to?: string | null): Promise<CertificateVerificationCountModel[]> {
    for (const [field, value] of Object.entries({ from, to })) {
      if (value != null && !isValidIsoDate(value)) throw RegistryError.badInput(field, '日期无效');
    }
    return this.dataSource.query(
      `select v.day::text as day, c.certificate_number as "certificateNumber", v.count
       from certificate_verification_count v left join award_certificate c on c.nomination_id = v.nomination_id
       where (c.campaign_year = $1 or v.nomination_id is null) and ($2::date is null or v.day >= $2) and ($3::date is null or v.day <= $3)
       order by v.day desc, c.certificate_number nulls first limit 1000`,
      [year, from ?? null, to ?? null],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AWARD_TIER_LABELS,
  chinaIsoDate,
  EDUCATION_LEVEL_LABELS,
  HONOR_LEVEL_LABELS,
  isWithinScope,
  SKILL_LEVEL_LABELS,
  type AwardTier,
  type EducationLevel,
  type HonorLevel,
  type SkillLevel,
} from '@registry/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RegistryError } from '../common/registry-error';
import { REVEAL_ROLES, scopeSql, type SessionUser } from '../common/session-user';
import { CoordinatorsService } from '../coordinators/coordinators.service';
import { RegionsService } from '../regions/regions.service';
import { NominationReadsService } from './nomination-reads.service';

/** One row of 附件2 / 附件3, shaped for printing. */
export interface NomineeSheet {
  nominationId: string;
  year: number;
  tier: AwardTier;
  tierLabel: string;
  name: string;
  gender: string;
  birthMonth: string;
  idNumber: string;
  unitName: string;
  post: string;
  education: string;
  major: string;
  skillLevel: string;
  serviceYears: string;
  honors: string;
  clausesMet: string;
  achievements: string;
  quotaExempt: boolean;
  unitRank: number | null;
  reportingUnitName: string;
  certificateNumber: string | null;
  namedOn: string | null;
  state: string;
  /** opinions recorded by the offices on the way up (reason of each forward), by office name */
  opinions: { office: string; text: string; at: string }[];
}

const EDUCATION_RANK: Record<EducationLevel, number> = { SECONDARY_OR_BELOW: 0, JUNIOR_COLLEGE: 1, BACHELOR: 2, MASTER: 3, DOCTOR: 4 };

// The data behind 附件2, 附件3 and the certificate: one query per table for a set of nominations.
// ID numbers are masked unless the user may reveal them and states why (audited, as revealIdNumber).
@Injectable()
export class AwardFormsData {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: NominationReadsService,
    private readonly regions: RegionsService,
    private readonly coordinators: CoordinatorsService,
    private readonly audit: AuditService,
  ) {}

  async nominee(user: SessionUser, id: string, revealReason?: string | null): Promise<NomineeSheet> {
    const nomination = await this.reads.require(user, id);
    const [sheet] = await this.sheets([nomination.id]);
    const reason = revealReason?.trim();
    if (reason) {
      if (!REVEAL_ROLES.includes(user.role)) throw RegistryError.forbidden('您的角色无权查看完整身份证号码');
      if (reason.length < 2 || reason.length > 200) throw RegistryError.badInput('revealReason', '查看原因 2–200 个字');
      const { coordinator, idNumber } = await this.coordinators.idNumberOf(user, nomination.coordinatorId);
      await this.audit.record(user, {
        action: 'ID_NUMBER_REVEAL',
        objectType: 'coordinator',
        objectId: coordinator.id,
        regionPath: coordinator.regionPath,
        detail: { reason, form: '附件2', nominationId: nomination.id },
      });
      sheet.idNumber = idNumber;
    }
    return sheet;
  }

  /** 附件3: the unit's declared nominations (what it reviews and sends on), by tier then its ranking. */
  async unitSummary(user: SessionUser, year: number, unitCode: string): Promise<{ unitName: string; sheets: NomineeSheet[] }> {
    const unit = this.regions.find(unitCode);
    if (!unit || unit.level !== 'UNIT' || !(isWithinScope(unit.path, user.scopePath) || isWithinScope(user.scopePath, unit.path))) {
      throw RegistryError.notFound('推荐单位', unitCode);
    }
    const rows: { id: string }[] = await this.dataSource.query(
      `select n.id::text from nomination n left join nomination_rank r on r.nomination_id = n.id and r.office_code = $2
       where n.campaign_year = $1 and n.reporting_unit_code = $2 and n.state in ('UNDER_REVIEW', 'NAMED', 'NOT_NAMED')
         and ${scopeSql('n.region_path', '$3')}
       order by case n.tier when 'GOLD' then 1 when 'SILVER' then 2 else 3 end, r.rank nulls last, n.id`,
      [year, unitCode, user.scopePath],
    );
    return { unitName: unit.name, sheets: await this.sheets(rows.map((row) => row.id)) };
  }

  async sheets(ids: string[]): Promise<NomineeSheet[]> {
    if (ids.length === 0) return [];
    const run = (sql: string) => this.dataSource.query(sql, [ids]);
    const [nominations, educations, certificates, honors, events] = await Promise.all([
      run(`select n.id::text, n.campaign_year as year, n.tier, n.state, n.quota_exempt as "quotaExempt", n.eligibility, n.achievements,
             n.certificate_number as "certificateNumber", n.named_on as "namedOn", n.reporting_unit_code as "unitCode",
             n.coordinator_id::text as "coordinatorId", c.name, c.gender, c.birth_date as "birthDate", c.id_number_masked as "idNumber",
             coalesce(c.unit_name, e.name) as "unitName", c.post, r.rank as "unitRank"
           from nomination n join coordinator c on c.id = n.coordinator_id left join enterprise e on e.id = c.enterprise_id
             left join nomination_rank r on r.nomination_id = n.id and r.office_code = n.reporting_unit_code
           where n.id = any($1::bigint[])`),
      run(`select d.coordinator_id::text as "coordinatorId", d.level, d.major from education d
           where d.coordinator_id in (select coordinator_id from nomination where id = any($1::bigint[]))`),
      run(`select k.coordinator_id::text as "coordinatorId", k.occupation, k.level, k.title from certificate k
           where k.coordinator_id in (select coordinator_id from nomination where id = any($1::bigint[])) order by k.level nulls last`),
      run(`select h.coordinator_id::text as "coordinatorId", h.title, h.level, h.awarded_on as "awardedOn" from honor h
           where h.coordinator_id in (select coordinator_id from nomination where id = any($1::bigint[])) order by h.awarded_on`),
      run(`select nomination_id::text as "nominationId", from_office as "fromOffice", reason, at from nomination_event
           where nomination_id = any($1::bigint[]) and action in ('FORWARD', 'DECLARE', 'NAME') order by id`),
    ]);
    const byId = new Map<string, Record<string, any>>(nominations.map((row: Record<string, any>) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id)!;
      const own = <T extends { coordinatorId: string }>(list: T[]) => list.filter((item) => item.coordinatorId === row.coordinatorId);
      const education = own(educations as { coordinatorId: string; level: EducationLevel; major: string }[]).sort(
        (left, right) => EDUCATION_RANK[right.level] - EDUCATION_RANK[left.level],
      )[0];
      const certificate = own(certificates as { coordinatorId: string; occupation: string; level: number | null; title: string | null }[])[0];
      const eligibility = row.eligibility as { conditions: { clause: string; met: boolean }[]; serviceYears?: { years: number; months: number } };
      const service = eligibility.serviceYears;
      return {
        nominationId: id,
        year: row.year,
        tier: row.tier,
        tierLabel: AWARD_TIER_LABELS[row.tier as AwardTier],
        name: row.name,
        gender: row.gender === 'FEMALE' ? '女' : '男',
        birthMonth: String(row.birthDate).slice(0, 7).replace('-', '.'),
        idNumber: row.idNumber,
        unitName: row.unitName ?? '',
        post: row.post ?? '',
        education: education ? EDUCATION_LEVEL_LABELS[education.level] : '',
        major: education?.major ?? '',
        skillLevel: certificate
          ? `${certificate.occupation}${certificate.level ? ` ${SKILL_LEVEL_LABELS[certificate.level as SkillLevel]}` : certificate.title ? ` ${certificate.title}` : ''}`
          : '',
        serviceYears: service ? `${service.years}年${service.months ? `${service.months}个月` : ''}` : '',
        honors: own(honors as { coordinatorId: string; title: string; level: HonorLevel; awardedOn: string }[])
          .map((honor) => `${honor.awardedOn.slice(0, 4)}年 ${HONOR_LEVEL_LABELS[honor.level]} ${honor.title}`)
          .join('；'),
        clausesMet: eligibility.conditions.filter((condition) => condition.met && /2\(\d\)[a-e]$/.test(condition.clause)).map((condition) => condition.clause).join('、'),
        achievements: row.achievements ?? '',
        quotaExempt: row.quotaExempt,
        unitRank: row.unitRank ?? null,
        reportingUnitName: this.regions.find(row.unitCode)?.name ?? row.unitCode,
        certificateNumber: row.certificateNumber,
        namedOn: row.namedOn,
        state: row.state,
        opinions: (events as { nominationId: string; fromOffice: string | null; reason: string | null; at: Date }[])
          .filter((event) => event.nominationId === id && event.fromOffice)
          .map((event) => ({ office: event.fromOffice!, text: event.reason ?? '同意推荐', at: chinaIsoDate(new Date(event.at)) })),
      };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareDates, isValidIsoDate, isWithinScope, todayIsoDate, workRecordDay } from '@registry/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { validateWorkRecord } from '../work-records/work-record-rules';
import {
  CertificateInput,
  DisciplinaryRecordInput,
  EducationInput,
  HonorInput,
  TrainingInput,
  WorkPeriodInput,
  WorkRecordInput,
} from './dto/sub-record.input';
import { COORDINATOR_SUB_RECORD_ENTITIES } from './entities/sub-records.entity';

export interface SubRecordsInput {
  certificates?: CertificateInput[] | null;
  educations?: EducationInput[] | null;
  workPeriods?: WorkPeriodInput[] | null;
  trainings?: TrainingInput[] | null;
  honors?: HonorInput[] | null;
  disciplinaryRecords?: DisciplinaryRecordInput[] | null;
  workRecords?: WorkRecordInput[] | null;
}

type SubRecordKey = keyof SubRecordsInput;

// How each sub-record list is stored: table, columns and the SQL array type of each column.
const TABLES: Record<SubRecordKey, { table: string; columns: [string, string, (row: never) => unknown][] }> = {
  certificates: {
    table: 'certificate',
    columns: [
      ['occupation', 'varchar', (r: CertificateInput) => r.occupation.trim()],
      ['level', 'smallint', (r: CertificateInput) => r.level],
      ['title', 'varchar', (r: CertificateInput) => r.title ?? null],
      ['certificate_number', 'varchar', (r: CertificateInput) => r.certificateNumber ?? null],
      ['issuer', 'varchar', (r: CertificateInput) => r.issuer ?? null],
      ['issued_on', 'date', (r: CertificateInput) => r.issuedOn],
    ],
  },
  educations: {
    table: 'education',
    columns: [
      ['level', 'varchar', (r: EducationInput) => r.level],
      ['major', 'varchar', (r: EducationInput) => r.major.trim()],
      ['school', 'varchar', (r: EducationInput) => r.school ?? null],
      ['graduated_on', 'date', (r: EducationInput) => r.graduatedOn ?? null],
    ],
  },
  workPeriods: {
    table: 'work_period',
    columns: [
      ['start_on', 'date', (r: WorkPeriodInput) => r.start],
      ['end_on', 'date', (r: WorkPeriodInput) => r.end ?? null],
      ['occupation', 'varchar', (r: WorkPeriodInput) => r.occupation.trim()],
      ['employer', 'varchar', (r: WorkPeriodInput) => r.employer ?? null],
    ],
  },
  trainings: {
    table: 'training',
    columns: [
      ['course', 'varchar', (r: TrainingInput) => r.course.trim()],
      ['hours', 'numeric', (r: TrainingInput) => r.hours],
      ['provider', 'varchar', (r: TrainingInput) => r.provider ?? null],
      ['result', 'varchar', (r: TrainingInput) => r.result ?? null],
      ['completed_on', 'date', (r: TrainingInput) => r.completedOn],
      ['subsidy_kind', 'varchar', (r: TrainingInput) => r.subsidyKind ?? null],
      ['subsidy_amount', 'numeric', (r: TrainingInput) => r.subsidyAmount ?? null],
    ],
  },
  honors: {
    table: 'honor',
    columns: [
      ['title', 'varchar', (r: HonorInput) => r.title.trim()],
      ['level', 'varchar', (r: HonorInput) => r.level],
      ['awarded_on', 'date', (r: HonorInput) => r.awardedOn],
      ['issuer', 'varchar', (r: HonorInput) => r.issuer ?? null],
    ],
  },
  disciplinaryRecords: {
    table: 'disciplinary_record',
    columns: [
      ['kind', 'varchar', (r: DisciplinaryRecordInput) => r.kind.trim()],
      ['occurred_on', 'date', (r: DisciplinaryRecordInput) => r.occurredOn],
      ['description', 'varchar', (r: DisciplinaryRecordInput) => r.description ?? null],
    ],
  },
  workRecords: {
    table: 'work_record',
    columns: [
      ['kind', 'varchar', (r: WorkRecordInput) => r.kind],
      ['count', 'integer', (r: WorkRecordInput) => r.count ?? 1],
      ['recorded_on', 'date', (r: WorkRecordInput) => workRecordDay(r.recordedOn, r.precision ?? 'DAY')],
      ['date_precision', 'varchar', (r: WorkRecordInput) => r.precision ?? 'DAY'],
      ['enterprise_id', 'bigint', (r: WorkRecordInput) => r.enterpriseId || null],
      ['outcome', 'varchar', (r: WorkRecordInput) => r.outcome ?? null],
      ['description', 'varchar', (r: WorkRecordInput) => r.description ?? null],
    ],
  },
};

const SUB_RECORD_KEYS = Object.keys(TABLES) as SubRecordKey[];

/** The dates of each list that must be real, not in the future and (where paired) in order. */
function datesOf(key: SubRecordKey, row: Record<string, unknown>): [string, unknown][] {
  switch (key) {
    case 'certificates':
      return [['issuedOn', row.issuedOn]];
    case 'educations':
      return row.graduatedOn ? [['graduatedOn', row.graduatedOn]] : [];
    case 'workPeriods':
      return row.end ? [['start', row.start], ['end', row.end]] : [['start', row.start]];
    case 'trainings':
      return [['completedOn', row.completedOn]];
    case 'honors':
      return [['awardedOn', row.awardedOn]];
    case 'disciplinaryRecords':
      return [['occurredOn', row.occurredOn]];
    case 'workRecords':
      return [['recordedOn', row.recordedOn]];
  }
}

@Injectable()
export class CoordinatorRecordsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Checks every given list: dates real and not in the future, periods in order, not before birth. */
  validate(input: SubRecordsInput, birthDate: string | null): void {
    const today = todayIsoDate();
    for (const key of SUB_RECORD_KEYS) {
      (input[key] ?? []).forEach((row, index) => {
        for (const [name, value] of datesOf(key, row as unknown as Record<string, unknown>)) {
          const field = `${key}[${index}].${name}`;
          if (typeof value !== 'string' || !isValidIsoDate(value)) throw RegistryError.badInput(field, '日期无效');
          if (compareDates(value, today) > 0) throw RegistryError.badInput(field, `日期 ${value} 晚于今天`);
          if (birthDate && compareDates(value, birthDate) < 0) throw RegistryError.badInput(field, `日期 ${value} 早于出生日期 ${birthDate}`);
        }
      });
    }
    (input.workPeriods ?? []).forEach((period, index) => {
      if (period.end && compareDates(period.end, period.start) < 0) {
        throw RegistryError.badInput(`workPeriods[${index}].end`, `结束日期 ${period.end} 早于开始日期 ${period.start}`);
      }
    });
    (input.workRecords ?? []).forEach((record, index) => validateWorkRecord(record, `workRecords[${index}].`));
    (input.certificates ?? []).forEach((certificate, index) => {
      if (!Number.isInteger(certificate.level) || certificate.level < 1 || certificate.level > 5) {
        throw RegistryError.badInput(`certificates[${index}].level`, '等级应为 1（一级）至 5（五级）');
      }
    });
  }

  /** Replaces each list that is given (null/undefined lists are left as they are). */
  async replace(manager: EntityManager, coordinatorId: string, input: SubRecordsInput, user?: Pick<SessionUser, 'id' | 'scopePath'>): Promise<string[]> {
    const replaced: string[] = [];
    for (const key of SUB_RECORD_KEYS) {
      const rows = input[key];
      if (rows == null) continue;
      if (key === 'workRecords') {
        await this.mergeWorkRecords(manager, coordinatorId, rows as WorkRecordInput[], user);
        replaced.push(key);
        continue;
      }
      const { table, columns } = TABLES[key];
      await manager.query(`delete from ${table} where coordinator_id = $1`, [coordinatorId]);
      if (rows.length > 0) {
        const arrays = columns.map(([, , value]) => rows.map((row) => (value as (r: unknown) => unknown)(row)));
        const unnest = columns.map(([, type], index) => `$${index + 2}::${type}[]`).join(', ');
        await manager.query(
          `insert into ${table} (coordinator_id, ${columns.map(([name]) => name).join(', ')})
           select $1, * from unnest(${unnest})`,
          [coordinatorId, ...arrays],
        );
      }
      replaced.push(key);
    }
    return replaced;
  }

  /**
   * Work records are first-class (六(三)): a row that names an existing record of this person keeps
   * it (id, author, creation), updated where it differs; rows without an id are new; the person's
   * other records go. An enterprise served must lie in the writer's jurisdiction.
   */
  private async mergeWorkRecords(manager: EntityManager, coordinatorId: string, rows: WorkRecordInput[], user?: Pick<SessionUser, 'id' | 'scopePath'>): Promise<void> {
    const existing: { id: string }[] = await manager.query(`select id::text from work_record where coordinator_id = $1`, [coordinatorId]);
    const own = new Set(existing.map((row) => row.id));
    rows.forEach((row, index) => {
      if (row.id && !own.has(String(row.id))) throw RegistryError.badInput(`workRecords[${index}].id`, `工作记录 ${row.id} 不存在`);
    });
    const enterpriseIds = [...new Set(rows.map((row) => row.enterpriseId).filter((id): id is string => !!id))];
    if (enterpriseIds.length > 0) {
      const found: { id: string; region_path: string }[] = await manager.query(
        `select id::text, region_path from enterprise where id = any($1::bigint[])`,
        [enterpriseIds.filter((id) => /^\d{1,18}$/.test(id))],
      );
      const visible = new Set(found.filter((row) => !user || isWithinScope(row.region_path, user.scopePath)).map((row) => row.id));
      rows.forEach((row, index) => {
        if (row.enterpriseId && !visible.has(row.enterpriseId)) throw RegistryError.badInput(`workRecords[${index}].enterpriseId`, `用人单位 ${row.enterpriseId} 不存在`);
      });
    }
    const kept = rows.filter((row) => row.id).map((row) => String(row.id));
    await manager.query(`delete from work_record where coordinator_id = $1 and not (id = any($2::bigint[]))`, [coordinatorId, kept]);
    const { columns } = TABLES.workRecords;
    const arraysOf = (list: WorkRecordInput[]) => columns.map(([, , value]) => list.map((row) => (value as (r: unknown) => unknown)(row)));
    const updates = rows.filter((row) => row.id);
    if (updates.length > 0) {
      const names = columns.map(([name]) => name);
      await manager.query(
        `update work_record w set ${names.map((name) => `${name} = u.${name}`).join(', ')}, version = w.version + 1, updated_at = now()
         from unnest($2::bigint[], ${columns.map(([, type], index) => `$${index + 3}::${type}[]`).join(', ')}) as u(id, ${names.join(', ')})
         where w.id = u.id and w.coordinator_id = $1 and (${names.map((name) => `w.${name} is distinct from u.${name}`).join(' or ')})`,
        [coordinatorId, updates.map((row) => row.id), ...arraysOf(updates)],
      );
    }
    const inserts = rows.filter((row) => !row.id);
    if (inserts.length > 0) {
      await manager.query(
        `insert into work_record (coordinator_id, recorded_by, ${columns.map(([name]) => name).join(', ')})
         select $1, $2::bigint, * from unnest(${columns.map(([, type], index) => `$${index + 3}::${type}[]`).join(', ')})`,
        [coordinatorId, user?.id ?? null, ...arraysOf(inserts)],
      );
    }
  }

  /** One statement per relation for a whole page of coordinators (DataLoader batch). */
  async loadFor<K extends SubRecordKey>(key: K, coordinatorIds: readonly string[]): Promise<Record<string, unknown>[]> {
    const entity = COORDINATOR_SUB_RECORD_ENTITIES.find((candidate) => this.dataSource.getMetadata(candidate).tableName === TABLES[key].table)!;
    return this.dataSource
      .getRepository(entity)
      .createQueryBuilder('r')
      .where('r.coordinator_id = any(:ids)', { ids: coordinatorIds })
      .orderBy('r.id')
      .getMany() as unknown as Promise<Record<string, unknown>[]>;
  }
}

export { SUB_RECORD_KEYS, type SubRecordKey };

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayIsoDate } from '@registry/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { runAsOwner } from '../auth/request-database';

/** Full ID numbers registered outside the user's jurisdiction that one user may type per China day (forms and imports together). */
export const ID_NUMBER_PROBES_PER_DAY = 20;

export const REGISTERED_ELSEWHERE = '该身份证号码已登记，如需转入请联系省级管理员办理转移';
export const PROBE_LIMIT_REACHED =
  `您今日录入的已在别处登记的身份证号码已达 ${ID_NUMBER_PROBES_PER_DAY} 个的上限，今日不能再新增协调员（表单和导入），请明日再试或联系省级管理员`;

export interface ProbingUser {
  id: string | null;
  username: string;
  scopePath: string;
}

export interface ProbeHit {
  hash: string;
  /** the typed number, masked (for the audit row) */
  masked: string;
}

// An ID number typed in full that is registered outside the jurisdiction is told apart only as
// "already registered" (never its region or data), and only ID_NUMBER_PROBES_PER_DAY times per
// user and day: each counted hit is audited; a user over the budget may not add new numbers for
// the rest of the day, whether they exist or not (a refusal that depended on existence would be
// the same oracle), and the province's auditors get a warning. Rows are written on their own
// connection, so a refused (rolled back) import still leaves them. See ADR 0712.
@Injectable()
export class IdNumberProbesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private query(sql: string, parameters: unknown[]): Promise<any[]> {
    return runAsOwner(() => this.dataSource.query(sql, parameters));
  }

  /** Of `hashes`, the ones the user has already been told about today, and how many the user has used. */
  async today(user: ProbingUser, hashes: string[]): Promise<{ used: number; known: Set<string> }> {
    if (!user.id) return { used: 0, known: new Set() };
    const [row] = await this.query(
      `select count(*)::int as used, coalesce(array_agg(id_number_hash::text) filter (where id_number_hash = any($3::char(64)[])), '{}') as known
       from id_number_probe where user_id = $1 and day = $2`,
      [user.id, todayIsoDate(), hashes],
    );
    return { used: row.used, known: new Set(row.known) };
  }

  /** Records the hits not counted yet today (one audit row each while within the budget); returns the day's total. */
  async record(user: ProbingUser, hits: ProbeHit[], channel: 'FORM' | 'IMPORT', context: Record<string, unknown> = {}): Promise<number> {
    if (!user.id || hits.length === 0) return (await this.today(user, [])).used;
    const inserted: { id_number_hash: string }[] = await this.query(
      `insert into id_number_probe (user_id, day, id_number_hash, channel)
       select $1, $2, h, $4 from unnest($3::char(64)[]) h on conflict do nothing returning id_number_hash`,
      [user.id, todayIsoDate(), [...new Set(hits.map((hit) => hit.hash))], channel],
    );
    const { used } = await this.today(user, []);
    const fresh = new Set(inserted.map((row) => row.id_number_hash));
    // the hits within the budget, one row each; beyond it the warning (warnOverLimit) counts them
    const within = Math.max(0, ID_NUMBER_PROBES_PER_DAY - (used - inserted.length));
    const audited = hits.filter((hit) => fresh.delete(hit.hash)).slice(0, within);
    for (const hit of audited) {
      await this.audit.record(
        { id: user.id, username: user.username },
        {
          action: 'ID_NUMBER_REGISTERED_ELSEWHERE',
          objectType: 'id_number',
          regionPath: user.scopePath,
          detail: { channel, idNumberMasked: hit.masked, usedToday: used, limit: ID_NUMBER_PROBES_PER_DAY, ...context },
        },
      );
    }
    return used;
  }

  /** The warning for the province's auditors (once per user and day): a user asked beyond the budget. */
  async warnOverLimit(user: ProbingUser, channel: 'FORM' | 'IMPORT', context: Record<string, unknown> = {}): Promise<void> {
    if (!user.id) return;
    const day = todayIsoDate();
    const [already] = await this.query(
      `select 1 from audit_log where action = 'ID_NUMBER_PROBE_LIMIT_WARNING' and user_id = $1
         and at >= ($2::date)::timestamp at time zone 'Asia/Shanghai'`,
      [user.id, day],
    );
    if (already) return;
    const { used } = await this.today(user, []);
    await this.audit.record(
      { id: user.id, username: user.username },
      {
        action: 'ID_NUMBER_PROBE_LIMIT_WARNING',
        objectType: 'app_user',
        objectId: user.id,
        // the province's path: visible to the province's auditors (and not to the user's county)
        regionPath: `${user.scopePath.split('/')[0]}/`,
        detail: { severity: 'WARNING', channel, day, usedToday: used, limit: ID_NUMBER_PROBES_PER_DAY, userScopePath: user.scopePath, ...context },
      },
    );
  }
}

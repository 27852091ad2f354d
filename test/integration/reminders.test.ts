import { addDays, todayIsoDate } from '@registry/domain';
import { startTestApp, type TestApp } from '../support/test-app';
import { seedPair, signedInUser } from './access-helpers';

// The bell: reminders computed from the data of the user's own jurisdiction, each with the page
// to act on. The rules themselves (windows, notice periods) are unit-tested in libs/domain.
const REMINDERS = `{ reminders { key kind severity message dueOn count year tier link } }`;
type Reminder = { key: string; kind: string; severity: string; message: string; dueOn: string | null; count: number | null; year: number | null; tier: string | null; link: string };

describe('reminders', () => {
  let t: TestApp;
  let admin: string;
  let chaoyang: string;
  let nanguan: string;
  const today = todayIsoDate();
  const year = Number(today.slice(0, 4));

  const remindersOf = async (token: string): Promise<Reminder[]> => {
    const result = await t.graphql<{ reminders: Reminder[] }>(REMINDERS, {}, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.reminders;
  };

  /** A nomination of a coordinator of `county` straight into the table, in the given state. */
  const nominate = async (coordinatorId: string, state: string, tier: string, chain: string[], step: number, publicityEnd: string | null) => {
    const [row] = await t.sql(
      `insert into nomination (campaign_year, coordinator_id, tier, state, region_path, reporting_unit_code, review_chain, current_step, eligibility,
                               publicity_start, publicity_end, nominated_by)
       select $1, c.id, $3, $4, c.region_path, $5, $6, $7, '{}'::jsonb, $8::date - 7, $8::date, (select id from app_user where username = 'admin')
       from coordinator c where c.id = $2 returning id`,
      [year, coordinatorId, tier, state, chain[1] ?? chain[0], chain, step, publicityEnd ?? today],
    );
    return String(row.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    chaoyang = await signedInUser(t, admin, 'remind.chaoyang', 'COUNTY_OFFICE', '220104');
    nanguan = await signedInUser(t, admin, 'remind.nanguan', 'COUNTY_OFFICE', '220102');
    const own = await seedPair(t, admin, '220104001');
    const ownSecond = await seedPair(t, admin, '220104002');
    const foreign = await seedPair(t, admin, '220102001');

    // this year's campaign: submission closes in five days; 朝阳区 has two gold places
    await t.sql(`insert into award_campaign (year, reference_date, submission_start, submission_end) values ($1, $2, $3, $4)`, [
      year,
      `${year}-06-30`,
      addDays(today, -3),
      addDays(today, 5),
    ]);
    await t.sql(`insert into award_quota (year, region_code, tier, places) values ($1, '220104', 'GOLD', 2), ($1, '220102', 'GOLD', 1)`, [year]);
    // 朝阳区: one in publicity ending tomorrow with an open objection, one silver waiting at the county's review
    const inPublicity = await nominate(own.coordinatorId, 'IN_PUBLICITY', 'GOLD', ['220104', '220100', '22'], 0, addDays(today, 1));
    await t.sql(
      `insert into nomination_objection (nomination_id, raised_on, content, recorded_by) values ($1, $2, '群众反映材料不实', (select id from app_user where username = 'admin'))`,
      [inPublicity, today],
    );
    await nominate(ownSecond.coordinatorId, 'UNDER_REVIEW', 'SILVER', ['220104', '220100', '22'], 0, addDays(today, -10));
    // 南关区: two bronze waiting at its own review, nothing in publicity
    await nominate(foreign.coordinatorId, 'UNDER_REVIEW', 'BRONZE', ['220102', '220100', '22'], 0, addDays(today, -10));
    // 朝阳区's account: a failed import yesterday and a password changed 170 days ago (valid 180)
    await t.sql(
      `insert into import_job (kind, status, file_name, file_format, file_size, stored_file, user_id, username, scope_path, message, updated_at)
       select 'coordinators', 'FAILED', 'roster.xlsx', 'xlsx', 100, 'none', id, username, '22/2201/220104', '读取失败', now() - interval '1 day'
       from app_user where username = 'remind.chaoyang'`,
    );
    await t.sql(`update app_user set password_changed_at = now() - interval '170 days' where username = 'remind.chaoyang'`);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('tells a county office what waits in its own jurisdiction, most urgent first, each with the page to act on', async () => {
    const list = await remindersOf(chaoyang);
    const byKind = new Map(list.map((reminder) => [reminder.kind, reminder]));
    expect(byKind.get('SUBMISSION_CLOSING')).toMatchObject({ severity: 'URGENT', dueOn: addDays(today, 5), year, count: 2, link: '/awards' });
    expect(byKind.get('SUBMISSION_CLOSING')!.message).toContain('金牌尚余 2 个名额');
    expect(byKind.get('OBJECTIONS_WAITING')).toMatchObject({ count: 1, message: '1 条公示异议待处理', link: '/awards?tab=nominations' });
    expect(byKind.get('PUBLICITY_ENDING')).toMatchObject({ count: 1, dueOn: addDays(today, 1) });
    expect(byKind.get('REVIEW_QUEUE')).toMatchObject({ tier: 'SILVER', count: 1, link: '/awards?tab=review&tier=SILVER', message: '1 个银牌推荐待本单位审核' });
    expect(byKind.get('IMPORT_FAILED')).toMatchObject({ count: 1, link: '/imports' });
    expect(byKind.get('PASSWORD_EXPIRING')).toMatchObject({ severity: 'WARNING', link: '/change-password' });
    expect(byKind.get('PASSWORD_EXPIRING')!.message).toMatch(/还剩 (9|10|11) 天/);
    // December: the year-end summary (六(五)) is due
    expect(byKind.has('YEAR_END_SUMMARY')).toBe(today.slice(5, 7) === '12');
    // urgent ones first
    const severities = list.map((reminder) => reminder.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['URGENT', 'WARNING', 'INFO'].indexOf(a) - ['URGENT', 'WARNING', 'INFO'].indexOf(b)));
  });

  it('shows another county nothing of 朝阳区: only its own queue and quota', async () => {
    const list = await remindersOf(nanguan);
    const kinds = list.map((reminder) => reminder.kind);
    expect(kinds).not.toContain('OBJECTIONS_WAITING');
    expect(kinds).not.toContain('PUBLICITY_ENDING');
    expect(kinds).not.toContain('IMPORT_FAILED');
    expect(kinds).not.toContain('PASSWORD_EXPIRING');
    expect(list.filter((reminder) => reminder.kind === 'REVIEW_QUEUE')).toEqual([expect.objectContaining({ tier: 'BRONZE', count: 1 })]);
    expect(list.find((reminder) => reminder.kind === 'SUBMISSION_CLOSING')!.message).toContain('金牌尚余 1 个名额');
  });

  it('follows the data: a resolved objection and a used-up quota drop their reminders', async () => {
    await t.sql(`update nomination_objection set resolved_at = now(), upheld = false, resolution = '经核实不属实'`);
    await t.sql(`update award_quota set places = 0 where region_code = '220104'`);
    const kinds = (await remindersOf(chaoyang)).map((reminder) => reminder.kind);
    expect(kinds).not.toContain('OBJECTIONS_WAITING');
    expect(kinds).not.toContain('SUBMISSION_CLOSING');
    expect(kinds).toContain('REVIEW_QUEUE');
  });

  it('warns the province when next year\'s holidays are not entered, in December', async () => {
    const kinds = (await remindersOf(admin)).map((reminder) => reminder.kind);
    const nextYear = year + 1;
    const [{ known }] = await t.sql(`select exists (select 1 from calendar_year where year = $1) as known`, [nextYear]);
    // the calendar package knows up to 2026; 2027 is entered by the province (ADR 0421)
    const entered = nextYear <= 2026 || known;
    expect(kinds.includes('CALENDAR_NEXT_YEAR')).toBe(today.slice(5, 7) === '12' && !entered);
    // the province has no quota of its own: its queue is every nomination that reached it (none here)
    expect(kinds).not.toContain('REVIEW_QUEUE');
  });

  it('reminds the province of last year\'s figures until the year is closed (年度数据锁定)', async () => {
    const before = await remindersOf(admin);
    expect(before.find((reminder) => reminder.kind === 'YEAR_NOT_CLOSED')).toMatchObject({ year: year - 1, link: '/dashboard', message: `${year - 1} 年度数据尚未锁定（年度数据锁定）` });
    // a county office does not close years
    expect((await remindersOf(chaoyang)).map((reminder) => reminder.kind)).not.toContain('YEAR_NOT_CLOSED');
    await t.sql(`insert into closed_year (province_code, year) values ('22', $1)`, [year - 1]);
    expect((await remindersOf(admin)).map((reminder) => reminder.kind)).not.toContain('YEAR_NOT_CLOSED');
  });

  it('needs a session', async () => {
    const result = await t.graphql(REMINDERS);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

import { reminders, type ReminderFacts } from './index';

const quiet: ReminderFacts = {
  today: '2026-06-10',
  role: 'COUNTY_OFFICE',
  campaign: null,
  publicityEnding: null,
  objectionsOpen: 0,
  reviewQueue: [],
  passwordValidUntil: '2027-03-01',
  failedImports: 0,
  previousYearClosed: true,
  nextYearCalendarEntered: true,
};

const campaign = (start: string, end: string, placesLeft: { tier: 'GOLD' | 'SILVER' | 'BRONZE'; left: number }[] = []) => ({
  year: 2026,
  submissionStart: start,
  submissionEnd: end,
  published: false,
  placesLeft,
});

const kinds = (facts: Partial<ReminderFacts>) => reminders({ ...quiet, ...facts }).map((reminder) => reminder.kind);

describe('reminders', () => {
  it('has nothing to say on a quiet day', () => {
    expect(reminders(quiet)).toEqual([]);
  });

  it('announces the submission window two weeks ahead, while open, and urgently in its last week, with the places left', () => {
    const window = campaign('2026-06-20', '2026-07-10', [{ tier: 'GOLD', left: 2 }, { tier: 'BRONZE', left: 0 }]);
    expect(kinds({ campaign: window, today: '2026-06-05' })).toEqual([]);
    expect(kinds({ campaign: window, today: '2026-06-06' })).toEqual(['SUBMISSION_OPENING']);
    const open = reminders({ ...quiet, campaign: window, today: '2026-06-20' });
    expect(open.map((reminder) => reminder.kind)).toEqual(['SUBMISSION_OPEN']);
    expect(open[0].message).toBe('2026 年度评选申报进行中，截止 2026-07-10，金牌尚余 2 个名额');
    expect(open[0].count).toBe(2);
    const closing = reminders({ ...quiet, campaign: window, today: '2026-07-03' });
    expect(closing[0]).toMatchObject({ kind: 'SUBMISSION_CLOSING', severity: 'URGENT', dueOn: '2026-07-10' });
    expect(closing[0].message).toContain('还剩 7 天');
    expect(kinds({ campaign: window, today: '2026-07-10' })).toEqual(['SUBMISSION_CLOSING']);
    expect(kinds({ campaign: window, today: '2026-07-11' })).toEqual([]);
  });

  it('says nothing of the window to an office whose places are all used, to a leader, or after publication', () => {
    const used = campaign('2026-06-01', '2026-07-10', [{ tier: 'GOLD', left: 0 }]);
    expect(kinds({ campaign: used })).toEqual([]);
    const open = campaign('2026-06-01', '2026-07-10', [{ tier: 'GOLD', left: 1 }]);
    expect(kinds({ campaign: open, role: 'LEADER' })).toEqual([]);
    expect(kinds({ campaign: { ...open, published: true } })).toEqual([]);
    // a township platform nominates without a quota of its own
    expect(kinds({ campaign: campaign('2026-06-01', '2026-07-10'), role: 'TOWNSHIP_PLATFORM' })).toEqual(['SUBMISSION_OPEN']);
  });

  it('lists review queues per tier with a link to that tier, objections and publicity ends, most urgent first', () => {
    const list = reminders({
      ...quiet,
      reviewQueue: [{ tier: 'GOLD', count: 0 }, { tier: 'SILVER', count: 3 }],
      objectionsOpen: 2,
      publicityEnding: { count: 4, earliestEnd: '2026-06-12' },
    });
    expect(list.map((reminder) => reminder.kind)).toEqual(['OBJECTIONS_WAITING', 'PUBLICITY_ENDING', 'REVIEW_QUEUE']);
    expect(list[2]).toMatchObject({ message: '3 个银牌推荐待本单位审核', link: '/awards?tab=review&tier=SILVER', count: 3 });
    expect(list[1].message).toBe('4 个推荐对象公示期将于 2026-06-12 结束');
    // ended publicity: time to submit
    expect(reminders({ ...quiet, publicityEnding: { count: 1, earliestEnd: '2026-06-09' } })[0]).toMatchObject({ severity: 'URGENT', message: '1 个推荐对象公示期已结束，待申报' });
    // a township platform has no review queue of its own
    expect(kinds({ role: 'TOWNSHIP_PLATFORM', reviewQueue: [{ tier: 'GOLD', count: 5 }] })).toEqual([]);
  });

  it('warns of a password expiring within 14 days, counting calendar days in China', () => {
    expect(kinds({ passwordValidUntil: '2026-06-25' })).toEqual([]);
    const soon = reminders({ ...quiet, passwordValidUntil: '2026-06-24' });
    expect(soon[0]).toMatchObject({ kind: 'PASSWORD_EXPIRING', severity: 'WARNING', link: '/change-password' });
    expect(soon[0].message).toContain('还剩 14 天');
    expect(reminders({ ...quiet, passwordValidUntil: '2026-06-12' })[0].severity).toBe('URGENT');
    expect(reminders({ ...quiet, passwordValidUntil: '2026-06-01' })[0].message).toBe('密码已过期，请立即修改');
    expect(kinds({ passwordValidUntil: null })).toEqual([]);
  });

  it('reminds of the year-end summary through December, the unclosed year and the next year\'s holidays to the province', () => {
    expect(kinds({ today: '2026-11-30' })).toEqual([]);
    const december = reminders({ ...quiet, today: '2026-12-01' });
    expect(december.map((reminder) => reminder.kind)).toEqual(['YEAR_END_SUMMARY']);
    expect(december[0]).toMatchObject({ dueOn: '2026-12-31', severity: 'INFO', link: '/dashboard/summary' });
    expect(reminders({ ...quiet, today: '2026-12-24' })[0].severity).toBe('WARNING');
    const province = kinds({ today: '2026-12-03', role: 'PROVINCE_ADMIN', previousYearClosed: false, nextYearCalendarEntered: false });
    expect(province).toEqual(['YEAR_NOT_CLOSED', 'CALENDAR_NEXT_YEAR', 'YEAR_END_SUMMARY']);
    // only the province closes years and enters holidays
    expect(kinds({ today: '2026-12-03', previousYearClosed: false, nextYearCalendarEntered: false })).toEqual(['YEAR_END_SUMMARY']);
    // closing not recorded at all: nothing to say
    expect(kinds({ today: '2026-06-03', role: 'PROVINCE_ADMIN', previousYearClosed: null })).toEqual([]);
  });

  it('points to the imports page after a failed import', () => {
    const list = reminders({ ...quiet, failedImports: 2 });
    expect(list).toEqual([expect.objectContaining({ kind: 'IMPORT_FAILED', count: 2, link: '/imports', message: '近 7 天有 2 个导入任务失败' })]);
  });
});

import { packageCalendarYears, todayIsoDate } from '@registry/domain';
import { startTestApp, type TestApp } from '../support/test-app';

// The calendar beyond what chinese-days knows: a publicity window that reaches a year neither
// the package nor the province has entered answers BAD_USER_INPUT naming the year (and changes
// nothing), until the province enters the holidays as overrides and confirms the year (audited).
// The year is read from the package, so the test follows a newer chinese-days by itself.

const UNKNOWN = packageCalendarYears(2000, 2100).at(-1)! + 1; // 2027 with chinese-days 1.5.7
const WINDOW = `query($s: Date!) { publicityWindow(start: $s) { start end workingDays calendarKnowsYear } }`;
const STATUS = `query($y: Int) { calendarYearStatus(year: $y) { year entered source holidays workdays confirmedBy } }`;

describe('working days in a year the calendar package does not know', () => {
  let t: TestApp;
  let admin: string;
  let county: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    await t.graphql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { username: 'cal.chaoyang', password: 'Initial#2025', role: 'COUNTY_OFFICE', regionCode: '220104', displayName: '朝阳区' },
    }, admin);
    county = await t.login('cal.chaoyang', 'Initial#2025');
    await t.graphql(`mutation { changePassword(oldPassword: "Initial#2025", newPassword: "Better#2025x") }`, {}, county);
  });
  afterAll(async () => t?.close());

  it(`refuses the publicity window in ${UNKNOWN}, naming the year`, async () => {
    const refused = await t.graphql(WINDOW, { s: `${UNKNOWN}-09-28` }, county);
    expect(refused.data).toBeNull();
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'start', year: UNKNOWN });
    expect(refused.errors![0].message).toContain(`${UNKNOWN} 年节假日安排尚未录入`);
    // a window that starts in a known year and runs into the unknown one
    const crossing = await t.graphql(WINDOW, { s: `${UNKNOWN - 1}-12-29` }, county);
    expect(crossing.errors![0].message).toContain(`${UNKNOWN} 年节假日安排尚未录入`);
    const known = await t.graphql(WINDOW, { s: '2021-09-30' }, county);
    expect(known.data!.publicityWindow).toEqual({ start: '2021-09-30', end: '2021-10-12', workingDays: 5, calendarKnowsYear: true });
  });

  it('tells whether a year is entered (the December reminder asks about next year)', async () => {
    const next = Number(todayIsoDate().slice(0, 4)) + 1;
    const status = await t.graphql(STATUS, {}, county);
    expect(status.data!.calendarYearStatus.year).toBe(next);
    expect(status.data!.calendarYearStatus.entered).toBe(packageCalendarYears(next, next).length === 1);
    expect((await t.graphql(STATUS, { y: UNKNOWN }, county)).data!.calendarYearStatus).toMatchObject({ year: UNKNOWN, entered: false, source: null });
    expect((await t.graphql(STATUS, { y: 2021 }, county)).data!.calendarYearStatus).toMatchObject({ entered: true, source: 'PACKAGE' });
    const years = await t.graphql(`{ calendarYears { year source } }`, {}, county);
    expect(years.data!.calendarYears).toEqual(expect.arrayContaining([{ year: 2021, source: 'PACKAGE' }, { year: UNKNOWN, source: null }]));
  });

  it('lets only the province confirm a year, and only once its holidays are entered', async () => {
    const confirm = (token: string) => t.graphql(`mutation($y: Int!) { confirmCalendarYear(year: $y, note: "国办发明电〔${UNKNOWN - 1}〕") { year entered source } }`, { y: UNKNOWN }, token);
    expect((await confirm(county)).errors![0].extensions?.code).toBe('FORBIDDEN');
    const empty = await confirm(admin);
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(empty.errors![0].message).toContain('法定节假日');
    const known = await t.graphql(`mutation { confirmCalendarYear(year: 2021) { year } }`, {}, admin);
    expect(known.errors![0].message).toContain('无需录入');

    // National Day 1–7 October off, Sunday 26 September and Saturday 9 October at work
    for (let day = 1; day <= 7; day += 1) {
      const set = await t.graphql(`mutation($d: Date!) { setCalendarOverride(date: $d, workday: false, note: "国庆节") { date } }`, { d: `${UNKNOWN}-10-0${day}` }, admin);
      expect(set.errors).toBeUndefined();
    }
    // overrides alone are not enough: the year still counts as not entered
    expect((await t.graphql(WINDOW, { s: `${UNKNOWN}-09-28` }, county)).errors![0].message).toContain('尚未录入');
    const confirmed = await confirm(admin);
    expect(confirmed.data!.confirmCalendarYear).toEqual({ year: UNKNOWN, entered: true, source: 'CONFIRMED' });
    const [audit] = await t.sql(`select username, detail from audit_log where action = 'CALENDAR_YEAR_CONFIRM' and object_id = $1`, [String(UNKNOWN)]);
    expect(audit).toMatchObject({ username: 'admin', detail: { holidays: 7 } });
    expect((await t.graphql(STATUS, { y: UNKNOWN }, county)).data!.calendarYearStatus).toMatchObject({ entered: true, holidays: 7, workdays: 0, confirmedBy: 'admin' });

    const window = (await t.graphql(WINDOW, { s: `${UNKNOWN}-09-28` }, county)).data!.publicityWindow;
    expect(window.end > `${UNKNOWN}-10-07`).toBe(true);
    expect(window.calendarKnowsYear).toBe(false);

    const unconfirmed = await t.graphql(`mutation($y: Int!) { unconfirmCalendarYear(year: $y) { entered } }`, { y: UNKNOWN }, admin);
    expect(unconfirmed.data!.unconfirmCalendarYear.entered).toBe(false);
    expect((await t.graphql(WINDOW, { s: `${UNKNOWN}-09-28` }, county)).errors![0].message).toContain('尚未录入');
  });
});

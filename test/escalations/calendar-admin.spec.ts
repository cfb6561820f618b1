import { AdminAuditService } from '@dh/audit';
import { WorkingCalendar } from '@dh/calendar';
import { auth, World } from '../support/fixtures';
import { CaseBody, move, openCase, PAYLOADS } from '../support/case-helpers';
import { startTestApp, TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

type Entry = {
  date: string;
  kind: string;
  name: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  decision: string;
};
type DeadlineBody = { kind: string; dueAt: string; rule: string };

const DECREE = { decisionNumber: 'Quyết định số 123/QĐ-TTg', decisionDate: '2026-11-05' };
const dayOff = (date: string, name = 'Nghỉ theo quyết định của Thủ tướng') => ({
  date,
  kind: 'day_off',
  name,
  ...DECREE,
});
const workedSaturday = (date: string) => ({ date, kind: 'working_day', name: 'Làm bù', ...DECREE });

// Issue 13, point 18: the admin keeps the working calendar in the app, a year at a time, each day with the
// decision that set it; the HOLIDAYS_DIR file seeds a year never set; a change moves the open deadlines it touches.
describe('the working calendar kept in the app', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const admin = () => auth(w.users.adminW);
  const put = (year: number | string, entries: unknown, who = admin()) =>
    t.http().put(`/api/admin/calendar/${year}`).set(who).send({ entries });
  const get = async (year: number) =>
    (await t.http().get(`/api/admin/calendar/${year}`).set(admin()).expect(200)).body as {
      source: string;
      entries: Entry[];
      items: { date: string; name: string; kind: string; decision?: string }[];
    };
  const clock = async (c: { id: string }, kind: string): Promise<DeadlineBody> => {
    const got = await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.counsellorA)).expect(200);
    return (got.body.deadlines as DeadlineBody[]).find((d) => d.kind === kind) as DeadlineBody;
  };
  const calendarEvents = async () =>
    (await t.app.get(AdminAuditService).list()).filter((e) => e.type === 'CALENDAR_YEAR_UPDATED');
  const inAssessment = async (): Promise<CaseBody> =>
    move(t, w.users.counsellorA, await openCase(t, w), 'START_ASSESSMENT');

  it('a year never set in the app is the HOLIDAYS_DIR file’s, or the statutory days alone', async () => {
    const y2026 = await get(2026);
    expect(y2026.source).toBe('file');
    expect(y2026.entries.find((e) => e.date === '2026-01-10')).toEqual({
      date: '2026-01-10',
      kind: 'working_day',
      name: 'Làm bù cho Thứ Sáu 02/01',
      decisionNumber: 'Công văn 12729/VPCP-KGVX',
      decisionDate: '2025-12-25',
      decision: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
    });
    expect(y2026.items.find((d) => d.date === '2026-01-02')).toMatchObject({ kind: 'override' });
    const y2027 = await get(2027);
    expect(y2027).toMatchObject({ source: 'statutory', entries: [] });
    expect(y2027.items.find((d) => d.date === '2027-09-02')).toMatchObject({ kind: 'holiday' });
  });

  it('a day off added moves an open 5-working-day deadline a working day later; removed, it moves back', async () => {
    t.clock.set('2027-03-01T09:00:00+07:00'); // Monday
    const c = await inAssessment();
    const before = (await clock(c, 'assessment_due')).dueAt;
    expect(before).toBe('2027-03-08T10:00:00.000Z'); // Monday after, at its close (17:00)

    const added = await put(2027, [dayOff('2027-03-03')]).expect(200);
    expect(added.body).toMatchObject({ source: 'app', movedDeadlines: expect.any(Number) });
    expect(added.body.items.find((d: { date: string }) => d.date === '2027-03-03')).toMatchObject({
      kind: 'override',
      decision: 'Quyết định số 123/QĐ-TTg ngày 05/11/2026',
    });
    expect(await clock(c, 'assessment_due')).toMatchObject({ dueAt: '2027-03-09T10:00:00.000Z', rule: 'default' });
    // Its rungs still to come moved with it: the reminder a working day before, the overdue at the due time.
    const rungs = await world.pg.query(
      `SELECT l.level, l.due_at FROM deadline_level l JOIN deadline d ON d.id = l.deadline_id
        WHERE d.case_id = $1 AND d.kind = 'assessment_due' AND l.level IN ('reminder', 'overdue') ORDER BY l.level`,
      [c.id],
    );
    expect(rungs.rows.map((r) => [r.level, (r.due_at as Date).toISOString()])).toEqual([
      ['overdue', '2027-03-09T10:00:00.000Z'],
      ['reminder', '2027-03-08T10:00:00.000Z'],
    ]);

    await put(2027, []).expect(200);
    expect((await clock(c, 'assessment_due')).dueAt).toBe(before);
    expect(await get(2027)).toMatchObject({ source: 'app', entries: [] });
  });

  it('a Saturday worked brings it a day earlier', async () => {
    t.clock.set('2027-03-01T09:00:00+07:00');
    const c = await inAssessment();
    await put(2027, [workedSaturday('2027-03-06')]).expect(200);
    expect((await clock(c, 'assessment_due')).dueAt).toBe('2027-03-06T10:00:00.000Z');
    await put(2027, []).expect(200);
    expect((await clock(c, 'assessment_due')).dueAt).toBe('2027-03-08T10:00:00.000Z');
  });

  it('a plan review date that becomes a day off is due at the close of the next working day', async () => {
    t.clock.set('2027-03-01T09:00:00+07:00');
    const tv = w.users.counsellorA;
    let c = await inAssessment();
    c = await move(t, tv, c, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('low'));
    c = await move(t, tv, c, 'SUBMIT_PLAN', { ...PAYLOADS.plan, reviewDate: '2027-03-11' }); // Thursday
    expect(await clock(c, 'plan_review')).toMatchObject({
      dueAt: '2027-03-11T10:00:00.000Z',
      rule: 'plan_review_date',
    });
    await put(2027, [dayOff('2027-03-11')]).expect(200);
    expect(await clock(c, 'plan_review')).toMatchObject({
      dueAt: '2027-03-12T10:00:00.000Z',
      rule: 'plan_review_date',
    });
    await put(2027, []).expect(200);
    expect((await clock(c, 'plan_review')).dueAt).toBe('2027-03-11T10:00:00.000Z');
  });

  it('each change is an event of the admin chain, with the days changed and the deadlines moved', async () => {
    t.clock.set('2027-03-01T09:00:00+07:00');
    const c = await inAssessment();
    const seen = (await calendarEvents()).length;
    await put(2027, [dayOff('2027-03-03')]).expect(200);
    // Sent again unchanged: nothing to record.
    await put(2027, [dayOff('2027-03-03')]).expect(200);
    await put(2027, [dayOff('2027-03-03', 'Nghỉ bù (đã sửa tên)')]).expect(200);
    const events = (await calendarEvents()).slice(seen);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      actorId: w.users.adminW.id,
      actorRole: 'admin',
      payload: {
        year: 2027,
        sourceBefore: 'app',
        added: [
          {
            date: '2027-03-03',
            kind: 'day_off',
            decisionNumber: 'Quyết định số 123/QĐ-TTg',
            decisionDate: '2026-11-05',
          },
        ],
        removed: [],
      },
    });
    expect(
      (events[0].payload.movedDeadlines as { caseId: string; kind: string; from: string; to: string }[]).find(
        (m) => m.caseId === c.id,
      ),
    ).toMatchObject({ kind: 'assessment_due', from: '2027-03-08T10:00:00.000Z', to: '2027-03-09T10:00:00.000Z' });
    expect(events[1].payload).toMatchObject({
      changed: [{ before: { name: 'Nghỉ theo quyết định của Thủ tướng' }, after: { name: 'Nghỉ bù (đã sửa tên)' } }],
      movedDeadlines: [],
    });
    expect(await t.app.get(AdminAuditService).verify()).toMatchObject({ valid: true });
    await put(2027, []).expect(200);
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    t.clock.set('2027-03-01T09:00:00+07:00');
    const c = await inAssessment();
    await put(2027, [dayOff('2027-03-03')]).expect(200);
    const due = (await clock(c, 'assessment_due')).dueAt;
    const seen = (await calendarEvents()).length;
    const refused = async (year: number | string, entries: unknown, field: string) => {
      const res = await put(year, entries).expect(400);
      expect({ field, got: res.body.details.map((d: { field: string }) => d.field) }).toEqual({
        field,
        got: expect.arrayContaining([field]),
      });
    };
    await refused(2027, [dayOff('2028-03-03')], 'entries[0].date');
    await refused(2027, [dayOff('2027-02-30')], 'entries[0].date');
    await refused(2027, [dayOff('2027-03-04'), dayOff('2027-03-04')], 'entries[1].date');
    await refused(2027, [{ ...dayOff('2027-03-04'), kind: 'holiday' }], 'entries[0].kind');
    await refused(2027, [{ ...dayOff('2027-03-04'), decisionNumber: ' ' }], 'entries[0].decisionNumber');
    await refused(
      2027,
      [{ date: '2027-03-04', kind: 'day_off', name: 'Nghỉ', decisionNumber: 'QĐ 1' }],
      'entries[0].decisionDate',
    );
    await refused(2027, [{ ...dayOff('2027-03-04'), decisionDate: '2027-03-02' }], 'entries[0].decisionDate'); // tomorrow
    await refused(2027, [{ ...dayOff('2027-03-04'), name: '' }], 'entries[0].name');
    await refused(2027, 'nope', 'entries');
    await refused('abc', [], 'year');
    await refused(1999, [], 'year');
    for (const who of [w.users.counsellorA, w.users.supervisorA, w.users.principalA, w.users.wardW]) {
      await put(2027, [dayOff('2027-03-04')], auth(who)).expect(403);
      await t.http().get('/api/admin/calendar/2027').set(auth(who)).expect(403);
    }
    expect((await clock(c, 'assessment_due')).dueAt).toBe(due);
    expect((await get(2027)).entries.map((e) => e.date)).toEqual(['2027-03-03']);
    expect(await calendarEvents()).toHaveLength(seen);
    await put(2027, []).expect(200);
  });

  it('the first change of a file’s year replaces the file’s list, and a restart reads the app’s days', async () => {
    t.clock.set('2026-03-02T09:00:00+07:00');
    const file = await get(2026);
    const sent = file.entries
      .filter((e) => e.date !== '2026-11-24') // Ngày Văn hóa Việt Nam stays a statutory day without the file
      .map(({ date, kind, name, decisionNumber, decisionDate }) => ({
        date,
        kind,
        name,
        decisionNumber,
        decisionDate,
      }));
    await put(
      2026,
      [...sent, dayOff('2026-03-04')].map((e) => (e.date === '2026-03-04' ? { ...e, decisionDate: '2026-02-20' } : e)),
    ).expect(200);
    const app = await get(2026);
    expect(app.source).toBe('app');
    expect(app.entries.map((e) => e.date)).toEqual([...sent.map((e) => e.date), '2026-03-04'].sort());
    expect((await calendarEvents()).at(-1)?.payload).toMatchObject({
      year: 2026,
      sourceBefore: 'file',
      added: [{ date: '2026-03-04' }],
      removed: [{ date: '2026-11-24' }],
    });

    const restarted = await startTestApp({}, { database: t.db });
    try {
      const calendar = restarted.app.get(WorkingCalendar);
      expect(calendar.dayOff('2026-03-04')).toMatchObject({
        kind: 'override',
        decision: 'Quyết định số 123/QĐ-TTg ngày 20/02/2026',
      });
      expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
    } finally {
      await restarted.close();
    }
  });
});

import { EscalationSweepService } from '@dh/escalations';
import { auth, Login, World } from '../support/fixtures';
import { openCase } from '../support/case-helpers';
import { submitReport } from '../support/report-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('school figures: one school’s counts, its overdue cases and the reports it owes this school year', () => {
  let t: TestApp;
  let w: World;
  const figures = (who: Login, query: Record<string, string>) =>
    t.http().get('/api/reports/school/figures').query(query).set(auth(who));

  // School A: two open cases at intake whose first clock has run out; the sweep opened the school-year report
  // clock (15/01 had already passed, so semester I has none).
  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w } = world);
    t.clock.set('2026-03-02T09:00:00+07:00');
    await t.app.get(EscalationSweepService).sweepOnce();
    await openCase(t, w);
    await openCase(t, w);
    t.clock.set('2026-04-01T09:00:00+07:00');
  });

  const reports = (submittedAt: string | null) => [
    { kind: 'report_semester1', dueAt: '2026-01-15T10:00:00.000Z', submittedAt: null, hasClock: false },
    { kind: 'report_year', dueAt: '2026-05-15T10:00:00.000Z', submittedAt, hasClock: true },
  ];

  it('gives the principal their school counted exactly, with the overdue cases and both report dates', async () => {
    const res = await figures(w.users.principalA, { schoolId: w.schoolA }).expect(200);
    expect(res.body).toMatchObject({
      schoolYear: '2025-2026',
      asOf: '2026-04-01T02:00:00.000Z',
      school: {
        schoolId: w.schoolA,
        masked: false,
        open: { total: 2, byStage: { intake: 2, assessment: 0 }, byRisk: { medium: 2 }, byArea: { tam_ly: 2 } },
        closedThisSchoolYear: 0,
      },
      overdue: 2,
      reports: reports(null),
    });
  });

  it('shows the school-year report as submitted once the principal records it', async () => {
    await submitReport(t, w.users.principalA, w.schoolA, 'school_year', '2025-2026');
    const res = await figures(w.users.principalA, { schoolId: w.schoolA }).expect(200);
    expect(res.body.reports).toEqual(reports('2026-04-01T02:00:00.000Z'));
  });

  it('masks small cells for the ward officer, the overdue count too', async () => {
    const res = await figures(w.users.wardW, { schoolId: w.schoolA }).expect(200);
    expect(res.body.school).toMatchObject({ masked: true, open: { total: '<5', byStage: { intake: '<5' } } });
    expect(res.body.overdue).toBe('<5');
  });

  it('answers another school’s principal 404, a counsellor 403, a missing or malformed school 400', async () => {
    await figures(w.users.principalB, { schoolId: w.schoolA }).expect(404);
    await figures(w.users.counsellorA, { schoolId: w.schoolA }).expect(403);
    await figures(w.users.principalA, {}).expect(400);
    await figures(w.users.principalA, { schoolId: 'truong-a' }).expect(400);
  });
});

import ExcelJS from 'exceljs';
import { binary } from '../support/docx';
import { auth, Login, World } from '../support/fixtures';
import { openCase } from '../support/case-helpers';
import { submitReport } from '../support/report-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

const YEAR = '2026-2027';

type Line = { name: string; status: string; late: boolean; workingDaysLate: number; firstSubmittedAt: string | null };

// The ward officer's table of the ward's schools for one report (who sent it, who is late, by how many working
// days), the accepted reports summed, and the school years side by side for the plan's reviews.
describe('the ward’s reports', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const post = (who: Login, path: string, body: object = {}) =>
    t
      .http()
      .post(path)
      .set(auth(who))
      .send(body)
      .expect((r) => expect(r.status).toBeLessThan(300));
  const draftAndSubmit = (principal: Login, schoolId: string, kind: 'semester_1' | 'school_year' = 'semester_1') =>
    submitReport(t, principal, schoolId, kind, YEAR);
  const status = async (kind = 'semester_1') =>
    (await t.http().get('/api/reports/ward').query({ schoolYear: YEAR, kind }).set(auth(w.users.wardW)).expect(200))
      .body;
  const line = (body: { schools: Line[] }, name: string) => body.schools.find((s) => s.name === name) as Line;
  const A = 'Trường THCS Thử Nghiệm A';
  const B = 'Trường Tiểu học Thử Nghiệm B';

  it('shows each school’s report, on time or late by working days, and sums the accepted ones suppressed', async () => {
    const { principalA: htA, principalB: htB, wardW: vh, counsellorB: tvB } = w.users;
    const school = (
      await post(w.users.adminW, '/api/admin/schools', { wardId: w.ward, code: 'TC', name: 'Trường THCS Thử Nghiệm C' })
    ).body;
    t.clock.set('2026-11-02T09:00:00+07:00');
    for (let i = 0; i < 6; i++) await openCase(t, w);
    await openCase(t, w, { by: tvB, schoolId: w.schoolB });

    t.clock.set('2027-01-11T09:00:00+07:00');
    let a = await draftAndSubmit(htA, w.schoolA);
    // Due Friday 15 January 2027 at 17:00; B sends on Tuesday 19th: two working days late.
    t.clock.set('2027-01-19T10:00:00+07:00');
    const b = await draftAndSubmit(htB, w.schoolB);
    t.clock.set('2027-01-20T10:00:00+07:00');
    let now = await status();
    expect(now.dueAt).toBe(new Date('2027-01-15T17:00:00+07:00').toISOString());
    expect(line(now, A)).toMatchObject({ status: 'submitted', late: false, workingDaysLate: 0 });
    expect(line(now, B)).toMatchObject({ status: 'submitted', late: true, workingDaysLate: 2 });
    expect(line(now, school.name)).toMatchObject({ status: 'not_started', late: true, workingDaysLate: 3 });
    expect(now.rollUp).toEqual({ reports: 0, figures: null, tables: [] });

    // Returned and sent again, A was still on time: its first sending counts.
    a = (await post(vh, `/api/reports/${a.id}/return`, { version: a.version, reason: 'Bổ sung.' })).body;
    expect(line(await status(), A).status).toBe('returned');
    a = (await post(htA, `/api/reports/${a.id}/submit`, { version: a.version })).body;
    await post(vh, `/api/reports/${a.id}/accept`, { version: a.version });
    await post(vh, `/api/reports/${b.id}/accept`, { version: b.version });
    now = await status();
    expect(line(now, A)).toMatchObject({ status: 'accepted', late: false });
    expect(now.rollUp.reports).toBe(2);
    // Six cases and one: seven in all, but the one case of B is not to be worked out from the schools' lines.
    expect(now.rollUp.figures.casesOpened.total).toBe(7);
    expect(now.rollUp.figures.schoolRecords.facilities).toBeNull();
    // The page shows the roll-up as the workbook prints it.
    const summary = now.rollUp.tables.find((tb: { sheet: string }) => tb.sheet === 'Số liệu chung');
    expect(summary.rows).toContainEqual(['Hồ sơ mới tiếp nhận', 7]);

    // The workbook the ward sends on: every school's report with the anchor it was sent with, then the sums.
    const file = await t
      .http()
      .get('/api/reports/ward/export')
      .query({ schoolYear: YEAR, kind: 'semester_1' })
      .set(auth(vh))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(file.headers['content-disposition']).toContain('tong-hop-semester-1-2026-2027.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name).slice(0, 3)).toEqual(['Thông tin', 'Các trường', 'Số liệu chung']);
    const info = book.getWorksheet('Thông tin')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(info.map((r) => r[2])).toEqual(
      expect.arrayContaining(['Tổng hợp báo cáo Sơ kết học kỳ I năm học 2026-2027 của các trường', '2']),
    );
    const schools = book.getWorksheet('Các trường')!;
    expect(schools.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = (schools.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(2, 7));
    const accepted = await t.http().get(`/api/reports/${b.id}`).set(auth(vh)).expect(200);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Trường THCS Thử Nghiệm C', 'Chưa lập', undefined, 3, undefined],
        [B, 'Đã tiếp nhận', b.submittedAt, 2, accepted.body.anchorDigest],
      ]),
    );
    const sums = book.getWorksheet('Số liệu chung')!;
    const opened = sums.getRows(2, sums.rowCount - 1)!.find((r) => r.getCell(1).value === 'Hồ sơ mới tiếp nhận')!;
    expect(opened.getCell(2).value).toBe(7);
    await t
      .http()
      .get('/api/reports/ward/export')
      .query({ schoolYear: YEAR, kind: 'semester_1' })
      .set(auth(htA))
      .expect(403);

    for (const who of [htA, w.users.supervisorA, w.users.counsellorA, w.users.adminW])
      await t
        .http()
        .get('/api/reports/ward')
        .query({ schoolYear: YEAR, kind: 'semester_1' })
        .set(auth(who))
        .expect(403);
    const bad = await t
      .http()
      .get('/api/reports/ward')
      .query({ schoolYear: '2026', kind: 'monthly' })
      .set(auth(vh))
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['kind', 'schoolYear']);
  });

  it('lays the accepted school-year reports side by side for the plan’s reviews, each school suppressed', async () => {
    const { principalA: htA, wardW: vh } = w.users;
    t.clock.set('2027-05-10T09:00:00+07:00');
    const y = await draftAndSubmit(htA, w.schoolA, 'school_year');
    await post(vh, `/api/reports/${y.id}/accept`, { version: y.version });
    const review = (
      await t.http().get('/api/reports/ward/review').query({ from: 2026, to: 2027 }).set(auth(vh)).expect(200)
    ).body;
    expect(review.years.map((r: { schoolYear: string; reports: number }) => [r.schoolYear, r.reports])).toEqual([
      ['2026-2027', 1],
      ['2027-2028', 0],
    ]);
    const [first] = review.years;
    expect(first.schools).toEqual([expect.objectContaining({ name: A })]);
    expect(first.schools[0].figures.casesOpened.total).toBe(6);
    expect(first.figures.casesOpened.total).toBe(6);
    await t.http().get('/api/reports/ward/review').query({ from: 2030, to: 2026 }).set(auth(vh)).expect(400);
    await t.http().get('/api/reports/ward/review').query({ from: 2026, to: 2030 }).set(auth(htA)).expect(403);
  });
});

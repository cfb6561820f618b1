import ExcelJS from 'exceljs';
import { auth, Login, World } from '../support/fixtures';
import { openCase } from '../support/case-helpers';
import { binary, readDocx, tablesOf } from '../support/docx';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// A submitted semester I report downloaded as the .docx and the .xlsx the offices exchange: headings, sections in
// the plan's order, the figures as tables with "<5" whoever downloads (the file leaves the school), the anchor.
describe('a report as .docx and .xlsx', () => {
  let t: TestApp;
  let w: World;
  let report: { id: string; anchorDigest: string };
  const world = useTestWorld();
  const download = (who: Login, format: string) =>
    t.http().get(`/api/reports/${report.id}/export`).query({ format }).set(auth(who)).buffer(true).parse(binary);

  beforeAll(async () => {
    ({ t, w } = world);
    const { principalA: ht } = w.users;
    t.clock.set('2026-10-05T09:00:00+07:00');
    for (let i = 0; i < 5; i++) await openCase(t, w);
    await openCase(t, w, { riskLevel: 'high' });
    await openCase(t, w, { riskLevel: 'low', body: { channel: 'cha_me' } });
    const body = { schoolId: w.schoolA, kind: 'semester_1', schoolYear: '2026-2027' };
    const draft = (await t.http().post('/api/reports').set(auth(ht)).send(body).expect(201)).body;
    const texts = {
      direction: 'Nhà trường ban hành kế hoạch số 12/KH-THCS.\nPhân công tổ tư vấn.',
      proposals: 'Đề nghị phường hỗ trợ tập huấn.',
    };
    const edited = (
      await t.http().patch(`/api/reports/${draft.id}`).set(auth(ht)).send({ version: 1, texts }).expect(200)
    ).body;
    t.clock.set('2027-01-12T09:00:00+07:00');
    report = (
      await t.http().post(`/api/reports/${draft.id}/submit`).set(auth(ht)).send({ version: edited.version }).expect(200)
    ).body;
  });

  it('prints the national heading, the sections in order, the figures suppressed and the anchor on the last page', async () => {
    const res = await download(w.users.principalA, 'docx').expect(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(res.headers['content-disposition']).toContain('bao-cao-semester-1-2026-2027.docx');
    const { xml, runs } = readDocx(res.body as Buffer);
    const text = runs.join('\n');
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TRƯỜNG THCS THỬ NGHIỆM A',
      'BÁO CÁO SƠ KẾT HỌC KỲ I NĂM HỌC 2026-2027',
      'Thời gian báo cáo: từ ngày 05/09/2026 đến ngày 15/01/2027',
      'ngày 12 tháng 01 năm 2027',
      'Nhà trường ban hành kế hoạch số 12/KH-THCS.',
      'Phân công tổ tư vấn.',
      'HIỆU TRƯỞNG',
    ])
      expect(text).toContain(line);
    const order = ['I. CÔNG TÁC', 'II. CÔNG TÁC', 'III. KẾT QUẢ', 'IV. KHÓ KHĂN', 'V. ĐỀ XUẤT'].map((h) =>
      runs.findIndex((r) => r.startsWith(h)),
    );
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]))).toBe(true);
    // The school downloads it, yet the high- and low-risk learners are "<5": the file leaves the school.
    const risk = tablesOf(xml).find((tb) => tb.rows[0].join('|') === 'Phân loại|Khi tiếp nhận|Cao nhất trong kỳ');
    expect(risk?.rows).toEqual(
      expect.arrayContaining([
        ['Cao', '<5', '<5'],
        ['Thấp', '<5', '<5'],
      ]),
    );
    expect(text).not.toContain('Lê Văn');
    const pageBreak = xml.indexOf('<w:br w:type="page"/>');
    expect(pageBreak).toBeGreaterThan(0);
    expect(xml.indexOf(report.anchorDigest)).toBeGreaterThan(pageBreak);
  });

  it('writes a workbook: what it is first, one sheet per table, numbers as numbers, "<5" as text, headers frozen', async () => {
    const res = await download(w.users.wardW, 'xlsx').expect(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ExcelJS.Buffer);
    const names = book.worksheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(['Thông tin', 'Số liệu chung', 'Tiếp nhận - hình thức']);
    const info = book.getWorksheet('Thông tin')!;
    const infoRows = info.getSheetValues().filter(Boolean) as unknown[][];
    expect(infoRows.map((r) => r[2])).toEqual(
      expect.arrayContaining(['Trường THCS Thử Nghiệm A', '05/09/2026 – 15/01/2027', report.anchorDigest]),
    );
    const risk = book.getWorksheet('Tiếp nhận - nguy cơ')!;
    expect(risk.getRow(1).values).toEqual([undefined, 'Phân loại', 'Khi tiếp nhận', 'Cao nhất trong kỳ']);
    const row = (label: string) => risk.getRows(2, risk.rowCount - 1)!.find((r) => r.getCell(1).value === label)!;
    // Five at medium risk are hidden too: with the total and two "<5", high and low would be 1 each.
    expect(['Cao', 'Thấp', 'Trung bình'].map((l) => row(l).getCell(2).value)).toEqual(['<5', '<5', '<5']);
    expect(row('Nghiêm trọng').getCell(2).value).toBe(0);
    const summary = book.getWorksheet('Số liệu chung')!;
    const opened = summary.getRows(2, summary.rowCount - 1)!.find((r) => r.getCell(1).value === 'Hồ sơ mới tiếp nhận')!;
    expect(opened.getCell(2).value).toBe(7);
    expect(opened.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(risk.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(risk.getColumn(1).width).toBeGreaterThanOrEqual(30);
  });

  it('shows its reader the tables as the files print them, small counts hidden even from the school', async () => {
    const res = await t.http().get(`/api/reports/${report.id}/tables`).set(auth(w.users.principalA)).expect(200);
    const risk = res.body.find((tb: { sheet: string }) => tb.sheet === 'Tiếp nhận - nguy cơ');
    expect(risk.header).toEqual(['Phân loại', 'Khi tiếp nhận', 'Cao nhất trong kỳ']);
    expect(risk.rows).toEqual(
      expect.arrayContaining([
        ['Cao', '<5', '<5'],
        ['Nghiêm trọng', 0, 0],
      ]),
    );
    await t.http().get(`/api/reports/${report.id}/tables`).set(auth(w.users.principalB)).expect(404);
  });

  it('is downloaded by those who read the report, in the formats it has', async () => {
    await download(w.users.counsellorA, 'docx').expect(403);
    await download(w.users.principalB, 'docx').expect(404);
    const bad = await t
      .http()
      .get(`/api/reports/${report.id}/export`)
      .query({ format: 'pdf' })
      .set(auth(w.users.principalA))
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['format']);
  });
});

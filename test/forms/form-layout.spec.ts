import { longestWordWidth } from '@dh/forms';
import { auth } from '../support/fixtures';
import { getForm, readDocx, tablesOf } from '../support/docx';
import { move, PAYLOADS } from '../support/case-helpers';
import { useTestWorld } from '../support/test-world';

// A4 less the margins of Decree 30 (3 cm left, 2 cm right), in twips.
const TEXT_WIDTH = 11906 - 1701 - 1134;
// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in Times New Roman bold 13 pt, measured from the font's tables.
const HEADING_WIDTH = 5424;
const isDots = (text: string) => /^…*$/.test(text);

// The layout a school office expects of an administrative form (Decree 30/2020): who issues it, the national
// heading, the form's number, tables that keep words whole, and the principal's signature and stamp.
describe('Forms 01–04 laid out as a school office reads them', () => {
  const world = useTestWorld();
  let caseId: string;

  beforeAll(async () => {
    const { t, w } = world;
    const learner = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({
        schoolId: w.schoolA,
        fullName: 'Phạm Quốc Trường',
        dateOfBirth: '2012-11-20',
        sex: 'nam',
        className: '8A2',
        confirmDistinct: true,
      })
      .expect(201);
    const opened = (
      await t
        .http()
        .post('/api/cases')
        .set(auth(w.users.counsellorA))
        .send({
          schoolId: w.schoolA,
          learnerId: learner.body.id,
          areas: [{ code: 'huong_nghiep', priority: 1 }],
          channel: 'truc_tiep',
          summary: 'Em băn khoăn chọn trường nghề.',
          riskLevel: 'low',
          riskRationale: 'Không có dấu hiệu nguy hiểm.',
        })
        .expect(201)
    ).body;
    const started = await move(t, w.users.counsellorA, opened, 'START_ASSESSMENT');
    await move(t, w.users.counsellorA, started, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('low'));
    await t
      .http()
      .post(`/api/cases/${opened.id}/sessions`)
      .set(auth(w.users.counsellorA))
      .send({
        mode: 'truc_tuyen',
        channel: 'dien_thoai',
        startedAt: '2026-03-02T08:50:00+07:00',
        minutes: 30,
        methods: ['Trắc nghiệm hướng nghiệp Holland', 'Phỏng vấn thấu cảm'],
        evaluation: 'Em xác định được nhóm nghề phù hợp.',
        ending: 'tiep_tuc',
        nextAppointment: '2026-03-09T08:30:00+07:00',
        place: 'Phòng tư vấn',
      })
      .expect(201);
    caseId = opened.id;
  });

  const print = async (n: string) =>
    readDocx((await getForm(world.t, world.w.users.supervisorA, caseId, n).expect(200)).body);

  it('each form opens with the ward’s committee over the school in capitals, the national heading, then “Mẫu số 0N” and the title', async () => {
    for (const n of ['01', '02', '03', '04']) {
      const { runs, xml } = await print(n);
      const [letterhead] = tablesOf(xml);
      expect({ n, cells: letterhead.rows }).toEqual({
        n,
        cells: [
          [
            'UBND PHƯỜNG THỬ NGHIỆM' + 'TRƯỜNG THCS THỬ NGHIỆM A',
            'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' + 'Độc lập - Tự do - Hạnh phúc',
          ],
        ],
      });
      const order = [
        'UBND PHƯỜNG THỬ NGHIỆM',
        'TRƯỜNG THCS THỬ NGHIỆM A',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        `Mẫu số ${n}`,
      ];
      expect({ n, at: order.map((text) => runs.indexOf(text)) }).toEqual({ n, at: [0, 1, 2, 3, 4] });
    }
  });

  it('the national heading keeps each of its two lines whole: its column is fixed and wider than the first line', async () => {
    const [letterhead] = tablesOf((await print('01')).xml);
    expect(letterhead.fixed).toBe(true);
    expect(letterhead.grid).toHaveLength(2);
    expect(letterhead.grid[0] + letterhead.grid[1]).toBe(TEXT_WIDTH);
    expect(letterhead.grid[1] - 2 * letterhead.cellMargin).toBeGreaterThanOrEqual(HEADING_WIDTH);
    // Each line its own paragraph, never run together or split.
    expect(letterhead.xml.match(/<w:p>|<w:p /g)?.length).toBe(4);
  });

  it('the session table has fixed column widths filling the page, each wide enough for the longest word it holds', async () => {
    const tables = tablesOf((await print('02')).xml);
    const sessions = tables.find((t) => t.rows[0].includes('Phương pháp áp dụng'))!;
    expect(sessions.fixed).toBe(true);
    expect(sessions.grid).toHaveLength(sessions.rows[0].length);
    expect(sessions.grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(sessions.rows[1]).toEqual(
      expect.arrayContaining([
        'Điện thoại',
        'Trắc nghiệm hướng nghiệp Holland; Phỏng vấn thấu cảm',
        '08 giờ 30, ngày 09/03/2026',
      ]),
    );
    const tooNarrow = sessions.grid.flatMap((width, i) =>
      sessions.rows.flatMap((row, r) => {
        const text = row[i];
        const needs = isDots(text) ? 0 : longestWordWidth(text, 22, r === 0);
        return width - 2 * sessions.cellMargin >= needs
          ? []
          : [{ column: sessions.rows[0][i], text, width, needs: Math.ceil(needs) }];
      }),
    );
    expect(tooNarrow).toEqual([]);
    // Every table of every form is laid out from its grid, not left to the reader's program.
    for (const n of ['01', '02', '03', '04']) {
      expect({ n, fixed: tablesOf((await print(n)).xml).map((t) => t.fixed && t.grid.length > 0) }).toEqual({
        n,
        fixed: expect.not.arrayContaining([false]),
      });
    }
  });

  it('Forms 03 and 04 leave the principal room to sign and stamp; 01 and 02 do not ask for it', async () => {
    for (const n of ['03', '04']) {
      const { runs } = await print(n);
      const at = runs.indexOf('HIỆU TRƯỞNG');
      expect({ n, principal: runs.slice(at, at + 2) }).toEqual({ n, principal: ['HIỆU TRƯỞNG', '(Ký tên, đóng dấu)'] });
      expect({ n, practitioner: runs.includes('(Ký, ghi rõ họ tên)') }).toEqual({ n, practitioner: true });
    }
    for (const n of ['01', '02'])
      expect({ n, principal: (await print(n)).runs.includes('HIỆU TRƯỞNG') }).toEqual({ n, principal: false });
  });
});

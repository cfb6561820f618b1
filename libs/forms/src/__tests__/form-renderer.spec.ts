import { join } from 'node:path';
import { hasRun, labelsOf, readDocx } from '../../../../test/support/docx';
import { loadFormTemplates } from '../form-template-file';
import { FormValues } from '../form-template';
import { columnWidths, issuingBody, NATIONAL_HEADING, renderForm } from '../form-renderer';
import { longestWordWidth, textWidth } from '../text-width';

const TEMPLATES = loadFormTemplates(join(__dirname, '../../../../config/forms'));
const letterhead = { schoolName: 'Trường THCS Đống Đa', wardName: 'Phường Đống Đa' };

describe('renderForm', () => {
  const sut = renderForm;
  const form01 = TEMPLATES.get('01')!;

  it('prints every label of every template, the national heading, the ward’s committee and the school in capitals, and the title', async () => {
    for (const template of TEMPLATES.values()) {
      const { runs } = readDocx(await sut(template, letterhead, {}));
      for (const text of [
        ...labelsOf(template),
        ...NATIONAL_HEADING,
        'UBND PHƯỜNG ĐỐNG ĐA',
        'TRƯỜNG THCS ĐỐNG ĐA',
        template.title,
      ]) {
        expect({ form: template.form, text, found: hasRun(runs, text) }).toEqual({
          form: template.form,
          text,
          found: true,
        });
      }
    }
  });

  it('prints each value whole, with its diacritics, and escapes what XML would misread', async () => {
    const values: FormValues = {
      'learner.fullName': 'Nguyễn Thị Ánh Tuyết',
      summary: 'Em bị bạn trêu chọc & đe dọa <trên mạng>.\nEm không muốn đến trường.',
      'learner.dateOfBirth': '2013-05-14',
      receivedAt: '2026-03-02 09:05',
      'receiver.name': 'Trần Văn Hùng',
    };
    const { xml, runs } = readDocx(await sut(form01, letterhead, values));
    expect(hasRun(runs, 'Nguyễn Thị Ánh Tuyết')).toBe(true);
    expect(hasRun(runs, 'Em bị bạn trêu chọc & đe dọa <trên mạng>.')).toBe(true);
    expect(hasRun(runs, 'Em không muốn đến trường.')).toBe(true);
    expect(xml).toContain('&amp; đe dọa &lt;trên mạng&gt;');
    expect(hasRun(runs, '14/05/2013')).toBe(true);
    expect(hasRun(runs, '09 giờ 05, ngày 02/03/2026')).toBe(true);
    // The signature block: place and date of receipt, the signer's title, the instruction, the name.
    expect(hasRun(runs, 'Phường Đống Đa, ngày 02 tháng 03 năm 2026')).toBe(true);
    expect(hasRun(runs, '(Ký, ghi rõ họ tên)')).toBe(true);
    expect(hasRun(runs, 'Trần Văn Hùng')).toBe(true);
  });

  it('ticks the chosen options and leaves the others empty', async () => {
    const { runs } = readDocx(await sut(form01, letterhead, { 'learner.sex': 'nu', areas: ['tam_ly', 'hoc_tap'] }));
    expect(hasRun(runs, '☒ Nữ')).toBe(true);
    expect(hasRun(runs, '☐ Nam')).toBe(true);
    expect(hasRun(runs, '☒ Tâm lý')).toBe(true);
    expect(hasRun(runs, '☒ Học tập')).toBe(true);
    expect(hasRun(runs, '☐ Kỹ năng sống')).toBe(true);
  });

  it('prints a blank as a dotted line, like the paper form', async () => {
    const { runs } = readDocx(await sut(form01, { schoolName: 'Trường Tiểu học Kim Liên', wardName: null }, {}));
    const at = runs.findIndex((r) => r === 'Họ và tên người học: ');
    expect(runs[at + 1]).toMatch(/^…{10,}$/);
    expect(runs.some((r) => /^…+\/…+\/…+$/.test(r))).toBe(true);
    expect(runs.some((r) => /^…+, ngày …+ tháng …+ năm …+$/.test(r))).toBe(true);
    expect(runs.filter((r) => r.startsWith('☒'))).toEqual([]);
  });

  it('prints table rows, and blank rows to fill by hand when there are none', async () => {
    const form02 = TEMPLATES.get('02')!;
    const rows = [
      {
        date: '2026-03-05 09:00',
        mode: 'truc_tiep',
        place: 'Phòng tư vấn',
        channel: null,
        minutes: '45',
        methods: 'Lắng nghe tích cực',
        evaluation: 'Em cởi mở hơn',
        ending: 'tiep_tuc',
        nextAppointment: null,
      },
    ];
    const filled = readDocx(await sut(form02, letterhead, { sessions: rows }));
    const blank = readDocx(await sut(form02, letterhead, {})).xml;
    expect(filled.runs).toContain('Lắng nghe tích cực');
    // A coded column prints the template's words for the code, never the code.
    expect(filled.runs).toEqual(expect.arrayContaining(['Trực tiếp', 'Tiếp tục']));
    expect(filled.runs).not.toContain('truc_tiep');
    const rowsIn = (xml: string) => (xml.match(/<w:tr>|<w:tr /g) ?? []).length;
    // One table row less: the session replaces the four blank rows of the sessions table.
    expect(rowsIn(blank) - rowsIn(filled.xml)).toBe(3);
  });

  it('names the issuing body as the ward’s People’s Committee, once', () => {
    expect(issuingBody('Phường Đống Đa')).toBe('UBND PHƯỜNG ĐỐNG ĐA');
    expect(issuingBody('Xã Phù Đổng')).toBe('UBND XÃ PHÙ ĐỔNG');
    expect(issuingBody('UBND phường Kim Liên')).toBe('UBND PHƯỜNG KIM LIÊN');
  });

  it('sizes columns to their content: each at least its longest word, the page filled, short columns short', () => {
    const columns = [
      { header: 'STT', cells: ['1', '2'] },
      { header: 'Thời gian', cells: ['08 giờ 30, ngày 02/03/2026'] },
      {
        header: 'Nội dung trao đổi',
        cells: ['Trao đổi về giấc ngủ của em; mẹ cho biết em hay thức khuya và thường dùng điện thoại đến nửa đêm.'],
      },
      { header: 'Hình thức', cells: ['Điện thoại', '…………'] },
    ];
    const widths = columnWidths(columns, 9071);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9071);
    columns.forEach((c, i) =>
      expect(widths[i]).toBeGreaterThan(
        Math.max(
          longestWordWidth(c.header, 22, true),
          ...c.cells.map((t) => (/^…+$/.test(t) ? 0 : longestWordWidth(t, 22))),
        ),
      ),
    );
    expect(widths[0]).toBeLessThan(widths[1]);
    expect(widths[2]).toBe(Math.max(...widths));
  });

  it('a dotted blank ends on its own line: label and dots never wider than the page’s text width', async () => {
    for (const template of TEMPLATES.values()) {
      const { xml } = readDocx(await sut(template, letterhead, {}));
      const outsideTables = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
      const lines = [...outsideTables.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map(([p]) =>
        [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      );
      const tooLong = lines.filter((l) => /…{3,}$/.test(l) && textWidth(l, 26) > 11906 - 1701 - 1134);
      expect({ form: template.form, tooLong }).toEqual({ form: template.form, tooLong: [] });
    }
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORM_NUMBERS, loadFormTemplates, programPath } from '@dh/forms';
import { auth } from '../support/fixtures';
import { createLearner, historyOf, openCase } from '../support/case-helpers';
import { getForm } from '../support/docx';
import { useTestWorld } from '../support/test-world';

const TEMPLATES = loadFormTemplates(join(__dirname, '../../config/forms'));

const missingTools = ['soffice', 'pdftotext'].filter((p) => !programPath(p));
if (missingTools.length) {
  console.warn(
    `form-pdf.spec: PDF conversion tests skipped, not installed: ${missingTools.join(', ')} (apt-get install libreoffice-writer-nogui poppler-utils)`,
  );
}

// The text of a PDF as pdftotext reads it, every run of blanks (line breaks included) one space.
const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dh-pdf-text-'));
  try {
    writeFileSync(join(dir, 'form.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'form.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

(missingTools.length ? describe.skip : describe)('Forms 01–04 as PDF (LibreOffice installed)', () => {
  const world = useTestWorld();

  it('each form converts to a PDF that reads as the form: its title, the school, the learner', async () => {
    const { t, w } = world;
    const learnerName = 'Hoàng Thị Diệu Linh';
    const learner = await createLearner(t, w.users.counsellorA, w.schoolA, learnerName);
    const c = (
      await t
        .http()
        .post('/api/cases')
        .set(auth(w.users.counsellorA))
        .send({
          schoolId: w.schoolA,
          learnerId: learner.id,
          areas: [{ code: 'tam_ly', priority: 1 }],
          channel: 'giao_vien',
          summary: 'Giáo viên chủ nhiệm báo em thường xuyên buồn bã.',
          riskLevel: 'medium',
          riskRationale: 'Đánh giá ban đầu khi tiếp nhận.',
        })
        .expect(201)
    ).body;
    // Two at a time: each conversion has its own LibreOffice profile, so neither waits for nor breaks the other.
    const answers = await Promise.all(
      FORM_NUMBERS.map((n) => getForm(t, w.users.supervisorA, c.id, n, { format: 'pdf' })),
    );
    for (const [i, n] of FORM_NUMBERS.entries()) {
      const res = answers[i];
      expect({ n, status: res.status }).toEqual({ n, status: 200 });
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="Mau-${n}-${c.code}.pdf"`);
      expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(res.body as Buffer);
      const wanted = [TEMPLATES.get(n)!.title, learnerName];
      expect({ n, missing: wanted.filter((s) => !text.includes(s.replace(/\s+/g, ' '))) }).toEqual({ n, missing: [] });
      // The school, in capitals under the ward's committee: its name may take two lines beside the national heading.
      expect({ n, school: /UBND PHƯỜNG THỬ.*TRƯỜNG THCS THỬ.*NGHIỆM A/.test(text) }).toEqual({ n, school: true });
    }
    // Each PDF left its trace like a .docx does, saying it was a PDF.
    const generated = (await historyOf(t, w.users.supervisorA, c.id))
      .filter((e) => e.type === 'FORM_GENERATED')
      .map((e) => e.payload);
    expect(generated.map((p) => [p.form, p.format]).sort()).toEqual(FORM_NUMBERS.map((n) => [n, 'pdf']));
    // A cold LibreOffice per conversion takes seconds, more on a loaded CI machine.
  }, 300_000);
});

describe('Forms as PDF without LibreOffice', () => {
  // A server whose soffice is not where it is configured, as on a machine without LibreOffice.
  const world = useTestWorld({ SOFFICE_PATH: '/nonexistent/libreoffice/program/soffice' });

  it('asking for a PDF answers 501 naming the missing program, prints nothing and records nothing; the .docx still prints', async () => {
    const { t, w } = world;
    const c = await openCase(t, w);
    const res = await t
      .http()
      .get(`/api/cases/${c.id}/forms/01`)
      .query({ format: 'pdf' })
      .set(auth(w.users.supervisorA))
      .expect(501);
    expect(res.body.code).toBe('PDF_CONVERTER_MISSING');
    expect([res.body.message, res.body.messageEn]).toEqual([
      'Máy chủ chưa cài LibreOffice (soffice) để xuất PDF',
      'soffice (LibreOffice) is not installed on the server',
    ]);
    expect((await historyOf(t, w.users.supervisorA, c.id)).filter((e) => e.type === 'FORM_GENERATED')).toEqual([]);
    const docx = await getForm(t, w.users.supervisorA, c.id, '01', { format: 'docx' }).expect(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('a format other than docx or pdf is a 400 naming format, before anything is looked up', async () => {
    const { t, w } = world;
    const c = await openCase(t, w);
    for (const format of ['PDF', 'xlsx', 'pdf ', '', 'docx,pdf']) {
      const res = await t
        .http()
        .get(`/api/cases/${c.id}/forms/01`)
        .query({ format })
        .set(auth(w.users.supervisorA))
        .expect(400);
      expect({ format, fields: res.body.details.map((f: { field: string }) => f.field) }).toEqual({
        format,
        fields: ['format'],
      });
    }
  });
});

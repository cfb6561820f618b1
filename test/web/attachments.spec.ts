/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { browserMissing, choose, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { useWebTabs } from '../support/web-tabs';
import { pdfOf } from '../attachments/attachment-helpers';
import { PAYLOADS } from '../support/case-helpers';

const missing = browserMissing();
if (missing) process.stderr.write(`attachments.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: a case’s attachments', () => {
  const tabs = useWebTabs();
  const { openAs } = tabs;

  it('the counsellor uploads, downloads and withdraws a file; the principal sees only that it exists', async () => {
    const pg = new Client({ connectionString: tabs.web().db.url });
    await pg.connect();
    // A demo case of the counsellor's that the principal holds no grant for.
    const { rows } = await pg.query<{ id: string }>(
      `SELECT c.id FROM "case" c JOIN app_user u ON u.id = c.assignee_id
        WHERE u.username = 'tv.dongda' AND c.state NOT LIKE 'closed%'
          AND NOT EXISTS (SELECT 1 FROM confidential_grant g WHERE g.case_id = c.id)
        ORDER BY c.code LIMIT 1`,
    );
    await pg.end();
    const caseId = rows[0].id;
    const file = pdfOf(150_000, 'giay-kham');

    const page = await openAs('tv.dongda', `/ho-so/${caseId}`);
    await page.getByRole('tab', { name: 'Tệp đính kèm' }).click();
    await page.getByText('Chưa có tệp đính kèm nào.').waitFor();
    await page.getByLabel('Tệp (PDF, JPEG, PNG, HEIC, DOCX)').setInputFiles({
      name: 'giay-kham.pdf',
      mimeType: 'application/pdf',
      buffer: file,
    });
    await page.getByLabel('Chú thích').fill('Giấy khám sức khỏe của em');
    await page.getByRole('button', { name: 'Tải tệp lên' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Giấy khám sức khỏe của em' });
    await row.waitFor();
    expect(await row.textContent()).toContain('PDF');
    await screenshot(page, 'case-attachments');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Tải xuống' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('giay-kham.pdf');
    expect(Buffer.compare(await readFile(await download.path()), file)).toBe(0);

    await row.getByRole('button', { name: 'Rút tệp' }).click();
    const drawer = page.getByRole('dialog', { name: 'Rút tệp' });
    await drawer.getByLabel('Lý do').fill('Tải nhầm tệp');
    await drawer.getByRole('button', { name: 'Rút tệp' }).click();
    await drawer.waitFor({ state: 'detached' });
    await row.getByText('Đã rút: Tải nhầm tệp').waitFor();

    const principal = await openAs('ht.dongda', `/ho-so/${caseId}`);
    await principal.getByRole('tab', { name: 'Tệp đính kèm' }).click();
    const masked = principal.locator('.ant-table-row').filter({ hasText: 'PDF' });
    await masked.waitFor();
    expect(await masked.textContent()).toContain('Nội dung bảo mật');
    expect(await masked.textContent()).not.toContain('Giấy khám');
    expect(await masked.textContent()).not.toContain('Tải nhầm');
    expect(await masked.getByRole('button', { name: 'Tải xuống' }).count()).toBe(0);
  });

  it('a file attached to a session is listed under that session in the case’s chronology', async () => {
    const pg = new Client({ connectionString: tabs.web().db.url });
    await pg.connect();
    // A demo case of the counsellor's past intake, with no file yet.
    const { rows } = await pg.query<{ id: string }>(
      `SELECT c.id FROM "case" c JOIN app_user u ON u.id = c.assignee_id
        WHERE u.username = 'tv.dongda' AND c.state NOT LIKE 'closed%' AND c.state <> 'intake'
          AND NOT EXISTS (SELECT 1 FROM case_attachment a WHERE a.case_id = c.id)
        ORDER BY c.code LIMIT 1`,
    );
    await pg.end();
    const caseId = rows[0].id;

    const page = await openAs('tv.dongda', `/ho-so/${caseId}`);
    // Logged in and the case shown: the tab's token is in its sessionStorage.
    await page.getByRole('tab', { name: 'Tệp đính kèm' }).waitFor();
    // The session the file belongs to, recorded as the app records it, with the counsellor's own session.
    const recorded = await page.evaluate(
      async ({ id, session }) => {
        const { token } = JSON.parse(sessionStorage.getItem('dh.session') ?? '{}') as { token: string };
        const res = await fetch(`/api/cases/${id}/sessions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(session),
        });
        return `${res.status} ${await res.text()}`;
      },
      {
        id: caseId,
        // Half an hour before the web app's clock (2026-03-02 09:00 in Hà Nội).
        session: PAYLOADS.session,
      },
    );
    expect(recorded).toMatch(/^201 /);
    await page.reload();
    await page.getByRole('tab', { name: 'Tệp đính kèm' }).click();
    await page.getByText('Chưa có tệp đính kèm nào.').waitFor();
    await page.getByLabel('Tệp (PDF, JPEG, PNG, HEIC, DOCX)').setInputFiles({
      name: 'bien-ban.pdf',
      mimeType: 'application/pdf',
      buffer: pdfOf(20_000, 'bien-ban'),
    });
    await page.getByLabel('Chú thích').fill('Biên bản buổi tư vấn có chữ ký');
    await choose(page, page.getByLabel('Thuộc ghi chép'), 'Buổi tư vấn · 02/03/2026 08:30');
    await page.getByRole('button', { name: 'Tải tệp lên' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Biên bản buổi tư vấn có chữ ký' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Buổi tư vấn · 02/03/2026 08:30');

    await page.getByRole('tab', { name: 'Diễn biến' }).click();
    const listed = page.getByRole('list', { name: 'Tệp đính kèm của ghi chép này' });
    await listed.first().waitFor();
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).toContain('Tệp PDF');
    const entry = page.locator('.ant-timeline-item').filter({ has: listed });
    expect(await entry.textContent()).toContain('Buổi tư vấn');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

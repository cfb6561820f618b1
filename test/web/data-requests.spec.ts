/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@dh/demo';
import { browserMissing, choose, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`data-requests.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: a learner’s personal data and a case’s legal hold', () => {
  const tabs = useWebTabs();
  const { openAs } = tabs;

  const download = async (page: Page, button: string): Promise<{ name: string; body: Buffer }> => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
  };

  it('a supervisor records a guardian’s access request and downloads everything held about the learner', async () => {
    const page = await openAs('tt.dongda', '/du-lieu-ca-nhan');
    await page.getByRole('heading', { name: 'Yêu cầu về dữ liệu cá nhân', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Đồng Hành' })
      .getByRole('link', { name: 'Yêu cầu về dữ liệu', exact: true })
      .waitFor();

    await page.getByRole('button', { name: 'Ghi nhận yêu cầu' }).click();
    const drawer = page.getByRole('dialog', { name: 'Ghi nhận yêu cầu' });
    // The learner, found by a name typed without diacritics.
    await drawer.getByLabel('Học sinh', { exact: true }).fill('nguyen van duc');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Nguyễn Văn Đức' }).click();
    await choose(page, drawer.getByLabel('Loại yêu cầu'), 'Xem dữ liệu');
    await drawer.getByLabel('Người yêu cầu').fill('Trần Thị Hoa');
    await drawer.getByLabel('Quan hệ với học sinh').fill('mẹ');
    // The browser's "now" is past the server's: the API refuses it under its input, and nothing is recorded.
    await drawer.getByRole('button', { name: 'Ghi nhận yêu cầu' }).click();
    await drawer.locator('#receivedAt_help').getByText('Không được sau thời điểm hiện tại').waitFor();
    await screenshot(page, 'data-request-invalid');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await drawer.getByLabel('Thời điểm nhận').fill('02/03/2026 08:30');
    await drawer.getByLabel('Thời điểm nhận').press('Tab');
    await drawer.getByRole('button', { name: 'Ghi nhận yêu cầu' }).click();
    await drawer.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: 'Nguyễn Văn Đức' });
    await row.waitFor();
    for (const text of ['Xem dữ liệu', 'Trần Thị Hoa (mẹ)', '02/03/2026 08:30', 'Chưa trả lời', 'làm việc'])
      expect(await row.textContent()).toContain(text);
    await screenshot(page, 'data-requests');
    // The table's actions stay within the laptop's width: the table scrolls, the page does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      await page.evaluate(() => document.documentElement.clientWidth),
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const docx = await download(page, 'Tải dữ liệu (văn bản Word)');
    expect(docx.name).toBe('du-lieu-hoc-sinh.docx');
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    const json = await download(page, 'Tải dữ liệu (tệp JSON)');
    expect(json.name).toBe('du-lieu-hoc-sinh.json');
    const exported = JSON.parse(json.body.toString('utf8')) as { learner: { fullName: string }; cases: unknown[] };
    expect(exported.learner.fullName).toBe('Nguyễn Văn Đức');
    expect(exported.cases.length).toBeGreaterThan(0);

    // The export answered the request: its letter is there to download.
    await row.getByText('Đã trả lời').waitFor();
    const letter = await download(page, 'Tải thư trả lời');
    expect(letter.name).toBe('thu-tra-loi-yeu-cau.docx');
  });

  it('a supervisor holds a case against its retention period and releases it, both with a reason', async () => {
    const login = await tabs
      .web()
      .http()
      .post('/api/auth/login')
      .send({ username: 'tt.dongda', password: DEMO_PASSWORD });
    const cases = await tabs.web().http().get('/api/cases').set('Authorization', `Bearer ${login.body.accessToken}`);
    const caseId = (cases.body.items as { id: string }[])[0].id;

    const page = await openAs('tt.dongda', `/ho-so/${caseId}`);
    await page.getByRole('heading', { name: /^Hồ sơ / }).waitFor();
    const place = 'Giữ lại hồ sơ (yêu cầu pháp lý)';
    await page.getByRole('button', { name: place }).click();
    let drawer = page.getByRole('dialog', { name: place });
    await drawer.getByRole('button', { name: place }).click();
    await drawer.locator('#reason_help').getByText('Vui lòng nhập thông tin này').waitFor();
    await drawer.getByLabel('Lý do').fill('Công an phường đang điều tra vụ việc.');
    await drawer.getByRole('button', { name: place }).click();
    await drawer.waitFor({ state: 'detached' });
    expect(await page.getByTestId('legal-hold-tag').textContent()).toMatch(/^Đang giữ lại \(yêu cầu pháp lý\) từ /);
    // The case's story says it in words, not as a code.
    await page.getByText('Giữ lại hồ sơ theo yêu cầu pháp lý').waitFor();
    await screenshot(page, 'case-legal-hold');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Bỏ giữ lại' }).click();
    drawer = page.getByRole('dialog', { name: 'Bỏ giữ lại' });
    await drawer.getByLabel('Lý do bỏ giữ lại').fill('Cơ quan điều tra đã kết thúc vụ việc.');
    await drawer.getByRole('button', { name: 'Bỏ giữ lại' }).click();
    await drawer.waitFor({ state: 'detached' });
    await page.getByTestId('legal-hold-tag').waitFor({ state: 'detached' });
    await page.getByText('Bỏ giữ lại hồ sơ').waitFor();
    await page.getByRole('button', { name: place }).waitFor();
  });
});

/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@dh/demo';
import {
  browserMissing,
  LAPTOP,
  launchBrowser,
  logIn,
  PHONE,
  screenshot,
  seriousAccessibilityViolations,
  watchCspViolations,
} from '../support/browser';
import { startWebApp, WebApp } from '../support/web-app';

const missing = browserMissing();
if (missing) process.stderr.write(`case-page.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: a case’s page', () => {
  let web: WebApp;
  let browser: Browser;
  let intakeCaseId: string;
  let counsellorToken: string;
  const pages: { page: Page; csp: () => Promise<string[]> }[] = [];

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    const login = await web.http().post('/api/auth/login').send({ username: 'tv.dongda', password: DEMO_PASSWORD });
    counsellorToken = login.body.accessToken;
    const cases = await web.http().get('/api/cases?state=intake').set('Authorization', `Bearer ${counsellorToken}`);
    // The demo's own intake case, opened by this counsellor from a teacher's report (not a public one).
    intakeCaseId = cases.body.items.find((c: { channel: string }) => c.channel === 'giao_vien').id;
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });
  afterEach(async () => {
    for (const { page, csp } of pages.splice(0)) {
      expect(await csp()).toEqual([]);
      await page.close();
    }
  });

  // A tab of its own (sessionStorage is per tab), logged in as `username`, on `path`.
  const openAs = async (username: string, path: string, viewport = LAPTOP): Promise<Page> => {
    const page = await browser.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    pages.push({ page, csp: await watchCspViolations(page) });
    await page.goto(`${web.url}${path}`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await logIn(page, username, DEMO_PASSWORD);
    return page;
  };
  const stageOf = (page: Page) => page.getByTestId('case-stage');
  const sendEvent = async (page: Page, button: string, fields: Record<string, string> = {}) => {
    await page.getByRole('button', { name: button }).click();
    const drawer = page.getByRole('dialog', { name: button });
    for (const [label, value] of Object.entries(fields)) await drawer.getByLabel(label).fill(value);
    await drawer.getByRole('button', { name: 'Gửi' }).click();
    return drawer;
  };

  // An antd select: opened from its label, the option picked from the list it draws at the end of the page.
  const choose = async (page: Page, select: ReturnType<Page['getByLabel']>, option: string) => {
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
    // Closed again before the next step (its open list is antd's, unnamed for a screen reader while it shows).
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  };

  it('takes a counsellor from the list to a new case and into its assessment, the stage and clocks in words', async () => {
    const page = await openAs('tv.dongda', '/ho-so');
    await page.locator(`a[href="/ho-so/${intakeCaseId}"]`).click();
    await page.waitForURL(new RegExp(`/ho-so/${intakeCaseId}$`));
    await page.getByRole('heading', { name: /^Hồ sơ / }).waitFor();
    expect(await stageOf(page).textContent()).toBe('Tiếp nhận');
    // The intake clock runs, due at a time a person reads.
    expect(await page.getByTestId('deadline-list').textContent()).toMatch(/hạn \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await screenshot(page, 'case-intake');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const drawer = await sendEvent(page, 'Bắt đầu đánh giá');
    await drawer.waitFor({ state: 'detached' });
    await page.getByTestId('case-stage').getByText('Đánh giá', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Diễn biến' }).click();
    await page.getByText('Bắt đầu đánh giá').first().waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/START_ASSESSMENT|assessment\b|intake\b/);
    await screenshot(page, 'case-assessment');
  });

  it('answers the second of two senders with the reloaded case, keeps what they typed, and loses neither note', async () => {
    const first = await openAs('tv.dongda', `/ho-so/${intakeCaseId}`);
    const second = await openAs('tv.dongda', `/ho-so/${intakeCaseId}`);
    await first.getByTestId('case-version').waitFor();
    await second.getByTestId('case-version').waitFor();
    const before = Number(await second.getByTestId('case-version').textContent());

    const firstDrawer = await sendEvent(first, 'Thêm ghi chú', { 'Ghi chú': 'Gọi điện cho mẹ em lúc 9 giờ.' });
    // Seen once under load to stay open past 30 s (not reproduced since): when it does, say what the drawer shows.
    await firstDrawer.waitFor({ state: 'detached', timeout: 15_000 }).catch(async (e) => {
      process.stderr.write(
        `case-page.spec: the first sender's drawer stayed open: ${await firstDrawer.textContent()}\n`,
      );
      await screenshot(first, 'case-first-sender-stuck');
      throw e;
    });
    const drawer = await sendEvent(second, 'Thêm ghi chú', { 'Ghi chú': 'Em xin gặp lại vào thứ Sáu.' });
    const warning = drawer.getByRole('alert');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`phiên bản ${before + 1}`);
    // The case underneath is the one the first sender left; the typed note is still there to send.
    await second
      .getByTestId('case-version')
      .getByText(String(before + 1), { exact: true })
      .waitFor();
    expect(await drawer.getByLabel('Ghi chú').inputValue()).toBe('Em xin gặp lại vào thứ Sáu.');
    await screenshot(second, 'case-stale-version');
    await drawer.getByRole('button', { name: 'Gửi' }).click();
    await drawer.waitFor({ state: 'detached' });

    // Both notes kept: the case moved twice, and its chronology holds two notes (their text is sealed there).
    await second
      .getByTestId('case-version')
      .getByText(String(before + 2), { exact: true })
      .waitFor();
    const chronology = await web
      .http()
      .get(`/api/cases/${intakeCaseId}/chronology`)
      .set('Authorization', `Bearer ${counsellorToken}`);
    expect(chronology.body.items.filter((e: { kind: string }) => e.kind === 'note')).toHaveLength(2);
  });

  // Continues the first test's case, now in assessment.
  it('takes the assessment at high risk and a plan to the supervisor, who approves it', async () => {
    const page = await openAs('tv.dongda', `/ho-so/${intakeCaseId}`);
    await page.getByRole('button', { name: 'Hoàn thành đánh giá' }).click();
    const assessment = page.getByRole('dialog', { name: 'Hoàn thành đánh giá' });
    await choose(page, assessment.getByLabel('Mức độ nguy cơ', { exact: true }), 'Cao');
    await assessment.getByLabel('Lý do đánh giá mức độ nguy cơ').fill('Em nói đã nhiều lần nghĩ đến việc bỏ học.');
    await assessment.getByLabel('Khó khăn của học sinh').fill('Em căng thẳng vì điểm kém, ít bạn bè.');
    await assessment.getByLabel('Nhu cầu hỗ trợ').fill('Được lắng nghe; học phụ đạo môn Toán.');
    await screenshot(page, 'case-assessment-form');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await assessment.getByRole('button', { name: 'Gửi' }).click();
    await assessment.waitFor({ state: 'detached' });
    await stageOf(page).getByText('Lập kế hoạch hỗ trợ', { exact: true }).waitFor();
    expect(await page.getByTestId('case-risk').textContent()).toBe('Cao');

    await page.getByRole('button', { name: 'Nộp kế hoạch hỗ trợ' }).click();
    const plan = page.getByRole('dialog', { name: 'Nộp kế hoạch hỗ trợ' });
    // A review day as people write it; the goals one per line.
    await plan.getByLabel('Mục tiêu hỗ trợ').fill('Em đi học đều mỗi ngày\nEm có ít nhất một bạn thân trong lớp');
    await plan.getByLabel('Người chịu trách nhiệm').fill('Cô Nguyễn Thị Lan');
    await plan.getByLabel('Ngày đánh giá lại').fill('20/03/2026');
    // Leaving the field keeps the day typed and folds the calendar away.
    await plan.getByLabel('Người chịu trách nhiệm').click();
    await plan.getByRole('button', { name: 'Gửi' }).click();
    await plan.waitFor({ state: 'detached' });
    await stageOf(page).getByText('Chờ duyệt kế hoạch', { exact: true }).waitFor();

    const supervisor = await openAs('tt.dongda', `/ho-so/${intakeCaseId}`);
    await (await sendEvent(supervisor, 'Duyệt kế hoạch')).waitFor({ state: 'detached' });
    await stageOf(supervisor).getByText('Thực hiện và theo dõi', { exact: true }).waitFor();
    const sent = await web
      .http()
      .get(`/api/cases/${intakeCaseId}/records`)
      .set('Authorization', `Bearer ${counsellorToken}`);
    expect(JSON.stringify(sent.body)).toContain('2026-03-20');
  });

  it('shows a counsellor of another school the not-found page for a case’s address', async () => {
    const page = await openAs('tv.kimlien', `/ho-so/${intakeCaseId}`);
    await page.getByText('Không tìm thấy trang').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Hồ sơ ');
    await screenshot(page, 'case-other-school');
  });

  it('lets an inspector read the case with no step to take', async () => {
    const page = await openAs('thanhtra', `/ho-so/${intakeCaseId}`);
    await page.getByRole('heading', { name: /^Hồ sơ / }).waitFor();
    await stageOf(page).waitFor();
    expect(await page.getByRole('navigation', { name: 'Các bước có thể làm' }).count()).toBe(0);
    // Nothing to press in the page but its tabs (getByRole leaves out what is hidden from people).
    expect(await page.locator('main').getByRole('button').allTextContents()).toEqual([]);
    await screenshot(page, 'case-auditor');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('fits a counsellor’s phone', async () => {
    const page = await openAs('tv.dongda', `/ho-so/${intakeCaseId}`, PHONE);
    await stageOf(page).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'case-phone');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

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
import { FRESH_WINDOWS_MS, report } from '../support/intake-helpers';
import { startWebApp, WebApp } from '../support/web-app';

const missing = browserMissing();
if (missing) process.stderr.write(`public-form.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

type CaseItem = { id: string; code: string; channel: string; summary?: string };

describeWithBrowser('the web app: the public report page', () => {
  let web: WebApp;
  let browser: Browser;
  const pages: { page: Page; csp: () => Promise<string[]> }[] = [];

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
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

  // Each test starts with the form's throttle windows passed.
  beforeEach(() => web.clock.advance(FRESH_WINDOWS_MS));

  const open = async (path: string, viewport = PHONE): Promise<Page> => {
    const page = await browser.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    pages.push({ page, csp: await watchCspViolations(page) });
    await page.goto(`${web.url}${path}`);
    return page;
  };

  const unassignedQueue = async (): Promise<CaseItem[]> => {
    const login = await web.http().post('/api/auth/login').send({ username: 'tt.dongda', password: DEMO_PASSWORD });
    const res = await web
      .http()
      .get('/api/cases?unassigned=true&state=intake')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    return res.body.items;
  };

  const noHorizontalOverflow = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  it('takes a learner’s report on a phone, without login, and puts it in the supervisor’s queue', async () => {
    const before = await unassignedQueue();
    const page = await open('/bao-tin/DD');
    await page.getByRole('heading', { name: 'Báo tin cho nhà trường' }).waitFor();
    // The school the code names, before anything is written.
    await page.getByText('Trường THCS Đống Đa', { exact: true }).waitFor();
    // The hotline, in sight without scrolling.
    const hotline = page.getByText('Nếu em đang gặp nguy hiểm, hãy gọi ngay 111');
    expect(await hotline.isVisible()).toBe(true);
    const call = page.getByRole('link', { name: 'Gọi 111' });
    expect(await call.getAttribute('href')).toBe('tel:111');
    const box = await call.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await noHorizontalOverflow(page);
    // Two textboxes a person sees; the honeypot is neither seen nor heard nor reached with Tab.
    const textboxes = page.getByRole('textbox');
    expect(await textboxes.count()).toBe(2);
    await page.getByRole('textbox', { name: 'Chuyện gì đang xảy ra?' }).waitFor();
    await page.getByRole('textbox', { name: 'Cách liên hệ lại với em' }).waitFor();
    expect(await page.getByRole('textbox', { name: /Trang web/ }).count()).toBe(0);
    const trap = page.locator('input#website');
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
    await screenshot(page, 'public-form');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Sent empty: the field says what it needs, nothing is posted.
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    await page.getByText('Vui lòng nhập thông tin này').waitFor();

    const story = 'Em bị mấy bạn cùng lớp chặn đường và lấy tiền ăn sáng ở cổng sau, đã ba tuần nay.';
    await page.getByLabel('Chuyện gì đang xảy ra?').fill(story);
    await page.getByLabel('Cách liên hệ lại với em').fill('0912 345 678');
    // The post held back a moment: the page says it is sending, in the button and for a screen reader.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/public/intake', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    await page.getByRole('button', { name: /Đang gửi…/ }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Đang gửi tin báo của em');
    release();
    const code = page.getByTestId('tracking-code');
    await code.waitFor();
    expect(await code.textContent()).toMatch(/^TN-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByRole('heading', { name: 'Nhà trường đã nhận được tin báo của em' }).waitFor();
    await page.getByRole('heading', { name: 'Điều gì sẽ xảy ra tiếp theo?' }).waitFor();
    expect(await page.getByText('Nếu em đang gặp nguy hiểm, hãy gọi ngay 111').isVisible()).toBe(true);
    await noHorizontalOverflow(page);
    await screenshot(page, 'public-form-sent');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // One new unassigned public report: the supervisor finds it on the start page.
    const after = await unassignedQueue();
    const added = after.filter((c) => !before.some((b) => b.id === c.id));
    expect(added).toHaveLength(1);
    expect(added[0].channel).toBe('truc_tuyen');

    const supervisor = await open('/', LAPTOP);
    await supervisor.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await logIn(supervisor, 'tt.dongda', DEMO_PASSWORD);
    await supervisor.waitForURL(/\/hang-cho$/);
    const unassigned = supervisor.locator('.queue-section').filter({
      has: supervisor.getByRole('heading', { name: /^Tin báo chưa phân công/ }),
    });
    await unassigned.getByRole('heading', { name: `Tin báo chưa phân công (${after.length})` }).waitFor();
    const row = unassigned.getByRole('row').filter({ has: supervisor.getByRole('link', { name: added[0].code }) });
    await row.waitFor();
    expect(await row.getByText('Báo tin trực tuyến').count()).toBe(1);
    await screenshot(supervisor, 'public-form-queue');
  });

  it('says at once when no school has the code, with no form to fill', async () => {
    for (const path of ['/bao-tin/ZZ9', '/bao-tin/sai-ma!']) {
      const page = await open(path);
      await page.getByRole('heading', { name: /^Không tìm thấy trường có mã/ }).waitFor();
      expect(await page.getByRole('textbox').count()).toBe(0);
      expect(await page.getByText('Nếu em đang gặp nguy hiểm, hãy gọi ngay 111').isVisible()).toBe(true);
    }
  });

  it('keeps what was written when the code is refused only on sending (the lookup was not answered)', async () => {
    const page = await browser.newPage({ viewport: PHONE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    pages.push({ page, csp: await watchCspViolations(page) });
    await page.route('**/api/public/schools/**', (route) => route.abort());
    await page.goto(`${web.url}/bao-tin/ZZ9`);
    await page.getByLabel('Chuyện gì đang xảy ra?').fill('Em muốn được nói chuyện với thầy cô.');
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    await page.getByRole('heading', { name: 'Không tìm thấy trường có mã ZZ9' }).waitFor();
    await page.getByText('Em muốn được nói chuyện với thầy cô.').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'public-form-no-school');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('explains a refusal for too many reports in plain words, keeping the text', async () => {
    // Five reports a minute from this address (the honeypot filled: counted, nothing stored).
    for (let i = 0; i < 5; i++) await report(web, { schoolCode: 'DD', whatIsHappening: 'x', website: 'bot' }, 202);
    const page = await open('/bao-tin/DD');
    await page.getByLabel('Chuyện gì đang xảy ra?').fill('Em cần giúp đỡ.');
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Em hãy đợi khoảng' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/đợi khoảng \d+ phút rồi bấm gửi lại.*gọi ngay 111/);
    expect(await page.getByLabel('Chuyện gì đang xảy ra?').inputValue()).toBe('Em cần giúp đỡ.');
    await screenshot(page, 'public-form-too-many');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('shows a 400’s field problems under their fields', async () => {
    const page = await open('/bao-tin/DD');
    // A refusal the page's own checks let through (the API's rules are the word): answered as the API would.
    await page.route('**/api/public/intake', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'VALIDATION_FAILED',
          message: 'Dữ liệu gửi lên không hợp lệ.',
          messageEn: 'The data sent is not valid.',
          details: [{ field: 'contact', problems: ['Cách liên hệ dài quá 200 ký tự'] }],
        }),
      }),
    );
    await page.getByLabel('Chuyện gì đang xảy ra?').fill('Em cần giúp đỡ.');
    await page.getByLabel('Cách liên hệ lại với em').fill('0912 345 678');
    await page.getByRole('button', { name: 'Gửi tin báo' }).click();
    await page.getByRole('alert').filter({ hasText: 'em hãy xem lại các ô được đánh dấu' }).waitFor();
    const contactItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('Cách liên hệ lại với em') });
    await contactItem.getByText('Cách liên hệ dài quá 200 ký tự').waitFor();
    await screenshot(page, 'public-form-field-problem');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

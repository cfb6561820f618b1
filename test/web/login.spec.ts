/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@dh/demo';
import { base32Decode, totpCode } from '../../libs/identity/src/second-factor/totp';
import {
  browserMissing,
  LAPTOP,
  launchBrowser,
  logIn,
  screenshot,
  seriousAccessibilityViolations,
  watchCspViolations,
} from '../support/browser';
import { startWebApp, WebApp } from '../support/web-app';

const missing = browserMissing();
if (missing) process.stderr.write(`login.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: logging in', () => {
  let web: WebApp;
  let browser: Browser;
  let page: Page;
  let cspViolations: () => Promise<string[]>;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: LAPTOP, locale: 'vi-VN' });
    cspViolations = await watchCspViolations(page);
  });
  afterEach(async () => {
    expect(await cspViolations()).toEqual([]);
    await page.close();
  });

  it('takes a counsellor from the login page to the cases, named in Vietnamese, the token kept for this tab only', async () => {
    await page.goto(web.url);
    await page.waitForURL(/\/dang-nhap$/);
    // The form drawn, not the blank page before the first render.
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    // The production build a school downloads, not the development one (antd marks its classes in that one).
    expect(await page.locator('[class*="css-dev-only"]').count()).toBe(0);
    await screenshot(page, 'login');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await logIn(page, 'tv.dongda', DEMO_PASSWORD);

    // A counsellor starts on their own work; the school's cases are a click away.
    await page.waitForURL(/\/viec-cua-toi$/);
    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.waitForURL(/\/ho-so$/);
    await page.getByRole('heading', { name: 'Hồ sơ' }).waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe('Nguyễn Thị Lan');
    expect(await page.getByTestId('user-roles').textContent()).toBe('Giáo viên tư vấn');
    // The demo school's cases, each stage and risk in words, never a code.
    await page.getByRole('cell', { name: 'Đã kết thúc – theo dõi sau' }).first().waitFor();
    await page.getByRole('cell', { name: 'Trung bình' }).first().waitFor();
    const table = (await page.getByRole('table').textContent()) ?? '';
    expect(table).not.toMatch(/closed\.followUp|referral\.pending|planReview|medium|\bhigh\b/);
    const stored = await page.evaluate(() => ({ session: sessionStorage.length, local: Object.keys(localStorage) }));
    expect(stored).toEqual({ session: 1, local: [] });
    await screenshot(page, 'cases');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it.each([
    ['tv.dongda', '/viec-cua-toi', 'Việc của tôi', 'Giáo viên tư vấn'],
    ['tt.dongda', '/hang-cho', 'Hàng chờ của tổ tư vấn', 'Tổ trưởng tư vấn'],
    ['ht.dongda', '/so-lieu', 'Số liệu', 'Hiệu trưởng'],
    ['vhxh', '/so-lieu', 'Số liệu', 'Cán bộ Phòng Văn hóa – Xã hội'],
    ['thanhtra', '/ho-so', 'Hồ sơ', 'Thanh tra'],
    ['admin', '/quan-tri/tai-khoan', 'Tài khoản', 'Quản trị hệ thống'],
  ])('brings the demo user %s to their own start page %s, in Vietnamese', async (username, path, title, role) => {
    await page.goto(web.url);
    await logIn(page, username, DEMO_PASSWORD);
    await page.waitForURL(new RegExp(`${path}$`));
    await page.getByRole('heading', { name: title, exact: true, level: 1 }).waitFor();
    expect(await page.getByTestId('user-roles').textContent()).toBe(role);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
  });

  it('says a wrong password in Vietnamese, in the API’s words', async () => {
    await page.goto(`${web.url}/dang-nhap`);
    await logIn(page, 'tv.dongda', 'not-the-password');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    const { body } = await web.http().post('/api/auth/login').send({ username: 'tv.dongda', password: 'x' });
    expect(await alert.textContent()).toBe(body.message);
    expect(page.url()).toMatch(/\/dang-nhap$/);
  });

  it('brings a person who opened a deep link back to it after logging in, and logs out', async () => {
    await page.goto(`${web.url}/ho-so?trang=2`);
    await page.waitForURL(/\/dang-nhap$/);
    await logIn(page, 'tt.dongda', DEMO_PASSWORD);
    await page.waitForURL(/\/ho-so\?trang=2$/);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap$/);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('serves a client route on reload, and answers an unknown API path as the API, not with the page', async () => {
    const route = await fetch(`${web.url}/ho-so/khong-co`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-security-policy')).toContain("style-src 'self'");
    expect(await route.text()).toContain('<div id="root"></div>');
    const api = await fetch(`${web.url}/api/khong-co`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  it('counts down the wait after too many wrong passwords, on the page’s own clock', async () => {
    // Ten wrong passwords for one name from this address within a minute block it (PAIR_RULE).
    for (let i = 0; i < 10; i++) {
      await web
        .http()
        .post('/api/auth/login')
        .send({ username: 'tv.kimlien', password: `sai-${i}` });
    }
    await page.clock.install();
    await page.goto(`${web.url}/dang-nhap`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await logIn(page, 'tv.kimlien', DEMO_PASSWORD);
    const alert = page.getByRole('alert');
    await alert.getByText(/Hãy thử lại sau \d+ giây\./).waitFor();
    const secondsIn = async () => Number(/sau (\d+) giây/.exec((await alert.textContent()) ?? '')?.[1]);
    const first = await secondsIn();
    expect(first).toBeGreaterThan(5);
    await screenshot(page, 'login-too-many');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.clock.runFor(5_000);
    await alert.getByText(`Hãy thử lại sau ${first - 5} giây.`).waitFor();
  });

  it('lets a person change their own password, refusing a short or mismatched one before sending', async () => {
    await page.goto(`${web.url}/dang-nhap`);
    await logIn(page, 'tt.kimlien', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Đổi mật khẩu', level: 1 }).waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('khac-han');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Hai lần nhập mật khẩu mới không khớp').waitFor();
    expect(await page.getByText('Ít nhất 8 ký tự').count()).toBeGreaterThan(0);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-moi-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-moi-2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu.', { exact: false }).waitFor();
    await screenshot(page, 'password-changed');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await web
      .http()
      .post('/api/auth/login')
      .send({ username: 'tt.kimlien', password: 'mat-khau-moi-2026' })
      .expect(200);
  });

  it('logs in by keyboard alone', async () => {
    await page.goto(`${web.url}/dang-nhap`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    // The name field has the focus on arrival; Tab leads to the password, Enter sends.
    await page.keyboard.type('tt.dongda');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/hang-cho$/);
  });
  it('asks a user with a second factor for the code after the password, and lets them in with it', async () => {
    const login = (username: string) =>
      web.http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
    const admin = `Bearer ${(await login('admin')).body.accessToken}`;
    const users = (await web.http().get('/api/admin/users').set('Authorization', admin).expect(200)).body.items;
    const officer = users.find((u: { username: string }) => u.username === 'vhxh');
    const { secret } = (
      await web.http().post(`/api/admin/users/${officer.id}/second-factor`).set('Authorization', admin).expect(201)
    ).body;
    const codeNow = () => totpCode(base32Decode(secret), Math.floor(web.clock.now().getTime() / 1000));
    await web
      .http()
      .post('/api/me/second-factor/confirm')
      .set('Authorization', `Bearer ${(await login('vhxh')).body.accessToken}`)
      .send({ code: codeNow() })
      .expect(204);
    web.clock.advance(30_000);

    await page.goto(`${web.url}/dang-nhap`);
    await logIn(page, 'vhxh', DEMO_PASSWORD);
    const field = page.getByLabel('Mã xác thực (6 chữ số) hoặc mã khôi phục');
    await field.waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/mã 6 chữ số/);
    expect(page.url()).toMatch(/\/dang-nhap$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await field.fill(codeNow());
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/so-lieu$/);
    expect(await page.getByTestId('user-roles').textContent()).toBe('Cán bộ Phòng Văn hóa – Xã hội');
  });
});

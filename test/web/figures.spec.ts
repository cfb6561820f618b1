/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@dh/demo';
import { EscalationSweepService } from '@dh/escalations';
import { META_V1 } from '@dh/machines/case/v1/meta';
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
if (missing) process.stderr.write(`figures.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

type Cell = number | '<5';
type SchoolCaseFigures = {
  schoolId: string;
  code: string;
  name: string;
  masked: boolean;
  open: { total: Cell; byStage: Record<string, Cell>; byRisk: Record<string, Cell> };
  closedThisSchoolYear: Cell;
};

// The machine's Vietnamese name of a top-level stage, as the page must print it.
const stageVi = (stage: string): string => (META_V1 as Record<string, { label: { vi: string } }>)[stage].label.vi;

describeWithBrowser('the web app: figures (Số liệu)', () => {
  let web: WebApp;
  let browser: Browser;
  const pages: { page: Page; csp: () => Promise<string[]> }[] = [];

  beforeAll(async () => {
    web = await startWebApp();
    // The server's sweep opens the school year's report clocks, as it does within minutes of any start.
    await web.app.get(EscalationSweepService).sweepOnce();
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

  const tokenOf = async (username: string): Promise<string> =>
    (await web.http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200)).body.accessToken;
  const get = async (token: string, path: string, query: Record<string, string> = {}) =>
    (await web.http().get(path).query(query).set('Authorization', `Bearer ${token}`).expect(200)).body;

  // A tab of its own, logged in as `username` from the root: the start page is the role's.
  const logInAs = async (username: string, viewport = LAPTOP): Promise<Page> => {
    const page = await browser.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    pages.push({ page, csp: await watchCspViolations(page) });
    await page.goto(`${web.url}/`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await logIn(page, username, DEMO_PASSWORD);
    return page;
  };

  // The rows of one chart (a table captioned `caption`, inside `scope`) as category → the number shown.
  const chartRows = async (scope: ReturnType<Page['locator']>, caption: string): Promise<Record<string, string>> => {
    const table = scope.getByRole('table', { name: caption });
    await table.waitFor();
    const rows = await table.locator('tbody tr').all();
    const out: Record<string, string> = {};
    for (const row of rows) {
      out[(await row.locator('th').textContent()) ?? ''] = (
        (await row.locator('td').first().textContent()) ?? ''
      ).trim();
    }
    return out;
  };
  const expectedStages = (byStage: Record<string, Cell>) =>
    Object.fromEntries(Object.entries(byStage).map(([stage, n]) => [stageVi(stage), String(n)]));

  it('starts the principal on their school’s figures, by stage in Vietnamese with the API’s numbers, and leads them to the report it still owes', async () => {
    const token = await tokenOf('ht.dongda');
    const [school] = (await get(token, '/api/me/schools')).items as { id: string; name: string }[];
    const api = await get(token, '/api/reports/school/figures', { schoolId: school.id });

    const page = await logInAs('ht.dongda');
    await page.waitForURL(/\/so-lieu$/);
    await page.getByRole('heading', { level: 1, name: 'Số liệu' }).waitFor();
    await page.getByRole('heading', { level: 2, name: school.name }).waitFor();
    const main = page.locator('main');
    const stages = await chartRows(main, 'Hồ sơ đang mở theo giai đoạn');
    expect(stages).toEqual(expectedStages(api.school.open.byStage));
    expect(Object.keys(stages)).toContain('Tiếp nhận');
    const risks = await chartRows(main, 'Hồ sơ đang mở theo mức độ nguy cơ');
    expect(Object.keys(risks)).toEqual(['Thấp', 'Trung bình', 'Cao', 'Nghiêm trọng']);
    // A school's own leader counts exactly: no cell is masked.
    expect(JSON.stringify(api.school)).not.toContain('<5');
    expect(await main.textContent()).not.toMatch(/planReview|closureReview|giao_vien|tam_ly|\bmedium\b/);
    await screenshot(page, 'figures-principal');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The reports of the school year: both dates, each not yet sent leading to the reports page; once the
    // school-year report is submitted there, its row says when.
    const reports = page.getByRole('table', { name: 'Hạn nộp báo cáo năm học' });
    expect(await reports.locator('tbody tr').count()).toBe(2);
    expect(await reports.textContent()).toContain('15/01/2026');
    expect(await reports.textContent()).toContain('15/05/2026');
    const open = (api.reports as { kind: string; hasClock: boolean; submittedAt: string | null }[]).find(
      (r) => r.hasClock && !r.submittedAt,
    );
    expect(open?.kind).toBe('report_year');
    const row = reports.locator('tr[data-kind="report_year"]');
    await row.getByRole('link', { name: /Lập và nộp báo cáo/ }).click();
    await page.waitForURL(/\/bao-cao$/);
    const draft = (
      await web
        .http()
        .post('/api/reports')
        .set('Authorization', `Bearer ${token}`)
        .send({ schoolId: school.id, kind: 'school_year', schoolYear: '2025-2026' })
        .expect(201)
    ).body;
    await web
      .http()
      .post(`/api/reports/${draft.id}/submit`)
      .set('Authorization', `Bearer ${token}`)
      .send({ version: draft.version })
      .expect(200);
    await page.goto(`${web.url}/so-lieu`);
    await row.getByText(/Đã nộp lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/).waitFor();
    expect(await row.getByRole('link').count()).toBe(0);
    const after = await get(token, '/api/reports/school/figures', { schoolId: school.id });
    expect(after.reports.find((r: { kind: string }) => r.kind === 'report_year').submittedAt).not.toBeNull();
    await screenshot(page, 'figures-principal-submitted');
  });

  it('starts the ward officer on every school’s figures, "<5" exactly where the API masks', async () => {
    const api = (await get(await tokenOf('vhxh'), '/api/reports/ward/cases')).schools as SchoolCaseFigures[];
    expect(api.length).toBeGreaterThan(1);
    expect(JSON.stringify(api)).toContain('<5');

    const page = await logInAs('vhxh');
    await page.waitForURL(/\/so-lieu$/);
    await page.getByRole('heading', { level: 2, name: 'Các trường trong phường' }).waitFor();
    for (const s of api) {
      const card = page.locator(`[data-school="${s.code}"]`);
      await card.getByRole('heading', { level: 3, name: s.name }).waitFor();
      expect(await chartRows(card, 'Hồ sơ đang mở theo giai đoạn')).toEqual(expectedStages(s.open.byStage));
      const risks = await chartRows(card, 'Hồ sơ đang mở theo mức độ nguy cơ');
      expect(Object.values(risks)).toEqual(Object.values(s.open.byRisk).map(String));
      expect(await card.locator('.figures-summary-value').first().textContent()).toBe(String(s.open.total));
    }
    await screenshot(page, 'figures-ward');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'figures-ward-phone');
  });
});

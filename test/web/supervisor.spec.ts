/// <reference lib="dom" />
import type { Page, Request } from 'playwright-core';
import { DEMO_PASSWORD } from '@dh/demo';
import { EscalationSweepService } from '@dh/escalations';
import { browserMissing, choose, screenshot, seriousAccessibilityViolations } from '../support/browser';
import type { WebApp } from '../support/web-app';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`supervisor.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

type CaseItem = { id: string; code: string; channel: string; assigneeId: string | null };
type AlertItem = { id: string; level: string; caseId: string | null; caseCode: string | null };

const DAY_MS = 86_400_000;

describeWithBrowser('the web app: a supervisor’s queue, approvals and alerts', () => {
  const tabs = useWebTabs();
  const { openAs } = tabs;
  let web: WebApp;

  beforeAll(async () => {
    web = tabs.web();
  });

  // A fresh token of tt.dongda at the server's present time (the clock moves in the last test).
  const supervisorGet = async (path: string) => {
    const login = await web.http().post('/api/auth/login').send({ username: 'tt.dongda', password: DEMO_PASSWORD });
    return (await web.http().get(path).set('Authorization', `Bearer ${login.body.accessToken}`).expect(200)).body;
  };

  // A list's loading blur fades out over antd's 0.3 s: the screenshot waits for the page a person then reads.
  const settled = async (page: Page) => {
    await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    await page.waitForTimeout(400);
  };

  // Logged in as tt.dongda from the app's root: the role's start page follows.
  const openAsSupervisor = async (): Promise<Page> => {
    const page = await openAs('tt.dongda', '/');
    await page.waitForURL(/\/hang-cho$/);
    return page;
  };

  it('starts the supervisor on the queue, the public-form report marked, each row a link to its case', async () => {
    const queue: { items: CaseItem[] } = await supervisorGet('/api/cases?unassigned=true');
    const report = queue.items.find((c) => c.channel === 'truc_tuyen');
    expect(report).toBeDefined();
    expect(queue.items.every((c) => c.assigneeId === null)).toBe(true);

    const page = await openAsSupervisor();
    const unassigned = page.locator('.queue-section').filter({
      has: page.getByRole('heading', { name: /^Tin báo chưa phân công/ }),
    });
    await unassigned.getByRole('heading', { name: `Tin báo chưa phân công (${queue.items.length})` }).waitFor();
    const link = unassigned.getByRole('link', { name: report?.code });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/ho-so/${report?.id}`);
    const row = unassigned.getByRole('row').filter({ has: page.getByRole('link', { name: report?.code }) });
    expect(await row.getByText('Báo tin trực tuyến').count()).toBe(1);
    expect(await row.getByText('Chưa xác định học sinh').count()).toBe(1);
    // Only the unassigned ones: as many case links as the API's queue holds.
    expect(await unassigned.locator('a[href^="/ho-so/"]').count()).toBe(queue.items.length);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/truc_tuyen|intake\b|medium/);
    // The menu has the supervisor's pages and the cases.
    const menu = page.getByRole('navigation', { name: 'Đồng Hành' });
    for (const entry of ['Hàng chờ', 'Tạo hồ sơ mới', 'Cảnh báo', 'Hồ sơ']) {
      await menu.getByRole('link', { name: entry, exact: true }).waitFor();
    }
    await settled(page);
    await screenshot(page, 'supervisor-queue');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Assigned from the queue to a counsellor of the school, the report leaves it.
    await row.getByRole('button', { name: 'Phân công' }).click();
    const drawer = page.getByRole('dialog', { name: 'Phân công' });
    await choose(page, drawer.getByLabel('Người phụ trách'), 'Nguyễn Thị Lan');
    await drawer.getByRole('button', { name: 'Gửi' }).click();
    await drawer.waitFor({ state: 'detached' });
    await link.waitFor({ state: 'detached' });
    const assigned = await supervisorGet(`/api/cases/${report?.id}`);
    expect(assigned.assigneeId).not.toBeNull();
  });

  it('lists the demo case awaiting plan approval, and its page offers the decision', async () => {
    const awaiting: { items: CaseItem[] } = await supervisorGet('/api/cases?state=planReview');
    expect(awaiting.items.length).toBeGreaterThan(0);
    const planCase = awaiting.items[0];

    const page = await openAsSupervisor();
    const plans = page.locator('.queue-section').filter({
      has: page.getByRole('heading', { name: /^Kế hoạch chờ duyệt/ }),
    });
    await plans.getByRole('link', { name: planCase.code }).click();
    await page.waitForURL(new RegExp(`/ho-so/${planCase.id}$`));
    await page.getByRole('button', { name: 'Duyệt kế hoạch' }).waitFor();
    await page.getByRole('button', { name: 'Trả lại kế hoạch' }).waitFor();
    // A supervisor may stop the case's clocks, with a reason.
    await page.getByRole('button', { name: 'Tạm dừng thời hạn' }).click();
    const pause = page.getByRole('dialog', { name: 'Tạm dừng thời hạn' });
    await pause.getByLabel('Lý do tạm dừng').fill('Học sinh nằm viện từ ngày 02/3.');
    await pause.getByRole('button', { name: 'Tạm dừng thời hạn' }).click();
    await pause.waitFor({ state: 'detached' });
    await page.getByTestId('deadline-list').getByText('Tạm dừng').first().waitFor();
    await page.getByRole('button', { name: 'Tiếp tục tính thời hạn' }).waitFor();
  });

  it('shows an overdue alert after the sweep, refuses an empty next action, and takes one', async () => {
    // Several days on, the demo school's clocks run out; the sweep raises the alerts the scheduler would.
    web.clock.advance(6 * DAY_MS);
    await web.app.get(EscalationSweepService).sweepOnce();
    const inbox: { items: AlertItem[] } = await supervisorGet('/api/alerts?unacknowledged=true&pageSize=100');
    const overdue = inbox.items.find((a) => a.level === 'overdue' && a.caseCode !== null);
    expect(overdue).toBeDefined();
    const id = overdue?.id ?? '';

    const page = await openAsSupervisor();
    await page.getByRole('navigation', { name: 'Đồng Hành' }).getByRole('link', { name: 'Cảnh báo' }).click();
    await page.waitForURL(/\/canh-bao$/);
    const item = page.locator(`tr[data-row-key="${id}"]`);
    await item.waitFor();
    expect(await item.getByText('Quá hạn', { exact: true }).count()).toBe(1);
    expect(await item.getByRole('link', { name: overdue?.caseCode ?? '' }).getAttribute('href')).toBe(
      `/ho-so/${overdue?.caseId}`,
    );
    expect(await item.textContent()).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await settled(page);
    await screenshot(page, 'supervisor-alerts');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const acks: Request[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/ack')) acks.push(r);
    });
    await item.getByRole('button', { name: 'Xác nhận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận cảnh báo' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.getByText('Vui lòng nhập thông tin này').waitFor();
    expect(acks).toEqual([]);
    await settled(page);
    await screenshot(page, 'supervisor-ack-empty');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await dialog.getByLabel('Việc tiếp theo').fill('Gặp tư vấn viên và học sinh trong sáng mai.');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });
    expect(acks).toHaveLength(1);
    const after: { items: AlertItem[] } = await supervisorGet('/api/alerts?unacknowledged=true&pageSize=100');
    expect(after.items.map((a) => a.id)).not.toContain(id);
    // The answered alert is kept, with its next action, among all alerts.
    await page.getByRole('switch').click();
    await page
      .locator(`tr[data-row-key="${id}"]`)
      .getByText(/Gặp tư vấn viên và học sinh trong sáng mai\./)
      .waitFor();
    await settled(page);
    await screenshot(page, 'supervisor-alerts-all');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

/// <reference lib="dom" />
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@dh/demo';
import { browserMissing, screenshot, seriousAccessibilityViolations } from '../support/browser';
import type { WebApp } from '../support/web-app';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`history.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: a case’s change history and the chains’ checks', () => {
  const tabs = useWebTabs();
  const { openAs } = tabs;
  let web: WebApp;
  let caseId: string;
  let tamperedSeq: number;

  beforeAll(async () => {
    web = tabs.web();
    // A demo case of school DD as its counsellor lists them: the one that went furthest (most events).
    const login = await web.http().post('/api/auth/login').send({ username: 'tv.dongda', password: DEMO_PASSWORD });
    const cases = await web.http().get('/api/cases').set('Authorization', `Bearer ${login.body.accessToken}`);
    const furthest = [...(cases.body.items as { id: string; version: number }[])].sort(
      (a, b) => b.version - a.version,
    )[0];
    if (!furthest) throw new Error('the demo school DD has no case');
    caseId = furthest.id;
    expect(furthest.version).toBeGreaterThanOrEqual(3);
    // Not the first event nor the last: the break must be found in the middle of the chain.
    tamperedSeq = 2;
  });

  const verdictOf = (page: Page) => page.getByTestId('chain-verdict');

  // What a superuser could do behind the application's back: switch the append-only trigger off for one
  // statement (in one transaction, so no other writer ever sees it off) and change an event's payload.
  const tamper = async (seq: number) => {
    const pg = new Client({ connectionString: web.db.url });
    await pg.connect();
    try {
      await pg.query('BEGIN');
      await pg.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
      const changed = await pg.query(
        `UPDATE audit_event SET payload = payload || '{"sửa_lén": true}'::jsonb WHERE case_id = $1 AND seq = $2`,
        [caseId, seq],
      );
      expect(changed.rowCount).toBe(1);
      await pg.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
      await pg.query('COMMIT');
    } catch (e) {
      await pg.query('ROLLBACK');
      throw e;
    } finally {
      await pg.end();
    }
  };

  it('shows the inspector the trail with its verdict, then the broken chain at the altered event, and nothing to press', async () => {
    const page = await openAs('thanhtra', `/ho-so/${caseId}`);
    await page.getByRole('heading', { name: /^Hồ sơ / }).waitFor();
    await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
    await verdictOf(page).getByText('Toàn vẹn', { exact: true }).waitFor();
    await page.getByTestId(`history-event-${tamperedSeq}`).waitFor();
    // Names, roles and stages in words; a date a person reads; no bare code anywhere.
    const trail = (await page.getByRole('tabpanel', { name: 'Lịch sử thay đổi' }).textContent()) ?? '';
    expect(trail).toContain('Nguyễn Thị Lan · Giáo viên tư vấn');
    expect(trail).toContain('Tiếp nhận thông tin');
    expect(trail).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(trail).not.toMatch(/[A-Z]{3,}_[A-Z_]+|\bcounsellor\b|\bintake\b|\bassessment\b/);
    expect(await page.locator('[data-broken]').count()).toBe(0);
    expect(await page.locator('main').getByRole('button').allTextContents()).toEqual([]);
    await screenshot(page, 'history-intact');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await tamper(tamperedSeq);
    await page.reload();
    await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
    const verdict = verdictOf(page);
    await verdict.getByText('Chuỗi dữ liệu bị phá vỡ').waitFor();
    expect(await verdict.textContent()).toContain(`số thứ tự ${tamperedSeq}.`);
    const broken = page.locator('[data-broken]');
    expect(await broken.count()).toBe(1);
    expect(await broken.getAttribute('data-testid')).toBe(`history-event-${tamperedSeq}`);
    expect(await broken.textContent()).toContain('Sự kiện này không khớp với chuỗi dữ liệu');
    // The dot of the altered event is the red one, and only it.
    expect(await page.locator('.ant-timeline-item-color-red').count()).toBe(1);
    expect(await page.locator('main').getByRole('button').allTextContents()).toEqual([]);
    await screenshot(page, 'history-broken');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('lets the inspector and the admin check the admin chain from the menu, and nobody else', async () => {
    const counsellor = await openAs('tv.dongda', '/ho-so');
    await counsellor.getByRole('navigation').getByRole('link', { name: 'Hồ sơ', exact: true }).waitFor();
    expect(await counsellor.getByRole('link', { name: 'Kiểm tra chuỗi quản trị' }).count()).toBe(0);

    for (const [username, screen] of [
      ['thanhtra', 'admin-chain-inspector'],
      ['admin', 'admin-chain-intact'],
    ]) {
      const page = await openAs(username, '/ho-so');
      await page.getByRole('link', { name: 'Kiểm tra chuỗi quản trị' }).click();
      await page.waitForURL(/\/kiem-tra$/);
      await page.getByRole('heading', { name: 'Kiểm tra chuỗi quản trị' }).waitFor();
      await verdictOf(page).getByText('Toàn vẹn', { exact: true }).waitFor();
      await screenshot(page, screen);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    }
  });
});

/// <reference lib="dom" />
import type { Page, Request } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '@dh/demo';
import { browserMissing, choose, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`admin.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: the administrator’s pages', () => {
  const tabs = useWebTabs();
  const { openAs } = tabs;

  // An antd multiple select: the option picked from the list it draws at the end of the page, then closed.
  // Under load a click during the list's opening animation can be lost: the chosen tag (its title) is the proof,
  // and a lost pick is tried again.
  const pick = async (page: Page, select: ReturnType<Page['getByLabel']>, option: string) => {
    for (let attempt = 1; ; attempt++) {
      await select.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
      await page.keyboard.press('Escape');
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
      const tag = page.locator(`.ant-select-selection-item[title="${option}"]`);
      if (attempt === 3 || (await tag.count()) > 0) return;
    }
  };

  const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

  it('starts the admin on the accounts, creates a counsellor, refuses an empty username unsent, disables them', async () => {
    const page = await openAs('admin', '/');
    await page.waitForURL(/\/quan-tri\/tai-khoan$/);
    await page.getByRole('heading', { name: 'Tài khoản', level: 1 }).waitFor();
    // Roles and schools in words, never a code or an id.
    await row(page, 'tv.dongda').getByText('Trường THCS Đống Đa').waitFor();
    expect(await row(page, 'tv.dongda').textContent()).toContain('Giáo viên tư vấn');
    await screenshot(page, 'admin-users');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // An empty username: the error under the field, and no request leaves the page.
    const posts: Request[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/admin/users')) posts.push(r);
    });
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const drawer = page.getByRole('dialog', { name: 'Tạo tài khoản' });
    await drawer.getByLabel('Họ và tên').fill('Đặng Thị Thu Hương');
    await drawer.getByLabel('Mật khẩu ban đầu').fill('matkhau-2026');
    await pick(page, drawer.getByLabel('Trường', { exact: true }), 'Trường THCS Đống Đa');
    await drawer.getByRole('button', { name: 'Tạo tài khoản' }).click();
    // Under the username input itself (antd ties the message to it: aria-describedby), not above the form.
    await drawer.locator('#username_help').getByText('Vui lòng nhập thông tin này').waitFor();
    expect(await drawer.getByLabel('Tên đăng nhập').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'admin-users-invalid');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(posts).toEqual([]);

    await drawer.getByLabel('Tên đăng nhập').fill('tv.dongda.huong');
    await drawer.locator('.ant-select-selection-item[title="Trường THCS Đống Đa"]').waitFor();
    await drawer.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await drawer.waitFor({ state: 'detached' });
    expect(posts).toHaveLength(1);
    const created = row(page, 'tv.dongda.huong');
    await created.waitFor();
    expect(await created.textContent()).toContain('Đặng Thị Thu Hương');
    expect(await created.textContent()).toContain('Giáo viên tư vấn');
    expect(await created.textContent()).toContain('Trường THCS Đống Đa');
    expect(await created.textContent()).toContain('Đang hoạt động');

    await created.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Vô hiệu hóa tài khoản của Đặng Thị Thu Hương?' });
    await confirm.waitFor();
    await screenshot(page, 'admin-users-disable');
    await confirm.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    await created.getByText('Đã vô hiệu hóa').waitFor();
    expect(await created.getByRole('button', { name: 'Vô hiệu hóa' }).count()).toBe(0);
  });

  it('shows the demo ward and schools, the demo inspector’s grants, the directory and this year’s calendar', async () => {
    const page = await openAs('admin', '/quan-tri/truong');
    const check = async (name: string) => {
      await screenshot(page, name);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      // No code of the API on the page: every value is in words.
      expect((await page.locator('main').textContent()) ?? '').not.toMatch(
        /\b(day_off|working_day|y_te|auditor|statutory)\b/,
      );
    };
    await page.getByRole('heading', { name: 'Trường và phường', level: 1 }).waitFor();
    await row(page, 'Phường Đống Đa').first().waitFor();
    await row(page, 'Trường THCS Đống Đa').getByText('Phường Đống Đa').waitFor();
    await row(page, 'Trường Tiểu học Kim Liên').waitFor();
    await check('admin-schools');

    await page.getByRole('link', { name: 'Cấp quyền' }).click();
    await page.getByRole('heading', { name: 'Cấp quyền', level: 1 }).waitFor();
    const inspector = page.getByTestId('auditor-grants').getByRole('row').filter({ hasText: 'Vũ Quốc Khánh' });
    await inspector.filter({ hasText: 'Trường THCS Đống Đa' }).getByText('Còn hiệu lực').waitFor();
    await inspector.filter({ hasText: 'Trường Tiểu học Kim Liên' }).getByText('Còn hiệu lực').waitFor();
    await check('admin-grants');

    await page.getByRole('link', { name: 'Danh bạ dịch vụ' }).click();
    await page.getByRole('heading', { name: 'Danh bạ dịch vụ', level: 1 }).waitFor();
    const services = page.getByTestId('directory-table').getByRole('row');
    await services.filter({ hasText: 'Y tế' }).first().waitFor();
    expect(await services.count()).toBeGreaterThan(2);
    await check('admin-directory');

    await page.getByRole('link', { name: 'Lịch làm việc' }).click();
    const year = new Date().getFullYear();
    await page.getByRole('heading', { name: `Lịch làm việc năm ${year}`, level: 1 }).waitFor();
    // The year's holidays are in force, Tết among them, each named.
    // More than three rows, waited for: the table fills in after its first row appears.
    await page.getByTestId('calendar-effective').getByRole('row').nth(3).waitFor();
    await check('admin-calendar');
  });

  it('grants a principal a case by the number they read on the case page', async () => {
    const web = tabs.web();
    const login = await web.http().post('/api/auth/login').send({ username: 'tv.dongda', password: DEMO_PASSWORD });
    const cases = await web.http().get('/api/cases').set('Authorization', `Bearer ${login.body.accessToken}`);
    const code: string = cases.body.items[0].code;
    const page = await openAs('admin', '/quan-tri/cap-quyen');
    await page.getByRole('button', { name: 'Cấp quyền xem hồ sơ' }).click();
    const drawer = page.getByRole('dialog', { name: 'Cấp quyền xem hồ sơ' });
    await choose(page, drawer.getByLabel('Hiệu trưởng', { exact: true }), 'Lê Thị Hồng');
    await drawer.getByLabel('Số hồ sơ').fill('không phải số');
    await drawer.getByLabel('Lý do').fill('Phối hợp với công an phường.');
    const day = new Date(Date.now() + 7 * 86_400_000);
    const typed = [day.getDate(), day.getMonth() + 1].map((n) => String(n).padStart(2, '0')).join('/');
    await drawer.getByLabel('Ngày kết thúc').fill(`${typed}/${day.getFullYear()}`);
    await drawer.getByLabel('Ngày kết thúc').press('Enter');
    await drawer.getByRole('button', { name: 'Cấp quyền', exact: true }).click();
    await drawer.getByText('Số hồ sơ có dạng mã trường-năm-số thứ tự, ví dụ DD-2026-0007.').waitFor();
    await drawer.getByLabel('Số hồ sơ').fill(code.toLowerCase());
    await drawer.getByRole('button', { name: 'Cấp quyền', exact: true }).click();
    await drawer.waitFor({ state: 'detached' });
    const granted = page.getByTestId('principal-grants').getByRole('row').filter({ hasText: 'Lê Thị Hồng' });
    await granted.filter({ hasText: code }).getByText('Còn hiệu lực').waitFor();
  });

  it('shows a supervisor’s address and the message that did not reach them, and sends it again', async () => {
    const db = tabs.web().app.get(DataSource);
    // A failed e-mail as the dispatcher leaves it after a 550 (test/delivery/smtp-faults.spec.ts makes one through a
    // real mail server; here the row is written directly, the page being what is under test).
    const [failed] = await db.query(
      `WITH u AS (SELECT u.id, us.school_id FROM app_user u JOIN user_school us ON us.user_id = u.id
                   WHERE u.username = 'tt.dongda'),
            a AS (INSERT INTO alert (recipient_id, school_id, level, reason, reason_en, created_at)
                  SELECT id, school_id, 'overdue', 'Quá hạn nộp báo cáo', 'Report overdue', now() FROM u RETURNING id)
       INSERT INTO alert_delivery (kind, alert_id, user_id, school_id, channel, status, attempts, next_attempt_at,
                                   window_started_at, created_at, failed_at, last_error)
       SELECT 'alert', a.id, u.id, u.school_id, 'email', 'failed', 1, now(), now(), now(), now(),
              'EENVELOPE 550: Mailbox unavailable'
         FROM u, a RETURNING alert_delivery.id`,
    );
    const page = await openAs('admin', '/quan-tri/tai-khoan');
    const supervisor = row(page, 'tt.dongda');
    await supervisor.getByText('tt.dongda@dong-hanh.example').waitFor();
    await supervisor.getByRole('button', { name: '1 tin lỗi' }).click();
    const drawer = page.getByRole('dialog', { name: 'Tin cảnh báo không gửi được tới Trần Văn Minh' });
    const message = drawer.getByTestId('failed-deliveries').getByRole('row').filter({ hasText: 'Thư điện tử' });
    await message.waitFor();
    expect(await message.textContent()).toContain('Quá hạn');
    expect(await message.textContent()).toContain('550: Mailbox unavailable');
    await screenshot(page, 'admin-failed-deliveries');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await message.getByRole('button', { name: 'Gửi lại' }).click();
    await page.getByText('Đã đưa 1 tin vào hàng đợi gửi lại.').waitFor();
    await drawer.getByText('Không có tin nào không gửi được.').waitFor();
    const [after] = await db.query(`SELECT status FROM alert_delivery WHERE id = $1`, [failed.id]);
    expect(after.status).toBe('pending');
  });
});

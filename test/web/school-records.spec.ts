/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { browserMissing, choose, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`school-records.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: what a school keeps beside its cases', () => {
  const { openAs } = useWebTabs();

  // An antd multiple select: the option picked from its list, then the list closed.
  const pick = async (page: Page, select: ReturnType<Page['getByLabel']>, option: string) => {
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
    await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  };
  const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });
  // The first year of the school year the page shows (the browser's running one: it opens on 5 September).
  const startYear = async (page: Page): Promise<number> =>
    Number(((await page.getByTestId('school-year').textContent()) ?? '').slice(0, 4));

  it('a supervisor adds a team member and an activity, finds them after a reload, and a counsellor reads them without a button', async () => {
    const page = await openAs('tt.dongda', '/nha-truong/to-tu-van');
    await page.getByRole('heading', { name: 'Tổ tư vấn học đường và công tác xã hội', level: 1 }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Đồng Hành' });
    for (const entry of ['Tổ tư vấn', 'Hoạt động phòng ngừa', 'Bồi dưỡng', 'Cơ sở vật chất'])
      await menu.getByRole('link', { name: entry, exact: true }).waitFor();
    const year = await startYear(page);
    expect((await page.getByTestId('school-year').textContent()) ?? '').toContain(`${year}-${year + 1}`);

    // A member with an account: picked from the school's staff, the name filled in from it.
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    let drawer = page.getByRole('dialog', { name: 'Thêm thành viên' });
    await choose(page, drawer.getByLabel('Tài khoản trong trường'), 'Nguyễn Thị Lan');
    expect(await drawer.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Lan');
    await choose(page, drawer.getByLabel('Vai trò trong tổ'), 'Tổ trưởng');
    await choose(page, drawer.getByLabel('Chuyên trách hoặc kiêm nhiệm'), 'Chuyên trách');
    await choose(page, drawer.getByLabel('Vị trí công việc'), 'Nhân viên tâm lý');
    // A day before the year opens is refused under its input, and nothing is sent.
    // Tab takes the typed day and closes the calendar, which may lie over the fields below it.
    await drawer.getByLabel('Từ ngày').fill(`04/09/${year}`);
    await drawer.getByLabel('Từ ngày').press('Tab');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer
      .locator('#fromDate_help')
      .getByText(`Ngày phải nằm trong năm học ${year}-${year + 1}`)
      .waitFor();
    await screenshot(page, 'school-team-invalid');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await drawer.getByLabel('Từ ngày').fill(`15/09/${year}`);
    await drawer.getByLabel('Từ ngày').press('Tab');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.waitFor({ state: 'detached' });
    const member = row(page, 'Nguyễn Thị Lan');
    await member.waitFor();
    expect(await member.textContent()).toContain('Tổ trưởng');
    expect(await member.textContent()).toContain(`Từ 15/09/${year}`);

    await menu.getByRole('link', { name: 'Hoạt động phòng ngừa', exact: true }).click();
    await page.getByRole('heading', { name: 'Hoạt động phòng ngừa, truyền thông', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Thêm hoạt động' }).click();
    drawer = page.getByRole('dialog', { name: 'Thêm hoạt động' });
    await drawer.getByLabel('Ngày tổ chức').fill(`20/10/${year}`);
    await choose(page, drawer.getByLabel('Hình thức'), 'Sinh hoạt dưới cờ');
    await drawer.getByLabel('Tên hoạt động').fill('Nói không với bắt nạt học đường');
    await pick(page, drawer.getByLabel('Nội dung'), 'Tâm lý');
    await pick(page, drawer.getByLabel('Học sinh các khối lớp'), 'Lớp 6');
    await drawer.getByLabel('Giáo viên').check();
    await drawer.getByLabel('Số người tham gia').fill('320');
    await drawer.getByLabel('Trong đó nữ').fill('330');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.locator('#girls_help').getByText('Số nữ không được lớn hơn số người tham gia.').waitFor();
    await drawer.getByLabel('Trong đó nữ').fill('158');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.waitFor({ state: 'detached' });
    await row(page, 'Nói không với bắt nạt học đường').waitFor();

    // After a reload, both are still there: they came from the API.
    await page.reload();
    const activity = row(page, 'Nói không với bắt nạt học đường');
    await activity.waitFor();
    for (const text of [`20/10/${year}`, 'Sinh hoạt dưới cờ', 'Tâm lý', 'Học sinh lớp 6', 'Giáo viên', '320', '158'])
      expect(await activity.textContent()).toContain(text);
    await screenshot(page, 'school-activities');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The counsellor of the school reads both lists, with no button to change them.
    const counsellor = await openAs('tv.dongda', '/nha-truong/hoat-dong');
    await row(counsellor, 'Nói không với bắt nạt học đường').waitFor();
    await counsellor.goto(counsellor.url().replace('/nha-truong/hoat-dong', '/nha-truong/to-tu-van'));
    await row(counsellor, 'Nguyễn Thị Lan').waitFor();
    expect(await counsellor.getByRole('button', { name: /Thêm|Sửa|Xóa/ }).count()).toBe(0);
    await counsellor
      .getByRole('navigation', { name: 'Đồng Hành' })
      .getByRole('link', { name: 'Hoạt động phòng ngừa' })
      .click();
    await row(counsellor, 'Nói không với bắt nạt học đường').waitFor();
    expect(await counsellor.getByRole('button', { name: /Thêm|Sửa|Xóa/ }).count()).toBe(0);
    await screenshot(counsellor, 'school-activities-counsellor');
    expect(await seriousAccessibilityViolations(counsellor)).toEqual([]);
  });
});

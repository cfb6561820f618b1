/// <reference lib="dom" />
import { browserMissing, choose, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`notifications.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: how alerts reach a person', () => {
  const { openAs } = useWebTabs();

  it('lets a counsellor set an e-mail and turn one kind of alert off by e-mail, kept across a reload', async () => {
    const page = await openAs('tv.dongda', '/');
    await page.waitForURL(/\/viec-cua-toi$/);
    await page.getByRole('link', { name: 'Thông báo' }).click();
    await page.waitForURL(/\/thong-bao$/);
    await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
    // The child-safety rows cannot be changed, and say why.
    const protection = page.getByRole('row').filter({ hasText: 'Bảo vệ trẻ em' });
    expect(await protection.textContent()).toContain('Luôn gửi ngay');
    expect(await protection.getByRole('combobox').count()).toBe(0);

    await page.getByLabel('Thư điện tử', { exact: true }).fill('lan.nguyen@thcs-dongda.edu.vn');
    await choose(page, page.getByLabel('Nhắc hạn – Thư điện tử'), 'Tắt');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').getByText('Đã lưu cách nhận thông báo.').waitFor();
    const reminder = page.getByRole('row').filter({ hasText: /^Nhắc hạn/ });
    expect((await reminder.getByRole('cell').allTextContents()).slice(1)).toEqual(['Tắt', 'Gửi ngay']);
    await screenshot(page, 'notifications');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
    const email = page.getByLabel('Thư điện tử', { exact: true });
    // The form is drawn once the choices are read, with them as its values.
    await email.waitFor();
    expect(await email.inputValue()).toBe('lan.nguyen@thcs-dongda.edu.vn');
    expect((await reminder.getByRole('cell').allTextContents()).slice(1)).toEqual(['Tắt', 'Gửi ngay']);
  });
});

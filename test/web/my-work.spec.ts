/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { browserMissing, LAPTOP, PHONE, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`my-work.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: a counsellor’s work', () => {
  const { openAs } = useWebTabs();
  let page: Page;

  const open = async (viewport = LAPTOP) => {
    page = await openAs('tv.dongda', '/', viewport);
    await page.waitForURL(/\/viec-cua-toi$/);
    await page.getByRole('heading', { name: 'Việc của tôi', level: 1 }).waitFor();
  };

  it('starts the day with the cases by stage, each with its learner and the time left on its nearest clock', async () => {
    await open();
    await page.getByRole('heading', { name: /^Tiếp nhận \(\d+\)$/ }).waitFor();
    const stages = await page.locator('.my-work-stage-title').allTextContents();
    // In the order of a case's road, every stage in words.
    expect(stages[0]).toMatch(/^Tiếp nhận \(\d+\)$/);
    expect(stages.join(' ')).toMatch(/Thực hiện và theo dõi \(\d+\)/);
    expect(stages.join(' ')).not.toMatch(/intake|monitoring|referral|closed/);
    const intake = page.locator('.my-work-stage').filter({ hasText: 'Nguyễn Văn Đức' });
    expect(await intake.textContent()).toMatch(/Liên hệ lần đầu: hạn \d\d\/\d\d\/\d{4} \d\d:\d\d.*Còn .* làm việc/);
    await screenshot(page, 'my-work');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('finds a learner’s case typed without diacritics, and says so when nothing matches', async () => {
    await open();
    const search = page.getByRole('searchbox', { name: 'Tìm theo số hồ sơ hoặc tên học sinh (có hoặc không dấu)' });
    await search.fill('duc nguyen');
    await search.press('Enter');
    await page.getByRole('heading', { name: 'Tiếp nhận (1)' }).waitFor();
    expect(await page.locator('.my-work-stage').allTextContents()).toEqual([expect.stringContaining('Nguyễn Văn Đức')]);
    await search.fill('khong co ai');
    await search.press('Enter');
    await page.getByText('Không có hồ sơ được giao phụ trách nào khớp với “khong co ai”.').waitFor();
  });

  it('fits a phone', async () => {
    await open(PHONE);
    await page.locator('.my-work-stage').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'my-work');
  });

  it('speaks English once switched, stages and clocks included, and keeps the choice', async () => {
    await open();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /^Intake \(\d+\)$/ }).waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toMatch(/working time left/);
    expect(body).not.toMatch(/Tiếp nhận|Việc của tôi|làm việc/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
    await screenshot(page, 'my-work-en');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

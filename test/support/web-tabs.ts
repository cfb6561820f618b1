import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@dh/demo';
import { LAPTOP, launchBrowser, logIn, watchCspViolations } from './browser';
import { startWebApp, WebApp } from './web-app';

// The web app and one browser for a spec file, and its tabs: each a tab of its own (sessionStorage is per tab)
// logged in as a demo user, its content security policy violations checked and the tab closed after each test.
// Call it first in the describe: its beforeAll runs before the spec's own.
export const useWebTabs = () => {
  const started = {} as { web: WebApp; browser: Browser };
  const tabs: { page: Page; csp: () => Promise<string[]> }[] = [];
  beforeAll(async () => {
    started.web = await startWebApp();
    started.browser = await launchBrowser();
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.web?.close();
  });
  afterEach(async () => {
    for (const { page, csp } of tabs.splice(0)) {
      expect(await csp()).toEqual([]);
      await page.close();
    }
  });
  // `at`: the tab's own clock, fixed, for a page that takes "today" from the browser (the running school year).
  const openAs = async (username: string, path: string, viewport = LAPTOP, at?: Date): Promise<Page> => {
    const page = await started.browser.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    tabs.push({ page, csp: await watchCspViolations(page) });
    if (at) await page.clock.setFixedTime(at);
    await page.goto(`${started.web.url}${path}`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await logIn(page, username, DEMO_PASSWORD);
    return page;
  };
  return { web: (): WebApp => started.web, openAs };
};

/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';

// Debian's Chromium (apt-get install chromium), driven by playwright-core: nothing is downloaded.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// .ci/run sets DH_REQUIRE_BROWSER=1: there a missing browser fails the run instead of skipping its tests.
export const browserMissing = (): string | null => {
  if (existsSync(CHROMIUM_PATH)) return null;
  const why = `no browser at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.DH_REQUIRE_BROWSER === '1') throw new Error(why);
  return why;
};

// Without the background-networking flags Chromium keeps opening connections that a closed network refuses.
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

// Every page a browser test visits, saved for a reviewer (git-ignored).
const SCREENS = join(__dirname, '../../test-artifacts/screens');
export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENS, { recursive: true });
  const { width, height } = page.viewportSize() ?? LAPTOP;
  await page.screenshot({ path: join(SCREENS, `${name}-${width}x${height}.png`), fullPage: true });
};

// rc-util measures the scrollbar's width with a <style> of its own that carries no nonce (a known limit upstream,
// which it catches): blocked, the measurement falls back to the browser's scrollbar, the one the app uses.
// Its scroll locker's <style> behind a drawer carries none either (app.css locks the page for open drawers instead).
const KNOWN_BLOCKED = /^(#rc-scrollbar-measure-|\s*html body \{\s*overflow-y: hidden;)/;

// The page's content security policy violations, recorded from before its first script runs (the policy lists
// 'report-sample', so each names the first characters of what it blocked).
export const watchCspViolations = async (page: Page): Promise<() => Promise<string[]>> => {
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string; sample: string }[] = [];
    (window as unknown as { __csp: typeof seen }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
  return async () => {
    const seen = await page.evaluate(
      () => (window as unknown as { __csp?: { directive: string; blocked: string; sample: string }[] }).__csp ?? [],
    );
    return seen.filter((v) => !KNOWN_BLOCKED.test(v.sample)).map((v) => `${v.directive} ${v.blocked} ${v.sample}`);
  };
};

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// axe-core's serious and critical findings on the page as it stands (evaluated through the driver, which the
// page's content security policy does not govern).
// The page at rest: the pointer moved off whatever it last clicked (a hovered button is lighter than at rest), then
// the finite animations and transitions let end (a tab just chosen fades from grey to blue; a spinner's never ends
// and is not waited for).
export const seriousAccessibilityViolations = async (page: Page): Promise<string[]> => {
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};

// The login form as a person fills it; the page must already show it.
export const logIn = async (page: Page, username: string, password: string): Promise<void> => {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
};

// An antd select: opened from its input, the option picked from the list it draws at the end of the page, and the
// list closed again before the next step (open, it is antd's unnamed listbox). Under load the list was once seen to
// stay open after the pick: Tab, as a person would, leaves the field and closes it without touching the value.
export const choose = async (page: Page, select: Locator, option: string): Promise<void> => {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
  const open = page.locator('.ant-select-dropdown:visible');
  const closed = await open.waitFor({ state: 'detached', timeout: 3_000 }).then(
    () => true,
    () => false,
  );
  if (closed) return;
  await select.press('Tab');
  await open.waitFor({ state: 'detached', timeout: 5_000 });
};

// Keyboard only: Tab from wherever the focus is until `target` has it, as a person without a mouse would.
export const tabTo = async (page: Page, target: Locator, most = 80): Promise<void> => {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((e) => e === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`tabTo: ${most} presses of Tab never reached ${String(target)}`);
};

// Keyboard only: open the focused antd select and walk its options with the arrows until `option` is the active one.
export const chooseByKeyboard = async (page: Page, option: string): Promise<void> => {
  await page.keyboard.press('ArrowDown');
  const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
  for (let i = 0; i < 30; i++) {
    if ((await active.textContent({ timeout: 3_000 }))?.trim() === option) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`chooseByKeyboard: no option “${option}” under the arrows`);
};

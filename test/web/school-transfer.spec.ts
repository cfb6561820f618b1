/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@dh/demo';
import { packageRefusalOf } from '@dh/transfers';
import { browserMissing, choose, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`school-transfer.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: moving a learner to another school', () => {
  const tabs = useWebTabs();
  const { openAs } = tabs;

  const tokenOf = async (username: string): Promise<string> =>
    (await tabs.web().http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD })).body.accessToken;

  type CaseRow = { id: string; code: string; state: string; protection: string | null };
  const PURPOSE = 'Chuyển hồ sơ tư vấn sang trường mới của em.';
  const consent = (givenBy: 'guardian' | 'learner') => ({
    givenBy,
    ...(givenBy === 'guardian' ? { guardian: { fullName: 'Trần Thị Mai', relationship: 'mẹ' } } : {}),
    scope: { kind: 'school_transfer', purpose: PURPOSE },
    givenAt: '2026-03-01',
    how: 'van_ban',
  });

  // Đống Đa's open cases without a protection concern, each with its learner, one per learner, by number (the list's
  // own order follows what happens to the cases): the first is the refusal tests' (no consent is ever recorded on
  // it); the second is given consent and exported, the third moved, so the first stays first. The learner the queue
  // test moves on its own is left out.
  const movableCases = async (token: string): Promise<{ id: string; learnerId: string }[]> => {
    const auth = { Authorization: `Bearer ${token}` };
    const cases = (await tabs.web().http().get('/api/cases').set(auth)).body.items as CaseRow[];
    const firstLearner = ((await tabs.web().http().get('/api/learners').set(auth)).body.items as { id: string }[])[0];
    const seen = new Set<string>([firstLearner.id]);
    const found: { id: string; learnerId: string }[] = [];
    const open = cases
      .filter((x) => !x.state.startsWith('closed') && (x.protection ?? 'none') === 'none')
      .sort((a, b) => a.code.localeCompare(b.code));
    for (const c of open) {
      const view = (await tabs.web().http().get(`/api/cases/${c.id}`).set(auth)).body as { learnerId: string | null };
      if (view.learnerId === null || seen.has(view.learnerId)) continue;
      seen.add(view.learnerId);
      found.push({ id: c.id, learnerId: view.learnerId });
    }
    return found;
  };

  const giveConsent = async (token: string, caseId: string): Promise<void> => {
    for (const by of ['guardian', 'learner'] as const)
      await tabs
        .web()
        .http()
        .post(`/api/cases/${caseId}/consents`)
        .set('Authorization', `Bearer ${token}`)
        .send(consent(by))
        .expect(201);
  };

  const download = async (page: Page, button: string): Promise<{ name: string; body: Buffer }> => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
  };

  const openPackageDrawer = async (page: Page) => {
    await page.getByRole('heading', { name: /^Hồ sơ / }).waitFor();
    await page.getByRole('button', { name: 'Chuyển trường' }).click();
    const drawer = page.getByRole('dialog', { name: 'Chuyển trường' });
    await drawer.getByRole('radio', { name: 'Trường ngoài hệ thống' }).check();
    return drawer;
  };

  it('a package for a school outside the system is refused without consent, saying who has not agreed', async () => {
    const token = await tokenOf('tt.dongda');
    const [refused] = await movableCases(token);
    const page = await openAs('tt.dongda', `/ho-so/${refused.id}`);
    const drawer = await openPackageDrawer(page);
    await drawer.getByRole('button', { name: 'Tạo gói chuyển hồ sơ' }).click();
    await drawer
      .getByRole('alert')
      .getByText(/Chưa có sự đồng ý chuyển hồ sơ sang trường khác .* của cha mẹ hoặc người giám hộ/)
      .waitFor();
    await screenshot(page, 'school-transfer-package-refused');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('with the family’s consent the supervisor downloads the package: a Word summary and a JSON that verifies', async () => {
    const token = await tokenOf('tt.dongda');
    const [, consented] = await movableCases(token);
    await giveConsent(token, consented.id);
    const page = await openAs('tt.dongda', `/ho-so/${consented.id}`);
    const drawer = await openPackageDrawer(page);
    await drawer.getByRole('button', { name: 'Tạo gói chuyển hồ sơ' }).click();
    const made = page.getByRole('dialog', { name: 'Gói chuyển hồ sơ' });
    await made.getByText('Đã tạo gói chuyển hồ sơ và ghi vào nhật ký hồ sơ.').waitFor();
    // The drawer slides in while the first one slides out: the screenshot waits for both to settle.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await screenshot(page, 'school-transfer-package');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const docx = await download(page, 'Tải phiếu tóm tắt (.docx)');
    expect(docx.name).toMatch(/^chuyen-truong-.+\.docx$/);
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    const json = await download(page, 'Tải tệp JSON có chữ ký');
    expect(json.name).toMatch(/^chuyen-truong-.+\.json$/);
    const pkg = JSON.parse(json.body.toString('utf8')) as { case: { id: string }; events: { type: string }[] };
    // What `dong-hanh verify --package` runs on the file, offline.
    expect(packageRefusalOf(pkg)).toBeNull();
    expect(pkg.case.id).toBe(consented.id);
    expect(pkg.events.at(-1)?.type).toBe('CASE_EXPORTED');
    await made.getByText((pkg as unknown as { keyFingerprint: string }).keyFingerprint).waitFor();
  });

  it('after a transfer is accepted the sending supervisor reads the case’s trail up to it, and nothing after', async () => {
    const sender = await tokenOf('tt.dongda');
    const receiver = await tokenOf('tt.kimlien');
    const http = () => tabs.web().http();
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    const [, , moving] = await movableCases(sender);
    await giveConsent(sender, moving.id);
    const schools = (await http().get('/api/transfers/schools').set(as(sender))).body.items as {
      id: string;
      name: string;
    }[];
    const kimLien = schools.find((s) => s.name.includes('Kim Liên'))?.id;
    const asked = await http()
      .post(`/api/cases/${moving.id}/transfers`)
      .set(as(sender))
      .send({ toSchoolId: kimLien })
      .expect(201);
    const learnerAsked = await http()
      .post(`/api/learners/${moving.learnerId}/transfers`)
      .set(as(sender))
      .send({ toSchoolId: kimLien })
      .expect(201);
    await http().post(`/api/transfers/${learnerAsked.body.id}/accept`).set(as(receiver)).send({}).expect(200);
    const team = (await http().get(`/api/schools/${kimLien}/case-team`).set(as(receiver))).body.items as {
      id: string;
      roles: string[];
    }[];
    const accepted = await http()
      .post(`/api/transfers/${asked.body.id}/accept`)
      .set(as(receiver))
      .send({ assigneeId: team.find((m) => m.roles.includes('counsellor'))?.id })
      .expect(200);
    const transferSeq = accepted.body.transferSeq as number;
    // The receiving school's trail goes on past the transfer (its supervisor's assignment at least).
    const whole = (await http().get(`/api/cases/${moving.id}/history`).set(as(receiver))).body.items as {
      seq: number;
    }[];
    expect(whole.at(-1)?.seq).toBeGreaterThan(transferSeq);

    const page = await openAs('tt.dongda', '/chuyen-truong/di');
    await page.getByRole('heading', { name: 'Yêu cầu chuyển trường đi', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Hồ sơ tư vấn' }).filter({ hasText: 'Đã chấp nhận' });
    await row.first().waitFor();
    await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    await screenshot(page, 'school-transfers-outgoing');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.locator(`a[href="/chuyen-truong/di/${asked.body.id}"]`).click();
    await page.getByRole('heading', { name: /^Hồ sơ đã chuyển đi: /, level: 1 }).waitFor();
    const last = page.getByTestId(`transfer-history-event-${transferSeq}`);
    await last.getByText('Chuyển hồ sơ sang trường khác').waitFor();
    const first = page.getByTestId('transfer-history-event-1');
    await first.getByText('Tiếp nhận thông tin').waitFor();
    // The report's content was confidential: the sending school reads that there was some, not what it said.
    await first.getByText('Nội dung bảo mật').waitFor();
    expect(await page.getByTestId(`transfer-history-event-${transferSeq + 1}`).count()).toBe(0);
    expect(await page.locator('[data-testid^="transfer-history-event-"]').count()).toBe(transferSeq);
    await screenshot(page, 'school-transfer-history');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('the sending supervisor’s "Chuyển trường" is refused without consent, saying what is missing', async () => {
    const [open] = await movableCases(await tokenOf('tt.dongda'));
    const page = await openAs('tt.dongda', `/ho-so/${open.id}`);
    await page.getByRole('heading', { name: /^Hồ sơ / }).waitFor();
    await page.getByRole('button', { name: 'Chuyển trường' }).click();
    const drawer = page.getByRole('dialog', { name: 'Chuyển trường' });
    await choose(page, drawer.getByLabel('Trường nhận'), 'Kim Liên');
    await drawer.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await drawer
      .getByRole('alert')
      .getByText(/Chưa có sự đồng ý chuyển hồ sơ sang trường khác/)
      .waitFor();
    await screenshot(page, 'school-transfer-refused');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('the receiving supervisor sees the learner’s request in the queue and accepts it', async () => {
    const token = await tokenOf('tt.dongda');
    const auth = { Authorization: `Bearer ${token}` };
    const schools = (await tabs.web().http().get('/api/transfers/schools').set(auth)).body.items as {
      id: string;
      name: string;
    }[];
    const kimLien = schools.find((s) => s.name.includes('Kim Liên'));
    const learners = await tabs.web().http().get('/api/learners').set(auth);
    const learner = (learners.body.items as { id: string; fullName: string }[])[0];
    await tabs
      .web()
      .http()
      .post(`/api/learners/${learner.id}/transfers`)
      .set(auth)
      .send({ toSchoolId: kimLien?.id })
      .expect(201);

    const page = await openAs('tt.kimlien', '/chuyen-truong');
    await page.getByRole('heading', { name: 'Yêu cầu chuyển trường đến', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: learner.fullName });
    await row.getByText('Chờ trả lời').waitFor();
    // The table's loading veil fades after its rows arrive: the screenshot waits for it to lift.
    await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    await screenshot(page, 'school-transfers');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Chấp nhận' }).click();
    const drawer = page.getByRole('dialog', { name: 'Chấp nhận' });
    await drawer.getByRole('button', { name: 'Chấp nhận' }).click();
    await drawer.waitFor({ state: 'detached' });
    await row.getByText('Đã chấp nhận').waitFor();
  });
});

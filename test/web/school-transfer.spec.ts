/// <reference lib="dom" />
import { DEMO_PASSWORD } from '@dh/demo';
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

  it('the sending supervisor’s "Chuyển trường" is refused without consent, saying what is missing', async () => {
    const token = await tokenOf('tt.dongda');
    const cases = await tabs.web().http().get('/api/cases').set('Authorization', `Bearer ${token}`);
    const open = (cases.body.items as { id: string; state: string; protection: string | null }[]).find(
      (c) => !c.state.startsWith('closed') && (c.protection ?? 'none') === 'none',
    );
    const page = await openAs('tt.dongda', `/ho-so/${open?.id}`);
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
    await screenshot(page, 'school-transfers');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Chấp nhận' }).click();
    const drawer = page.getByRole('dialog', { name: 'Chấp nhận' });
    await drawer.getByRole('button', { name: 'Chấp nhận' }).click();
    await drawer.waitFor({ state: 'detached' });
    await row.getByText('Đã chấp nhận').waitFor();
  });
});

/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@dh/demo';
import { browserMissing, choose, PHONE, screenshot, seriousAccessibilityViolations } from '../support/browser';
import type { WebApp } from '../support/web-app';
import { fillNewLearner, fillReport } from '../support/open-case-page';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`case-page.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: a case’s page', () => {
  const tabs = useWebTabs();
  const { openAs } = tabs;
  let web: WebApp;
  // The case the road runs on, opened by the first test through the page "Tạo hồ sơ mới".
  let intakeCaseId: string;
  let counsellorToken: string;

  beforeAll(async () => {
    web = tabs.web();
    const login = await web.http().post('/api/auth/login').send({ username: 'tv.dongda', password: DEMO_PASSWORD });
    counsellorToken = login.body.accessToken;
  });

  const stageOf = (page: Page) => page.getByTestId('case-stage');
  const sendEvent = async (page: Page, button: string, fields: Record<string, string> = {}) => {
    await page.getByRole('button', { name: button, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: button });
    for (const [label, value] of Object.entries(fields)) await drawer.getByLabel(label).fill(value);
    await drawer.getByRole('button', { name: 'Gửi' }).click();
    return drawer;
  };

  it('opens a case from a teacher’s report for a new learner and takes it into its assessment, the stage and clocks in words', async () => {
    const page = await openAs('tv.dongda', '/ho-so/moi');
    await page.getByRole('heading', { name: 'Tạo hồ sơ mới', level: 1 }).waitFor();
    await fillNewLearner(page, { name: 'Đặng Thị Ngọc Ánh', born: '21/11/2012', sex: 'Nữ', className: '8A3' });
    await page.getByRole('button', { name: 'Lưu học sinh' }).click();
    expect(await page.getByTestId('chosen-learner').textContent()).toBe('Đặng Thị Ngọc Ánh');
    await fillReport(page, {
      channel: 'Giáo viên, nhân viên',
      reporter: 'Thầy Vũ Đức Thắng',
      areas: ['Học tập', 'Tâm lý'],
      risk: 'Trung bình',
      rationale: 'Em hay vắng học, điểm giảm trong học kỳ này.',
      summary: 'Giáo viên chủ nhiệm báo em ngồi một mình trong giờ ra chơi.',
    });
    await page.getByRole('button', { name: 'Tạo hồ sơ', exact: true }).click();
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    intakeCaseId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: /^Hồ sơ / }).waitFor();
    expect(await page.locator('.ant-descriptions').textContent()).toContain('Đặng Thị Ngọc Ánh');
    expect(await stageOf(page).textContent()).toBe('Tiếp nhận');
    // The intake clock runs, due at a time a person reads.
    expect(await page.getByTestId('deadline-list').textContent()).toMatch(/hạn \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await screenshot(page, 'case-intake');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const drawer = await sendEvent(page, 'Bắt đầu đánh giá');
    await drawer.waitFor({ state: 'detached' });
    await page.getByTestId('case-stage').getByText('Đánh giá', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Diễn biến' }).click();
    await page.getByText('Bắt đầu đánh giá').first().waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/START_ASSESSMENT|assessment\b|intake\b/);
    await screenshot(page, 'case-assessment');
  });

  it('answers the second of two senders with the reloaded case, keeps what they typed, and loses neither note', async () => {
    const first = await openAs('tv.dongda', `/ho-so/${intakeCaseId}`);
    const second = await openAs('tv.dongda', `/ho-so/${intakeCaseId}`);
    await first.getByTestId('case-version').waitFor();
    await second.getByTestId('case-version').waitFor();
    const before = Number(await second.getByTestId('case-version').textContent());

    const firstDrawer = await sendEvent(first, 'Thêm ghi chú', { 'Ghi chú': 'Gọi điện cho mẹ em lúc 9 giờ.' });
    // Seen once under load to stay open past 30 s (not reproduced since): when it does, say what the drawer shows.
    await firstDrawer.waitFor({ state: 'detached', timeout: 15_000 }).catch(async (e) => {
      process.stderr.write(
        `case-page.spec: the first sender's drawer stayed open: ${await firstDrawer.textContent()}\n`,
      );
      await screenshot(first, 'case-first-sender-stuck');
      throw e;
    });
    const drawer = await sendEvent(second, 'Thêm ghi chú', { 'Ghi chú': 'Em xin gặp lại vào thứ Sáu.' });
    const warning = drawer.getByRole('alert');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`phiên bản ${before + 1}`);
    // The case underneath is the one the first sender left; the typed note is still there to send.
    await second
      .getByTestId('case-version')
      .getByText(String(before + 1), { exact: true })
      .waitFor();
    expect(await drawer.getByLabel('Ghi chú').inputValue()).toBe('Em xin gặp lại vào thứ Sáu.');
    await screenshot(second, 'case-stale-version');
    await drawer.getByRole('button', { name: 'Gửi' }).click();
    await drawer.waitFor({ state: 'detached' });

    // Both notes kept: the case moved twice, and its chronology holds two notes (their text is sealed there).
    await second
      .getByTestId('case-version')
      .getByText(String(before + 2), { exact: true })
      .waitFor();
    const chronology = await web
      .http()
      .get(`/api/cases/${intakeCaseId}/chronology`)
      .set('Authorization', `Bearer ${counsellorToken}`);
    expect(chronology.body.items.filter((e: { kind: string }) => e.kind === 'note')).toHaveLength(2);
  });

  // Continues the first test's case, now in assessment.
  it('takes the assessment at high risk and a plan to the supervisor, who approves it', async () => {
    const page = await openAs('tv.dongda', `/ho-so/${intakeCaseId}`);
    await page.getByRole('button', { name: 'Hoàn thành đánh giá' }).click();
    const assessment = page.getByRole('dialog', { name: 'Hoàn thành đánh giá' });
    await choose(page, assessment.getByLabel('Mức độ nguy cơ', { exact: true }), 'Cao');
    await assessment.getByLabel('Lý do đánh giá mức độ nguy cơ').fill('Em nói đã nhiều lần nghĩ đến việc bỏ học.');
    await assessment.getByLabel('Khó khăn của học sinh').fill('Em căng thẳng vì điểm kém, ít bạn bè.');
    await assessment.getByLabel('Nhu cầu hỗ trợ').fill('Được lắng nghe; học phụ đạo môn Toán.');
    await screenshot(page, 'case-assessment-form');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await assessment.getByRole('button', { name: 'Gửi' }).click();
    await assessment.waitFor({ state: 'detached' });
    await stageOf(page).getByText('Lập kế hoạch hỗ trợ', { exact: true }).waitFor();
    expect(await page.getByTestId('case-risk').textContent()).toBe('Cao');

    await page.getByRole('button', { name: 'Nộp kế hoạch hỗ trợ' }).click();
    const plan = page.getByRole('dialog', { name: 'Nộp kế hoạch hỗ trợ' });
    // A review day as people write it; the goals one per line.
    await plan.getByLabel('Mục tiêu hỗ trợ').fill('Em đi học đều mỗi ngày\nEm có ít nhất một bạn thân trong lớp');
    await plan.getByLabel('Người chịu trách nhiệm').fill('Cô Nguyễn Thị Lan');
    await plan.getByLabel('Ngày đánh giá lại').fill('20/03/2026');
    // Leaving the field keeps the day typed and folds the calendar away.
    await plan.getByLabel('Người chịu trách nhiệm').click();
    await plan.getByRole('button', { name: 'Gửi' }).click();
    await plan.waitFor({ state: 'detached' });
    await stageOf(page).getByText('Chờ duyệt kế hoạch', { exact: true }).waitFor();

    // The supervisor finds it in "Chờ duyệt" on the queue and approves from the case's page.
    const supervisor = await openAs('tt.dongda', '/hang-cho');
    const plans = supervisor.locator('.queue-section').filter({
      has: supervisor.getByRole('heading', { name: /^Kế hoạch chờ duyệt/ }),
    });
    await plans.locator(`a[href="/ho-so/${intakeCaseId}"]`).click();
    await supervisor.waitForURL(new RegExp(`/ho-so/${intakeCaseId}$`));
    await (await sendEvent(supervisor, 'Duyệt kế hoạch')).waitFor({ state: 'detached' });
    await stageOf(supervisor).getByText('Thực hiện và theo dõi', { exact: true }).waitFor();
    const sent = await web
      .http()
      .get(`/api/cases/${intakeCaseId}/records`)
      .set('Authorization', `Bearer ${counsellorToken}`);
    expect(JSON.stringify(sent.body)).toContain('2026-03-20');
  });

  // Continues the same case, now supported and monitored.
  it('records a session, a family contact and two consents, refers to the health station and closes with the supervisor; the forms download', async () => {
    const page = await openAs('tv.dongda', `/ho-so/${intakeCaseId}`);
    await stageOf(page).getByText('Thực hiện và theo dõi', { exact: true }).waitFor();
    const record = async (button: string, fill: (drawer: ReturnType<Page['getByRole']>) => Promise<void>) => {
      await page.getByRole('button', { name: button, exact: true }).click();
      const drawer = page.getByRole('dialog', { name: button });
      await fill(drawer);
      await drawer.getByRole('button', { name: 'Gửi' }).click();
      await drawer.waitFor({ state: 'detached' });
    };
    // A typed moment taken with Enter, its calendar closed before the next field: open, the calendar may lie over
    // that field and take its click (seen on CI's Node 20 run).
    const moment = async (drawer: ReturnType<Page['getByRole']>, label: string, value: string, next: string) => {
      await drawer.getByLabel(label).fill(value);
      await drawer.getByLabel(label).press('Enter');
      await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
      await drawer.getByLabel(next, { exact: true }).click();
    };

    await page.getByRole('tab', { name: 'Ghi chép' }).click();
    await record('Ghi buổi tư vấn', async (d) => {
      await choose(page, d.getByLabel('Hình thức'), 'Trực tiếp');
      await d.getByLabel('Địa điểm').fill('Phòng tư vấn học đường');
      await moment(d, 'Thời điểm bắt đầu', '02/03/2026 08:00', 'Thời lượng (phút)');
      await d.getByLabel('Thời lượng (phút)').fill('45');
      await d.getByLabel('Phương pháp, kỹ thuật').fill('Lắng nghe tích cực\nĐặt câu hỏi mở');
      await d.getByLabel('Đánh giá hiệu quả').fill('Em cởi mở hơn, đồng ý gặp lại tuần sau.');
      await choose(page, d.getByLabel('Kết thúc buổi tư vấn'), 'Tiếp tục hỗ trợ');
    });
    await record('Ghi liên hệ gia đình', async (d) => {
      await moment(d, 'Thời điểm liên hệ', '02/03/2026 08:30', 'Họ tên người được liên hệ');
      await d.getByLabel('Họ tên người được liên hệ').fill('Lê Văn Bình');
      await d.getByLabel('Quan hệ với học sinh').fill('bố');
      await choose(page, d.getByLabel('Cách thức'), 'Điện thoại');
      await d.getByLabel('Nội dung trao đổi').fill('Mời bố em đến trường trao đổi về kế hoạch hỗ trợ.');
    });
    const records = page.getByRole('tabpanel', { name: 'Ghi chép' });
    await records.getByText('Lắng nghe tích cực; Đặt câu hỏi mở').waitFor();
    await records.getByText('Lê Văn Bình').waitFor();
    await screenshot(page, 'case-records');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Sự đồng ý' }).click();
    for (const giver of ['Cha mẹ, người giám hộ', 'Học sinh']) {
      await record('Ghi nhận sự đồng ý', async (d) => {
        await choose(page, d.getByLabel('Người đồng ý'), giver);
        if (giver !== 'Học sinh') {
          await d.getByLabel('Họ tên cha mẹ, người giám hộ').fill('Trần Thị Hoa');
          await d.getByLabel('Quan hệ với học sinh (người giám hộ)').fill('mẹ');
        }
        await choose(page, d.getByLabel('Đồng ý cho việc'), 'Chuyển gửi');
        await choose(page, d.getByLabel('Nơi nhận thông tin'), 'Trạm y tế phường');
        await d.getByLabel('Mục đích').fill('Khám và tư vấn sức khỏe tâm thần.');
        await d.getByLabel('Ngày đồng ý').fill('02/03/2026');
        await d.getByLabel('Mục đích').click();
        await choose(page, d.getByLabel('Cách thức'), 'Văn bản');
      });
    }
    // Both in force: each may be withdrawn.
    await page
      .getByRole('tabpanel', { name: 'Sự đồng ý' })
      .getByRole('button', { name: 'Rút lại sự đồng ý' })
      .nth(1)
      .waitFor();

    await record('Chuyển gửi', async (d) => {
      await choose(page, d.getByLabel('Nơi tiếp nhận chuyển gửi'), 'Trạm y tế phường');
      await d.getByLabel('Lý do').fill('Cần đánh giá tâm lý chuyên sâu.');
    });
    await stageOf(page).getByText('Chuyển gửi – chờ trả lời', { exact: true }).waitFor();
    await record('Ghi nhận nơi nhận đồng ý', async () => undefined);
    await record('Ghi nhận hoàn thành chuyển gửi', async (d) => {
      await d.getByLabel('Phản hồi của nơi tiếp nhận').fill('Em đã được khám, không cần điều trị thêm.');
    });
    await page.getByRole('tab', { name: 'Chuyển gửi' }).click();
    await page.getByRole('tabpanel', { name: 'Chuyển gửi' }).getByText('Hoàn thành').first().waitFor();
    await screenshot(page, 'case-referral');

    await record('Đề xuất kết thúc', async (d) => {
      await d.getByLabel('Kết quả', { exact: true }).fill('Em đi học đều, đã có bạn thân trong lớp.');
    });
    await stageOf(page).getByText('Chờ duyệt kết thúc', { exact: true }).waitFor();
    const supervisor = await openAs('tt.dongda', `/ho-so/${intakeCaseId}`);
    await (await sendEvent(supervisor, 'Duyệt kết thúc')).waitFor({ state: 'detached' });
    await stageOf(supervisor).getByText('Đã kết thúc – theo dõi sau', { exact: true }).waitFor();

    await page.reload();
    await page.getByRole('tab', { name: 'Biểu mẫu' }).click();
    for (const n of ['01', '02', '03', '04']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Tải mẫu ${n} (.docx)` }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^DD-2026-\\d{4}-mau-${n}\\.docx$`));
      const file = await download.createReadStream();
      const head = await new Promise<Buffer>((resolve) => file.once('data', (c) => resolve(c as Buffer)));
      // A .docx is a zip archive.
      expect(head.subarray(0, 2).toString()).toBe('PK');
    }
    await screenshot(page, 'case-forms');
  });

  it('shows a counsellor of another school the not-found page for a case’s address', async () => {
    const page = await openAs('tv.kimlien', `/ho-so/${intakeCaseId}`);
    await page.getByText('Không tìm thấy trang').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Hồ sơ ');
    await screenshot(page, 'case-other-school');
  });

  it('lets an inspector read the case with no step to take', async () => {
    const page = await openAs('thanhtra', `/ho-so/${intakeCaseId}`);
    await page.getByRole('heading', { name: /^Hồ sơ / }).waitFor();
    await stageOf(page).waitFor();
    expect(await page.getByRole('navigation', { name: 'Các bước có thể làm' }).count()).toBe(0);
    // Nothing to press in the page but its tabs (getByRole leaves out what is hidden from people).
    expect(await page.locator('main').getByRole('button').allTextContents()).toEqual([]);
    await screenshot(page, 'case-auditor');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('fits a counsellor’s phone', async () => {
    const page = await openAs('tv.dongda', `/ho-so/${intakeCaseId}`, PHONE);
    await stageOf(page).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'case-phone');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('sends a note by keyboard alone', async () => {
    // The demo's case in planning, which the other tests leave alone.
    const planning = await web
      .http()
      .get('/api/cases?state=planning')
      .set('Authorization', `Bearer ${counsellorToken}`);
    const page = await openAs('tv.dongda', `/ho-so/${planning.body.items[0].id}`);
    await stageOf(page).waitFor();
    const before = Number(await page.getByTestId('case-version').textContent());
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    // From the top of the page, Tab until the step's button has the focus.
    for (let i = 0; i < 40 && (await focused()) !== 'Thêm ghi chú'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Thêm ghi chú' });
    await drawer.waitFor();
    for (let i = 0; i < 5 && !(await drawer.getByLabel('Ghi chú').evaluate((e) => e === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Em đến phòng tư vấn lúc ra chơi.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await drawer.waitFor({ state: 'detached' });
    await page
      .getByTestId('case-version')
      .getByText(String(before + 1), { exact: true })
      .waitFor();
  });
});

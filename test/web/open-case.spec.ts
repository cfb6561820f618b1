/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@dh/demo';
import {
  browserMissing,
  chooseByKeyboard,
  screenshot,
  seriousAccessibilityViolations,
  tabTo,
} from '../support/browser';
import type { WebApp } from '../support/web-app';
import { fillNewLearner, fillReport } from '../support/open-case-page';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`open-case.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the web app: opening a case', () => {
  const tabs = useWebTabs();
  let web: WebApp;
  let page: Page;

  beforeAll(() => {
    web = tabs.web();
  });
  beforeEach(async () => {
    page = await tabs.openAs('tv.dongda', '/');
    await page.waitForURL(/\/viec-cua-toi$/);
    await page.getByRole('link', { name: 'Tạo hồ sơ mới' }).click();
    await page.getByRole('heading', { name: 'Tạo hồ sơ mới', level: 1 }).waitFor();
  });

  const newLearner = (name: string, born: string) => fillNewLearner(page, { name, born, sex: 'Nữ', className: '7A2' });

  it('records a new learner with a guardian, then the report ranked and rated, and lands on the new case', async () => {
    const search = page.getByRole('searchbox', { name: 'Tìm học sinh theo tên (có hoặc không dấu)' });
    await search.fill('hoang thi mai');
    await search.press('Enter');
    await page.getByText('Không tìm thấy học sinh nào tên “hoang thi mai”.').waitFor();
    await newLearner('Hoàng Thị Mai', '03/09/2013');
    await page.getByRole('button', { name: 'Thêm cha mẹ, người giám hộ' }).click();
    await page.getByLabel('Họ tên cha mẹ, người giám hộ').fill('Hoàng Văn Nam');
    await page.getByLabel('Quan hệ với học sinh').fill('bố');
    await page.getByLabel('Số điện thoại').fill('09x');
    await page.getByRole('button', { name: 'Lưu học sinh' }).click();
    // The phone is refused under its field before anything is sent.
    await page.getByText('Số điện thoại chỉ gồm chữ số').waitFor();
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await page.getByRole('button', { name: 'Lưu học sinh' }).click();
    expect(await page.getByTestId('chosen-learner').textContent()).toBe('Hoàng Thị Mai');

    await fillReport(page, {
      channel: 'Giáo viên, nhân viên',
      reporter: 'Cô Trần Thị Hạnh',
      areas: ['Học tập', 'Tâm lý'],
      risk: 'Cao',
      rationale: 'Em nói không muốn đến trường nữa.',
      summary: 'Giáo viên chủ nhiệm báo em khóc nhiều lần trong giờ học.',
    });
    // Psychology ranked above learning, by the arrows.
    await page.getByRole('button', { name: 'Đưa “Tâm lý” lên' }).click();
    await page.getByRole('button', { name: 'Đưa “Tâm lý” lên' }).click();
    await screenshot(page, 'open-case');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tạo hồ sơ', exact: true }).click();

    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    await page.getByTestId('case-stage').getByText('Tiếp nhận', { exact: true }).waitFor();
    const header = (await page.locator('.ant-descriptions').textContent()) ?? '';
    expect(header).toContain('Hoàng Thị Mai');
    expect(header).toContain('1. Tâm lý; 2. Học tập');
    expect(await page.getByTestId('case-risk').textContent()).toBe('Cao');
  });

  it('asks “Có phải em này không?” for a learner already recorded, and takes the recorded one', async () => {
    await newLearner('nguyen van  DUC', '14/05/2013');
    await page.getByRole('button', { name: 'Lưu học sinh' }).click();
    await page.getByText('Có phải em này không?').waitFor();
    await page.getByText('Nguyễn Văn Đức').waitFor();
    await screenshot(page, 'open-case-look-alike');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Đúng, chọn em này' }).click();
    expect(await page.getByTestId('chosen-learner').textContent()).toBe('Nguyễn Văn Đức');
  });

  it('asks before opening at critical risk, naming who will be alerted, and alerts them', async () => {
    const search = page.getByRole('searchbox', { name: 'Tìm học sinh theo tên (có hoặc không dấu)' });
    await search.fill('ngoc');
    await search.press('Enter');
    await page.getByRole('button', { name: 'Chọn Trần Thị Bích Ngọc' }).click();
    await fillReport(page, {
      channel: 'Học sinh trực tiếp',
      areas: ['Tâm lý'],
      risk: 'Nghiêm trọng',
      rationale: 'Em nói đến việc tự làm hại bản thân.',
      summary: 'Em tự đến phòng tư vấn.',
    });
    await page.getByRole('button', { name: 'Tạo hồ sơ', exact: true }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('Tổ trưởng tư vấn và hiệu trưởng của trường sẽ nhận cảnh báo ngay').waitFor();
    await screenshot(page, 'open-case-critical');
    await confirm.getByRole('button', { name: 'Xác nhận và tạo hồ sơ' }).click();
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop();

    const login = await web.http().post('/api/auth/login').send({ username: 'tt.dongda', password: DEMO_PASSWORD });
    const alerts = await web
      .http()
      .get(`/api/alerts?caseId=${caseId}`)
      .set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(alerts.body.items.map((a: { level: string }) => a.level)).toEqual(['critical_risk']);
  });

  it('opens a case by keyboard alone', async () => {
    const key = (k: string) => page.keyboard.press(k);
    await tabTo(page, page.getByRole('searchbox', { name: 'Tìm học sinh theo tên (có hoặc không dấu)' }));
    await page.keyboard.type('ngoc');
    await key('Enter');
    const pick = page.getByRole('button', { name: 'Chọn Trần Thị Bích Ngọc' });
    await pick.waitFor();
    await tabTo(page, pick);
    await key('Enter');
    await tabTo(page, page.getByLabel('Kênh tiếp nhận', { exact: true }));
    await chooseByKeyboard(page, 'Cha mẹ, người giám hộ');
    await tabTo(page, page.getByLabel('Họ tên người báo tin'));
    await page.keyboard.type('Bà Trần Thị Lan');
    await tabTo(page, page.getByRole('checkbox', { name: 'Kỹ năng sống' }));
    await key('Space');
    await tabTo(page, page.getByLabel('Mức độ nguy cơ', { exact: true }));
    await chooseByKeyboard(page, 'Trung bình');
    await tabTo(page, page.getByLabel('Lý do đánh giá mức độ nguy cơ'));
    await page.keyboard.type('Em ít nói chuyện với bạn bè.');
    await tabTo(page, page.getByLabel('Tóm tắt'));
    await page.keyboard.type('Mẹ em báo em thu mình ở nhà.');
    await tabTo(page, page.getByRole('button', { name: 'Tạo hồ sơ', exact: true }));
    await key('Enter');

    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/);
    await page.getByTestId('case-stage').getByText('Tiếp nhận', { exact: true }).waitFor();
    const header = (await page.locator('.ant-descriptions').textContent()) ?? '';
    expect(header).toContain('Trần Thị Bích Ngọc');
    expect(header).toContain('Cha mẹ, người giám hộ');
    expect(header).toContain('1. Kỹ năng sống');
    expect(await page.getByTestId('case-risk').textContent()).toBe('Trung bình');
  });
});

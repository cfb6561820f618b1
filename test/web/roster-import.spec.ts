/// <reference lib="dom" />
import { rosterXlsx, rowOf } from '../../bench/roster-sample';
import { browserMissing, choose, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { useWebTabs } from '../support/web-tabs';

const missing = browserMissing();
if (missing) process.stderr.write(`roster-import.spec: browser tests skipped, ${missing}\n`);
const describeWithBrowser = missing ? describe.skip : describe;

const learner = (i: number, fullName: string, dateOfBirth: string, sex = 'Nữ') => ({
  fullName,
  dateOfBirth,
  sex,
  className: '6A1',
  nationalId: `00300000000${i}`,
  guardianName: `Phụ Huynh ${i}`,
  phone: `091234567${i}`,
});

describeWithBrowser('the web app: a school’s roster imported from its Excel export', () => {
  const tabs = useWebTabs();
  const { openAs } = tabs;

  it('a supervisor uploads the file, sees the proposed mapping and the refused rows, confirms and follows it', async () => {
    const page = await openAs('tt.dongda', '/nhap-danh-sach');
    await page.getByRole('heading', { name: 'Nhập danh sách học sinh', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Đồng Hành' })
      .getByRole('link', { name: 'Nhập danh sách', exact: true })
      .waitFor();

    const file = await rosterXlsx([
      rowOf(learner(1, 'Vũ Thị Nhập Một', '14/05/2013'), 1),
      rowOf(learner(2, 'Đặng Văn Nhập Hai', '02/09/2012', 'Nam'), 2),
      rowOf(learner(3, 'Hồ Thị Ngày Sai', '31/02/2013'), 3),
      rowOf(learner(4, '', '01/01/2013'), 4),
    ]);
    await page.locator('#roster-file').setInputFiles({
      name: 'Danh sách lớp 6A1.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();

    // The mapping proposed from the Vietnamese headers, below the merged title rows.
    const planned = page.getByTestId('roster-planned');
    await planned.getByText('Thêm mới 2, cập nhật 0; 2 dòng không nhập được').waitFor();
    const preview = page.getByTestId('roster-preview');
    await preview.getByRole('row').filter({ hasText: 'Vũ Thị Nhập Một' }).waitFor();
    const refused = page.getByTestId('roster-refused');
    await refused
      .getByRole('row')
      .filter({ hasText: 'Hồ Thị Ngày Sai' })
      .getByText(/không phải là một ngày/)
      .waitFor();
    await refused.getByRole('row').filter({ hasText: 'Thiếu họ và tên' }).waitFor();
    await screenshot(page, 'roster-import-preview');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Without a name column nothing can be taken: the API says so under that select, and nothing is imported.
    await choose(page, page.getByLabel('Họ và tên', { exact: true }), '(không dùng)');
    await page.locator('#fullName_help').getByText('Chưa chọn cột chứa Họ và tên').waitFor();
    await screenshot(page, 'roster-import-no-name');
    await choose(page, page.getByLabel('Họ và tên', { exact: true }), 'Họ và tên');
    await page.locator('#fullName_help').waitFor({ state: 'detached' });
    await planned.getByText('Thêm mới 2').waitFor();

    // The demo school's own learners are not in the file: a full roster would mark them as having left.
    expect(await page.getByTestId('roster-left').textContent()).toMatch(
      /^[1-9]\d* học sinh của trường không có trong tệp/,
    );
    // A partial roster: the demo school's other learners stay.
    await page.getByRole('checkbox', { name: /danh sách đầy đủ/ }).uncheck();
    await page.getByRole('button', { name: 'Xác nhận nhập danh sách' }).click();
    const progress = page.getByTestId('roster-progress');
    await progress.getByText('Đã đọc 4/4 dòng: nhập 2, từ chối 2; thêm 2, cập nhật 0').waitFor();
    await page.getByText('Đã nhập xong').waitFor();
    await screenshot(page, 'roster-import-done');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

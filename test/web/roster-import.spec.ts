/// <reference lib="dom" />
import { rosterXlsx, rowOf } from '../../bench/roster-sample';
import { Client } from 'pg';
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

    // The demo school's own learners are not in the file: a whole-school roster would mark them as having left,
    // and the page asks, the box left unticked, so that a one-class file marks nobody.
    expect(await page.getByTestId('roster-left').textContent()).toMatch(
      /^Đây là danh sách toàn trường: đánh dấu [1-9]\d* học sinh không có trong tệp là đã chuyển đi\/nghỉ học$/,
    );
    expect(await page.getByRole('checkbox', { name: /danh sách toàn trường/ }).isChecked()).toBe(false);
    await page.getByText('không học sinh nào bị ghi là đã rời trường').waitFor();
    await page.getByRole('button', { name: 'Xác nhận nhập danh sách' }).click();
    const progress = page.getByTestId('roster-progress');
    await progress.getByText('Đã đọc 4/4 dòng: nhập 2, từ chối 2; thêm 2, cập nhật 0').waitFor();
    await page.getByText('Đã nhập xong').waitFor();
    await screenshot(page, 'roster-import-done');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('a row that looks like two recorded learners waits for a decision; taken as the same learner, it adds nobody', async () => {
    const page = await openAs('tt.dongda', '/nhap-danh-sach');
    await page.getByRole('heading', { name: 'Nhập danh sách học sinh', level: 1 }).waitFor();
    const twin = (i: number, className: string) => ({
      ...learner(i, 'Lý Thị Song Sinh', '03/03/2014'),
      className,
      nationalId: `00300000009${i}`,
    });
    const send = async (name: string, rows: (string | Date | number)[][]) => {
      await page.locator('#roster-file').setInputFiles({
        name,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await rosterXlsx(rows),
      });
      await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();
    };
    const progress = page.getByTestId('roster-progress');

    // Twins: one name and birth date, told apart by their IDs.
    await send('Song sinh.xlsx', [rowOf(twin(1, '4A'), 1), rowOf(twin(2, '4B'), 2)]);
    await page.getByTestId('roster-planned').getByText('Thêm mới 2, cập nhật 0').waitFor();
    await page.getByRole('button', { name: 'Xác nhận nhập danh sách' }).click();
    await progress.getByText('thêm 2, cập nhật 0').waitFor();

    // Next year's class list names one of them without an ID: the look-alike rule cannot tell which.
    await send('Lớp 5A.xlsx', [rowOf({ ...twin(1, '5A'), nationalId: '' }, 1)]);
    await page.getByTestId('roster-planned').getByText('1 dòng cần xác nhận').waitFor();
    const decision = page.getByRole('radiogroup', { name: 'Quyết định cho dòng 5' });
    await decision.getByRole('radio', { name: 'Học sinh mới' }).waitFor();
    // No decision yet: the import cannot start, and the page says why.
    const confirm = page.getByRole('button', { name: 'Xác nhận nhập danh sách' });
    expect(await confirm.isDisabled()).toBe(true);
    await page
      .getByTestId('roster-undecided')
      .getByText(/^Còn 1 dòng cần xác nhận chưa có quyết định/)
      .waitFor();
    await screenshot(page, 'roster-import-doubtful');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await decision
      .getByRole('radio', { name: /^Cùng một học sinh: Lý Thị Song Sinh, lớp 4A, sinh ngày 03\/03\/2014$/ })
      .check();
    await page.getByTestId('roster-undecided').waitFor({ state: 'detached' });
    await confirm.click();
    await progress.getByText('Đã đọc 1/1 dòng: nhập 1, từ chối 0; thêm 0, cập nhật 1').waitFor();
    await page.getByText('Đã nhập xong').waitFor();

    // The twin in 4A moved to 5A; no third learner of that name.
    const pg = new Client({ connectionString: tabs.web().db.url });
    await pg.connect();
    try {
      const rows = (
        await pg.query(`SELECT class_name FROM learner WHERE full_name = 'Lý Thị Song Sinh' ORDER BY class_name`)
      ).rows as { class_name: string }[];
      expect(rows.map((r) => r.class_name)).toEqual(['4B', '5A']);
    } finally {
      await pg.end();
    }

    // Said to be the whole school's roster, a file with the other twin alone marks the rest as having left, once
    // the box is ticked; they are still found when a case is opened, tagged, with their ID and the day they left.
    await send('Toàn trường.xlsx', [rowOf(twin(2, '4B'), 1)]);
    await page.getByTestId('roster-planned').getByText('Thêm mới 0, cập nhật 1').waitFor();
    await page.getByRole('checkbox', { name: /danh sách toàn trường/ }).check();
    await page.getByText(/^[1-9]\d* học sinh của trường không có trong tệp sẽ được ghi là đã rời trường/).waitFor();
    await confirm.click();
    await progress.getByText(/thêm 0, cập nhật 1, đánh dấu đã rời trường [1-9]/).waitFor();

    await page.getByRole('link', { name: 'Tạo hồ sơ mới' }).click();
    const search = page.getByRole('searchbox', { name: 'Tìm học sinh theo tên (có hoặc không dấu)' });
    await search.fill('song sinh');
    await search.press('Enter');
    const results = page.locator('.learner-results');
    const left = results.getByRole('listitem').filter({ hasText: 'Lớp 5A' });
    await left.getByText('Đã rời trường', { exact: true }).waitFor();
    await left
      .getByText(/^03\/03\/2014 · Lớp 5A · Mã định danh 003000000091 · Đã rời trường ngày \d\d\/\d\d\/\d{4}$/)
      .waitFor();
    const stays = results.getByRole('listitem').filter({ hasText: 'Lớp 4B' });
    await stays.getByText('03/03/2014 · Lớp 4B · Mã định danh 003000000092', { exact: true }).waitFor();
    expect(await stays.getByText('Đã rời trường').count()).toBe(0);
    await screenshot(page, 'open-case-learner-left');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

import { fieldOfHeader, findHeaderRow, proposeMapping } from '../roster-columns';
import { parseBirthDate, parseSex } from '../roster-rows';

describe('roster columns', () => {
  it.each([
    ['Họ và tên', 'fullName'],
    ['HO VA TEN', 'fullName'],
    ['Họ tên học sinh', 'fullName'],
    ['Ngày sinh', 'dateOfBirth'],
    ['Ngay thang nam sinh', 'dateOfBirth'],
    ['Giới tính', 'sex'],
    ['Lớp', 'className'],
    ['Mã định danh', 'nationalId'],
    ['Ma dinh danh hoc sinh', 'nationalId'],
    ['Họ tên cha/mẹ', 'guardianName'],
    ['Họ tên mẹ', 'guardianName'],
    ['Số điện thoại', 'guardianPhone'],
    ['SĐT phụ huynh', 'guardianPhone'],
    ['Số điện thoại liên hệ', 'guardianPhone'],
    ['STT', null],
    ['Ghi chú', null],
  ])('reads the header "%s" as %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('finds the header below merged title rows and blank lines', () => {
    const title = Array<string>(8).fill('DANH SÁCH HỌC SINH LỚP 6A1');
    const rows = [title, Array<string>(8).fill('Trường THCS A'), ['STT', 'Họ và tên', 'Ngày sinh', 'Lớp'], ['1', 'An']];
    expect(findHeaderRow(rows)).toBe(2);
    expect(findHeaderRow([title, ['1', 'Nguyễn Văn An']])).toBeNull();
    expect(proposeMapping(rows[2])).toEqual({ fullName: 'Họ và tên', dateOfBirth: 'Ngày sinh', className: 'Lớp' });
  });

  it('reads birth dates day first, ISO dates and Excel serial numbers; refuses what is no date', () => {
    expect(parseBirthDate('14/05/2013')).toBe('2013-05-14');
    expect(parseBirthDate('4-5-2013')).toBe('2013-05-04');
    expect(parseBirthDate('2013-05-14')).toBe('2013-05-14');
    expect(parseBirthDate('41408')).toBe('2013-05-14');
    expect(parseBirthDate('31/02/2013')).toBeNull();
    expect(parseBirthDate('tháng 5')).toBeNull();
  });

  it('reads the sex in Vietnamese with or without diacritics; anything else is unknown', () => {
    expect(['Nam', 'nữ', 'NU', '', 'Không rõ'].map(parseSex)).toEqual(['nam', 'nu', 'nu', 'khong_ro', 'khong_ro']);
    expect(parseSex('X')).toBeNull();
  });
});

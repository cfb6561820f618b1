import ExcelJS from 'exceljs';

// A school's roster as its Excel export looks: a merged title row or two, a blank line, then the header. The
// tests (test/roster) import it, and the bench (bench/roster-import.ts) measures it.
export type RosterLearner = {
  fullName: string;
  dateOfBirth: string | Date;
  sex: string;
  className: string;
  nationalId: string;
  guardianName: string;
  phone: string;
};

export const HEADERS = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Lớp',
  'Mã định danh',
  'Họ tên cha/mẹ',
  'Số điện thoại',
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Đức'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quân',
  'Sơn',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

// The i-th learner of a generated roster (distinct names, 1,200 of them before the names repeat); every tenth has
// no national ID, as in schools whose export lacks some.
export const learnerAt = (i: number): RosterLearner => {
  const fullName = `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 5]} ${GIVEN[Math.floor(i / 50) % 24]}`;
  const year = 2011 + (i % 5);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const iso = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  return {
    fullName: i >= 1200 ? `${fullName} ${i}` : fullName,
    // Half as date cells, half typed as text (day first).
    dateOfBirth: i % 2 ? new Date(`${iso}T00:00:00Z`) : `${pad(day, 2)}/${pad(month, 2)}/${year}`,
    sex: i % 2 ? 'Nam' : 'Nữ',
    className: `${6 + (i % 4)}A${1 + (i % 3)}`,
    nationalId: i % 10 === 9 ? '' : `0010${pad(i, 8)}`,
    guardianName: `${FAMILY[(i + 3) % 10]} Văn Phụ Huynh ${i}`,
    phone: `09${pad(i, 8)}`,
  };
};

export const rowOf = (l: RosterLearner, n: number): (string | Date | number)[] => [
  n,
  l.fullName,
  l.dateOfBirth,
  l.sex,
  l.className,
  l.nationalId,
  l.guardianName,
  l.phone,
];

export const rosterXlsx = async (rows: (string | Date | number)[][]): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH HỌC SINH NĂM HỌC 2025-2026']);
  sheet.mergeCells('A1:H1');
  sheet.addRow(['Trường THCS Thử Nghiệm A']);
  sheet.mergeCells('A2:H2');
  sheet.addRow([]);
  sheet.addRow(HEADERS);
  // The national ID as text: a number cell would drop its leading zeros.
  sheet.getColumn(6).numFmt = '@';
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
};

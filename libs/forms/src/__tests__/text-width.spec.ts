import { longestWordWidth, textWidth } from '../text-width';

// Reference widths measured from Liberation Serif (Times New Roman's metrics) with the font's own tables.
describe('textWidth', () => {
  const sut = textWidth;

  it.each([
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 26, true, 5424.1],
    ['Độc lập - Tự do - Hạnh phúc', 26, true, 3182.8],
    ['TRƯỜNG THCS THỬ NGHIỆM A', 26, true, 4011.0],
    ['Phương pháp áp dụng', 22, false, 1928.2],
    ['Nguyễn Thị Ánh Tuyết', 26, false, 2433.4],
    ['08 giờ 30, ngày 02/03/2026', 22, false, 2432.4],
    ['Ưu tiên – Đường dây nóng; Quá hạn!', 22, false, 3296.2],
  ])('%s at %d half-points (bold: %s) is %d twips wide, as the font prints it', (text, size, bold, expected) => {
    expect(Math.abs(sut(text, size, bold) - expected)).toBeLessThan(expected * 0.01);
  });

  it('the widest word of a text', () => {
    expect(longestWordWidth('Tham vấn nhận thức – hành vi', 22)).toBe(textWidth('Tham', 22));
    expect(longestWordWidth('', 22)).toBe(0);
  });
});

import { nameKey } from '../vietnamese-name';

describe('nameKey', () => {
  it.each([
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['  TRẦN   thị  Bích Ngọc ', 'tran thi bich ngoc'],
    ['Đặng Quốc Bảo', 'dang quoc bao'],
    // The same letters composed differently (NFC vs NFD input) meet at one key.
    ['Nguye\u0302\u0303n', 'nguyen'],
  ])('%s → %s', (input, key) => expect(nameKey(input)).toBe(key));
});

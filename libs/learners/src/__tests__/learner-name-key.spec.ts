import { learnerNameKey } from '../learner-name-key';

describe('learnerNameKey', () => {
  it.each([
    ['Nguyễn Văn Đức', 'Nguyễn Văn Đức'],
    ['Lê Thị Hoa', 'Lê Thị Ho\u200Ba'],
    ['Lê Thị Hoa', 'L\u0435 Th\u00ADị H\u043E\u0430\u2060'],
    ['Lê Thị Hoa', 'LÊ THỊ HOA\uFEFF'],
    ['Lê Thị Hoa', 'L\u0415 TH\u0399̣ H\u039FA'],
    ['Trần Bích Ngọc', 'Tr\u0430\u0300n B\u0456ch Ng\u043E\u0323c'],
  ])('%s meets %j', (a, b) => expect(learnerNameKey(b)).toBe(learnerNameKey(a)));

  it.each([
    ['Lê Văn Lâm', 'Lê Văn Lan'],
    ['Nguyễn Thị Mai', 'Nguyễn Thị Mại Anh'],
    ['Phạm Minh', 'Phạm Linh'],
    ['Đỗ Huy', 'Đỗ Duy'],
  ])('%s stays apart from %s', (a, b) => expect(learnerNameKey(b)).not.toBe(learnerNameKey(a)));

  it('drops format characters and folds look-alikes, nothing else', () => {
    expect(learnerNameKey('  Nguyễn\u200B  Văn Đức ')).toBe(learnerNameKey('nguyen van duc'));
    expect(learnerNameKey('\u200B\u200C\u200D')).toBe('');
  });
});

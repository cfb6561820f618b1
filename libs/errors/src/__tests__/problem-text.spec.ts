import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { flattenValidationErrors } from '../validation';

class Guardian {
  @IsString() @MaxLength(200) fullName!: string;
}

class Sample {
  @IsString() @MaxLength(200) fullName!: string;
  @IsIn(['nam', 'nu', 'khong_ro']) sex!: string;
  @IsDateString() startedAt!: string;
  @IsUUID('all') schoolId!: string;
  @IsInt() @Min(1) @Max(600) minutes!: number;
  @IsArray() @ArrayMaxSize(2) @IsString({ each: true }) methods!: string[];
  @ValidateNested({ each: true }) @Type(() => Guardian) guardians!: Guardian[];
  @Matches(/^[A-Z0-9]{2,10}$/, { message: 'code must be 2–10 capital letters or digits' }) code!: string;
  @Matches(/\S/, { message: 'kind: phải có nội dung / must not be empty' }) kind!: string;
}

const problemsOf = (body: Record<string, unknown>) => {
  const errors = validateSync(plainToInstance(Sample, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: true, value: false },
  });
  return Object.fromEntries(
    flattenValidationErrors(errors).map((f) => [f.field, { label: f.label, problems: f.problems }]),
  );
};

// Issue 13, point 14: each problem is a Vietnamese sentence with the field's label, then the English one,
// worded from the kind of constraint and what it was declared with.
describe('problem text', () => {
  const sut = problemsOf({
    fullName: 'x'.repeat(201),
    sex: 'x',
    startedAt: 'hôm qua',
    schoolId: 'x',
    minutes: 601,
    methods: ['a', 'b', 3],
    guardians: [{ fullName: 7 }],
    code: 'dd',
    kind: ' ',
    extra: 1,
  });

  it.each([
    [
      'fullName',
      'Họ và tên',
      'Họ và tên không được dài quá 200 ký tự / fullName must be shorter than or equal to 200 characters',
    ],
    [
      'sex',
      'Giới tính',
      'Giới tính phải là một trong các giá trị: nam, nu, khong_ro / sex must be one of the following values: nam, nu, khong_ro',
    ],
    [
      'startedAt',
      'Thời gian bắt đầu',
      'Thời gian bắt đầu phải là ngày hoặc ngày giờ theo ISO 8601 (ví dụ 2026-03-02 hoặc 2026-03-02T09:00:00+07:00) / startedAt must be a valid ISO 8601 date string',
    ],
    ['schoolId', 'Trường', 'Trường phải là mã định danh (UUID) / schoolId must be a UUID'],
    ['minutes', 'Số phút', 'Số phút không được lớn hơn 600 / minutes must not be greater than 600'],
    [
      'guardians[0].fullName',
      'Họ và tên người giám hộ',
      'Họ và tên người giám hộ phải là văn bản / fullName must be a string',
    ],
    ['code', 'Mã', 'Mã phải gồm 2 đến 10 chữ cái in hoa hoặc chữ số / code must be 2–10 capital letters or digits'],
    ['kind', 'Loại', 'kind: phải có nội dung / must not be empty'],
    ['extra', 'extra', 'Trường dữ liệu không được phép: extra / unknown field: extra'],
  ])('%s', (field, label, problem) => {
    expect(sut[field]).toEqual({ label, problems: expect.arrayContaining([problem]) });
  });

  it('a list: its size with the number, each item by "mỗi mục"', () => {
    expect(sut.methods.problems).toEqual(
      expect.arrayContaining([
        'Phương pháp áp dụng không được có quá 2 mục / methods must contain no more than 2 elements',
        'Phương pháp áp dụng: mỗi mục phải là văn bản / each value in methods must be a string',
      ]),
    );
  });
});

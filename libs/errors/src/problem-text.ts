import { getMetadataStorage, ValidationError } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { labelTextOf } from '@dh/labels';

type Constraint = { args: unknown[]; each: boolean };

// What the constraint was declared with (maxLength's number, isIn's values), read back from class-validator's
// metadata by the refused object's class: the error itself carries only the English message.
const constraintOf = (target: object | undefined, property: string, name: string): Constraint | undefined => {
  if (!target) return undefined;
  const storage = getMetadataStorage();
  const metas: ValidationMetadata[] = storage.getTargetValidationMetadatas(target.constructor, '', true, false);
  const meta = metas.find(
    (m) =>
      m.propertyName === property &&
      (m.name ??
        (m.constraintCls ? storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name : undefined) ??
        m.type) === name,
  );
  return meta ? { args: meta.constraints ?? [], each: meta.each } : undefined;
};

const list = (values: unknown): string => (Array.isArray(values) ? values.join(', ') : String(values));

const DAY_PATTERN = String(/^\d{4}-\d{2}-\d{2}$/);
const NOT_BLANK = String(/\S/);
const KNOWN_PATTERNS: Record<string, string> = {
  [String(/^[A-Z0-9]{2,10}$/)]: 'phải gồm 2 đến 10 chữ cái in hoa hoặc chữ số',
  [String(/^[a-z0-9._-]{3,50}$/)]: 'phải gồm 3 đến 50 ký tự a-z, 0-9, dấu chấm, gạch dưới hoặc gạch ngang',
  [String(/^[a-zA-Z]+(\.[a-zA-Z]+)?$/)]: 'phải là tên một giai đoạn của hồ sơ (ví dụ intake hoặc referral.pending)',
};

// A pattern says what it accepts only to a programmer: the ones the API uses, in words.
const patternText = (pattern: unknown): string => {
  const source = String(pattern);
  if (source === NOT_BLANK) return 'không được để trống';
  if (source === DAY_PATTERN) return 'phải là một ngày dạng YYYY-MM-DD';
  if (KNOWN_PATTERNS[source]) return KNOWN_PATTERNS[source];
  if (/\\d|0-9/.test(source) && /\+/.test(source) && !/T/.test(source)) return 'phải là số điện thoại hợp lệ';
  return 'không đúng định dạng';
};

// The Vietnamese half of a problem, after the field's label: one sentence per kind of constraint.
const SENTENCES: Record<string, (args: unknown[]) => string> = {
  isString: () => 'phải là văn bản',
  isNotEmpty: () => 'không được để trống',
  isNonBlank: () => 'không được để trống',
  maxLength: ([n]) => `không được dài quá ${n} ký tự`,
  minLength: ([n]) => `phải dài ít nhất ${n} ký tự`,
  isIn: ([values]) => `phải là một trong các giá trị: ${list(values)}`,
  isEnum: ([values]) => `phải là một trong các giá trị: ${list(Object.values(values as object))}`,
  isDateString: () => 'phải là ngày hoặc ngày giờ theo ISO 8601 (ví dụ 2026-03-02 hoặc 2026-03-02T09:00:00+07:00)',
  isIso8601: () => 'phải là ngày hoặc ngày giờ theo ISO 8601 (ví dụ 2026-03-02 hoặc 2026-03-02T09:00:00+07:00)',
  isUuid: () => 'phải là mã định danh (UUID)',
  isInt: () => 'phải là số nguyên',
  isNumber: () => 'phải là một số',
  min: ([n]) => `không được nhỏ hơn ${n}`,
  max: ([n]) => `không được lớn hơn ${n}`,
  arrayMaxSize: ([n]) => `không được có quá ${n} mục`,
  arrayMinSize: ([n]) => `phải có ít nhất ${n} mục`,
  arrayUnique: () => 'không được có mục trùng nhau',
  isArray: () => 'phải là một danh sách',
  isBoolean: () => 'phải là đúng hoặc sai (true hoặc false)',
  isObject: () => 'phải là một đối tượng JSON',
  isDefined: () => 'là thông tin bắt buộc',
  isEmail: () => 'phải là địa chỉ thư điện tử hợp lệ',
  matches: ([pattern]) => patternText(pattern),
  nestedValidation: () => 'phải là một đối tượng JSON hoặc một danh sách hợp lệ',
  guardianOnlyForGuardian: () => 'chỉ ghi khi người đồng ý là người giám hộ',
  unknownValue: () => 'phải là một đối tượng JSON',
  isRankedAreas: () => 'mỗi nội dung chỉ ghi một lần, thứ tự ưu tiên từ 1 đến n, không trùng, không bỏ số',
};

// A message written in both languages already (the calendar's, receivedAt's) is kept as its author wrote it.
const isBilingual = (message: string): boolean => message.includes(' / ');

export const problemText = (error: ValidationError, field: string, name: string, message: string): string => {
  if (name === 'whitelistValidation')
    return `Trường dữ liệu không được phép: ${error.property} / unknown field: ${error.property}`;
  if (isBilingual(message)) return message;
  const label = labelTextOf(field);
  const constraint = constraintOf(error.target, error.property, name);
  const sentence = SENTENCES[name]?.(constraint?.args ?? []) ?? 'không hợp lệ';
  const vi = constraint?.each ? `${label}: mỗi mục ${sentence}` : `${label} ${sentence}`;
  return `${vi} / ${message}`;
};

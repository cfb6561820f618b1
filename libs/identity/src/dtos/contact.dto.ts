import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

// RFC 5321's limit on a forward path.
export const EMAIL_MAX = 254;

// A Vietnamese mobile number as alerts are sent to it: stored in E.164 (+84 and nine digits), which SMS and Zalo
// gateways take as is. Typed with 0 or +84 first, spaces anywhere.
export const PHONE_STORED = /^\+84[1-9]\d{8}$/;

const blankToNull = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value;

export const normalisePhone = (value: unknown): unknown => {
  const typed = blankToNull(value);
  if (typeof typed !== 'string') return typed;
  const digits = typed.replace(/\s+/g, '');
  return /^0\d{9}$/.test(digits) ? `+84${digits.slice(1)}` : digits;
};

// Absent: left as it is; null or blank: removed (alerts then reach the person in the app only).
export const ContactEmail = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      format: 'email',
      maxLength: EMAIL_MAX,
      example: 'lan.nguyen@thcs-kimlien.edu.vn',
      description: 'Địa chỉ nhận cảnh báo / where alerts are e-mailed; null or blank removes it',
    }),
    Transform(({ value }) => blankToNull(value)),
    IsOptional(),
    IsString(),
    MaxLength(EMAIL_MAX),
    IsEmail(),
  );

export const ContactPhone = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      example: '0912 345 678',
      description:
        'Số di động: 0 hoặc +84 rồi 9 chữ số, được lưu dạng +84… / a mobile number, 0 or +84 then 9 digits, ' +
        'stored as +84…; null or blank removes it',
    }),
    Transform(({ value }) => normalisePhone(value)),
    IsOptional(),
    IsString(),
    Matches(PHONE_STORED, {
      message:
        'Số điện thoại phải bắt đầu bằng 0 hoặc +84, tiếp theo là 9 chữ số (ví dụ 0912 345 678) / ' +
        'phone must be 0 or +84 followed by 9 digits (e.g. 0912 345 678)',
    }),
  );

export class ContactDto {
  @ContactEmail()
  email?: string | null;

  @ContactPhone()
  phone?: string | null;
}

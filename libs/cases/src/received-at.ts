import { applyDecorators } from '@nestjs/common';
import { isISO8601, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { InputValidationException } from '@dh/errors';

// When the information reached the school (DOMAIN.md: clocks start when the school learned, not when someone
// typed). Further back than this, the one who records it says why it comes so late.
export const RECEIVED_LATE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export const RECEIVED_AT_MESSAGES = {
  format:
    'Thời điểm tiếp nhận phải là ngày giờ kèm múi giờ, ví dụ 2026-03-02T16:00:00+07:00 / receivedAt must be a date and time with its offset, e.g. 2026-03-02T16:00:00+07:00',
  future: 'Thời điểm tiếp nhận không được ở sau thời điểm hiện tại / receivedAt must not be in the future',
  reasonNeeded: `Cần ghi lý do nhập muộn khi thời điểm tiếp nhận cách đây hơn ${RECEIVED_LATE_DAYS} ngày / receivedLateReason is required when receivedAt is more than ${RECEIVED_LATE_DAYS} days ago`,
  reasonAlone: 'Lý do nhập muộn chỉ ghi kèm thời điểm tiếp nhận / receivedLateReason goes with receivedAt',
  reasonBlank: 'Lý do nhập muộn không được để trống / receivedLateReason must not be empty',
  reasonLong: 'Lý do nhập muộn dài quá 1000 ký tự / receivedLateReason must be at most 1000 characters',
} as const;

// The offset is required: a bare local time would be read in the server's zone, not the school's.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && INSTANT.test(value) && isISO8601(value, { strict: true });

// The two optional fields of a case opening and of a protection concern; how they stand against now is
// decided by receivedOf, which knows the clock.
export const ReceivedAtField = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    ValidateBy({
      name: 'isInstant',
      validator: { validate: isInstant, defaultMessage: () => RECEIVED_AT_MESSAGES.format },
    }),
  );

export const ReceivedLateReasonField = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    IsString({ message: RECEIVED_AT_MESSAGES.reasonBlank }),
    Matches(/\S/, { message: RECEIVED_AT_MESSAGES.reasonBlank }),
    MaxLength(1000, { message: RECEIVED_AT_MESSAGES.reasonLong }),
  );

export type ReceivedInput = { receivedAt?: string; receivedLateReason?: string };
export type Received = { receivedAt: Date; receivedLateReason: string | null };

// `prefix` names the fields as the client wrote them (payload.receivedAt in an event).
export const receivedOf = (input: ReceivedInput, now: Date, prefix = ''): Received => {
  const field = (name: keyof ReceivedInput) => (prefix ? `${prefix}.${name}` : name);
  const refuse = (name: keyof ReceivedInput, problem: string) =>
    new InputValidationException([{ field: field(name), problems: [problem] }]);
  const reason = input.receivedLateReason ?? null;
  if (input.receivedAt === undefined) {
    if (reason !== null) throw refuse('receivedLateReason', RECEIVED_AT_MESSAGES.reasonAlone);
    return { receivedAt: now, receivedLateReason: null };
  }
  const receivedAt = new Date(input.receivedAt);
  if (receivedAt > now) throw refuse('receivedAt', RECEIVED_AT_MESSAGES.future);
  if (now.getTime() - receivedAt.getTime() > RECEIVED_LATE_DAYS * DAY_MS && reason === null)
    throw refuse('receivedLateReason', RECEIVED_AT_MESSAGES.reasonNeeded);
  return { receivedAt, receivedLateReason: reason };
};

import { registerDecorator, ValidationArguments } from 'class-validator';

// A position in the case list: the sort key (updated_at DESC, id DESC) of the last case a page showed. The
// timestamp is kept to the microsecond, as PostgreSQL stores it: a millisecond key would skip or repeat the cases
// whose updated_at differs below the millisecond.
export type CaseCursor = { updatedAt: string; id: string };

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MICROS_UTC = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/; // as PostgreSQL writes one
const SEPARATOR = '|';

export const encodeCaseCursor = (c: CaseCursor): string =>
  Buffer.from(`${c.updatedAt}${SEPARATOR}${c.id}`, 'utf8').toString('base64url');

// Why a cursor cannot be read, in Vietnamese then English; null when it can.
export const caseCursorProblem = (value: unknown): string | null => {
  if (typeof value !== 'string' || !BASE64URL.test(value)) {
    return 'Vị trí (cursor) phải là chuỗi base64url lấy từ nextCursor của trang trước / cursor must be the base64url string a page gave as nextCursor';
  }
  return decodeCaseCursor(value)
    ? null
    : 'Vị trí (cursor) không phải vị trí nào danh sách đã trả về / cursor is not a position the list gave (its nextCursor)';
};

// null for anything encodeCaseCursor did not make: a cursor is re-encoded and must come back the same (base64
// has other spellings of the same bytes), its timestamp must be a real instant (PostgreSQL would refuse
// 2026-02-30, a 500), its id a UUID.
export const decodeCaseCursor = (value: string): CaseCursor | null => {
  if (!BASE64URL.test(value)) return null;
  const text = Buffer.from(value, 'base64url').toString('utf8');
  const [updatedAt, id, ...rest] = text.split(SEPARATOR);
  if (rest.length > 0 || updatedAt === undefined || id === undefined) return null;
  if (!MICROS_UTC.test(updatedAt) || !UUID.test(id)) return null;
  const instant = new Date(updatedAt);
  if (Number.isNaN(instant.getTime()) || instant.toISOString().slice(0, 23) !== updatedAt.slice(0, 23)) return null;
  const cursor = { updatedAt, id };
  return encodeCaseCursor(cursor) === value ? cursor : null;
};

export const IsCaseCursor = () => (target: object, propertyName: string) => {
  registerDecorator({
    name: 'isCaseCursor',
    target: target.constructor,
    propertyName,
    validator: {
      validate: (value: unknown) => caseCursorProblem(value) === null,
      defaultMessage: (args: ValidationArguments) => caseCursorProblem(args.value) ?? '',
    },
  });
};

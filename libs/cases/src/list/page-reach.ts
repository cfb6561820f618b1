import { registerDecorator, ValidationArguments } from 'class-validator';

// How deep a page number may reach. OFFSET reads and throws away every case before the page, so its cost grows
// with the page; past this many cases the list is walked by cursor (nextCursor), whose cost does not. 500 pages of
// the web app's 20.
export const OFFSET_REACH = 10_000;

type Paged = { page?: unknown; pageSize?: unknown; cursor?: unknown };

const reachProblem = ({ page, pageSize, cursor }: Paged): string | null => {
  if (typeof page !== 'number' || typeof pageSize !== 'number') return null; // their own checks answer
  if (cursor !== undefined && page !== 1) {
    return 'Trang (page) không dùng cùng vị trí (cursor): cursor đã chỉ nơi bắt đầu / page cannot be combined with cursor, which already says where the page starts';
  }
  if ((page - 1) * pageSize >= OFFSET_REACH) {
    return `Trang (page) quá sâu: số trang chỉ đi tới ${OFFSET_REACH.toLocaleString('vi-VN')} hồ sơ đầu tiên, sau đó đi tiếp bằng nextCursor / page too deep: page numbers reach the first ${OFFSET_REACH} cases, beyond them follow nextCursor`;
  }
  return null;
};

export const WithinPageReach = () => (target: object, propertyName: string) => {
  registerDecorator({
    name: 'withinPageReach',
    target: target.constructor,
    propertyName,
    validator: {
      validate: (_: unknown, args: ValidationArguments) => reachProblem(args.object) === null,
      defaultMessage: (args: ValidationArguments) => reachProblem(args.object) ?? '',
    },
  });
};

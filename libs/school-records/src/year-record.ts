import type { EntityTarget, FindOptionsOrder } from 'typeorm';
import type { FieldProblem } from '@dh/errors';

// The columns every per-year list shares: whose, which year, when written.
export type YearRecordRow = { id: string; schoolId: string; schoolYear: string; createdAt: Date; updatedAt: Date };

// Where a row is written, and whether an account works in that school (a team member or a trainee may be one).
export type CheckContext = { schoolYear: string; isStaff: (userId: string) => Promise<boolean> };

// One kind of per-year list (team, activities, training) as the shared store needs it: the table, how a request
// becomes the row's fields, what must hold beside the DTO's rules, and how a row is shown.
export type YearRecordKind<E extends YearRecordRow, D, F extends object, V> = {
  entity: EntityTarget<E>;
  // The admin chain's event types: `${event}_CREATED`, `_UPDATED`, `_DELETED`.
  event: string;
  order: FindOptionsOrder<E>;
  fieldsOf: (dto: D) => F;
  fieldsOfRow: (row: E) => F;
  // Problems with fields the DTO alone cannot judge (dates in the year, an account of the school); `before`: the
  // row's fields on an update.
  check: (at: CheckContext, fields: F, before?: F) => Promise<FieldProblem[]>;
  toView: (row: E) => V;
};

// A blank optional text is no value.
export const optionalText = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null);

// A person named may be an account; it must work in the school. An account kept from before stays, even one disabled
// since: an update that leaves it is no new claim.
export const accountProblems = async (
  at: CheckContext,
  userId: string | null,
  before: string | null | undefined,
): Promise<FieldProblem[]> =>
  userId === null || userId === before || (await at.isStaff(userId))
    ? []
    : [
        {
          field: 'userId',
          problems: ['Tài khoản không thuộc trường này / userId must be an active account of this school'],
        },
      ];

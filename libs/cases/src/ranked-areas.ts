import { registerDecorator, ValidationArguments } from 'class-validator';
import type { CaseEventType } from '@dh/machines/case/types';
import type { RankedArea } from './case.entity';

// The log form ranks a case's content areas 1..n: each area once, no gaps, no ties.
export const rankedAreaProblems = (areas: readonly RankedArea[]): string[] => {
  const codes = new Set(areas.map((a) => a.code));
  const priorities = areas.map((a) => a.priority).sort((a, b) => a - b);
  const problems: string[] = [];
  if (codes.size !== areas.length)
    problems.push('Mỗi nội dung chỉ được ghi một lần / each content area may appear once');
  if (priorities.some((p, i) => p !== i + 1))
    problems.push(
      'Thứ tự ưu tiên phải từ 1 đến n, không trùng, không bỏ số / priorities must rank the areas 1..n without gaps or ties',
    );
  return problems;
};

// The case's current areas after an event: the assessment's ranking, where it gives one, replaces the intake's
// (Form 01 keeps printing the areas as received); a referral may then be about any of them.
export const areasAfter = (
  type: CaseEventType,
  payload: Record<string, unknown>,
  current: RankedArea[],
): RankedArea[] =>
  type === 'COMPLETE_ASSESSMENT' && Array.isArray(payload.areas)
    ? (payload.areas as RankedArea[]).map(({ code, priority }) => ({ code, priority }))
    : current;

const wellFormed = (value: unknown): value is RankedArea[] =>
  Array.isArray(value) && value.every((a) => typeof a === 'object' && a !== null && 'code' in a && 'priority' in a);

// The same rule as a class-validator decorator, for payloads checked field by field (the areas' own shape is
// checked by their nested DTO; this looks at the list as a whole).
export const IsRankedAreas = () => (target: object, propertyName: string) => {
  registerDecorator({
    name: 'isRankedAreas',
    target: target.constructor,
    propertyName,
    validator: {
      validate: (value: unknown) => !wellFormed(value) || rankedAreaProblems(value).length === 0,
      defaultMessage: (args: ValidationArguments) =>
        wellFormed(args.value) ? rankedAreaProblems(args.value).join('; ') : `${args.property}`,
    },
  });
};

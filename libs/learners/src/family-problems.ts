import { FieldProblem } from '@dh/errors';
import type { Guardian } from './learner.entity';

// The earliest year of birth a member of the family may have: a typo such as 1850 is refused by name.
export const GUARDIAN_BORN_FROM = 1900;

// What the DTO cannot check alone: a year of birth after this one (in TZ_NAME), and a second current carer.
export const familyProblems = (guardians: Guardian[], thisYear: number): FieldProblem[] => {
  const problems: FieldProblem[] = guardians.flatMap((g, i) =>
    g.yearOfBirth !== undefined && g.yearOfBirth > thisYear
      ? [
          {
            field: `guardians[${i}].yearOfBirth`,
            problems: [
              `Năm sinh không được sau năm hiện tại (${thisYear}) / yearOfBirth must not be after this year (${thisYear})`,
            ],
          },
        ]
      : [],
  );
  if (guardians.filter((g) => g.currentCarer === true).length > 1) {
    problems.push({
      field: 'guardians',
      problems: [
        'Chỉ được ghi một người đang trực tiếp chăm sóc học sinh / at most one member of the family may be the current carer',
      ],
    });
  }
  return problems;
};

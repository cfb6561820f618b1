import { ageOn } from '@dh/calendar';
import { FieldProblem } from '@dh/errors';
import type { Guardian } from './learner.entity';

// Who a school's counselling case can be about, in whole years on the day the learner is recorded: from
// kindergarten age to a continuing-education learner. The one place to change it.
export const LEARNER_AGE_WHEN_RECORDED = { min: 3, max: 25 } as const;

// A birth date outside the window (a typo such as 9999, 2030 or 1850) is refused by name; null when it fits.
export const birthDateProblem = (dateOfBirth: string, today: string): FieldProblem | null => {
  const { min, max } = LEARNER_AGE_WHEN_RECORDED;
  const age = ageOn(dateOfBirth, today);
  if (age >= min && age <= max) return null;
  return {
    field: 'dateOfBirth',
    problems: [
      `Ngày sinh không hợp lệ: người học phải từ ${min} đến ${max} tuổi vào ngày ghi nhận (${today}) / ` +
        `dateOfBirth out of range: a learner is ${min} to ${max} years old on the day they are recorded (${today})`,
    ],
  };
};

// The earliest year of birth a member of the family may have: a typo such as 1850 is refused by name.
export const GUARDIAN_BORN_FROM = 1900;

// What the DTO cannot check alone: a year of birth after this one (in TZ_NAME), and a second current carer.
export const familyProblems = (guardians: Guardian[], thisYear: number): FieldProblem[] => {
  const problems: FieldProblem[] = guardians.flatMap((g, i) =>
    g.yearOfBirth !== undefined && g.yearOfBirth > thisYear
      ? [{
          field: `guardians[${i}].yearOfBirth`,
          problems: [`Năm sinh không được sau năm hiện tại (${thisYear}) / yearOfBirth must not be after this year (${thisYear})`],
        }]
      : [],
  );
  if (guardians.filter((g) => g.currentCarer === true).length > 1) {
    problems.push({
      field: 'guardians',
      problems: ['Chỉ một người được ghi là người đang trực tiếp chăm sóc học sinh / at most one guardian may be the current carer'],
    });
  }
  return problems;
};

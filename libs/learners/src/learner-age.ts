import { ageOn } from '@dh/calendar';
import { FieldProblem } from '@dh/errors';

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

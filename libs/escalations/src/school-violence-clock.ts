import type { DeadlineSpec } from '@dh/machines/case/types';

// Decree 80/2017 (safe schools): when a case records school violence the family is told within 24 hours
// (DOMAIN.md's default; a ward's SLA policy may change it under this kind). An event starts it, not a state of
// the machine: a flag at intake or a concern of kind school_violence; a family contact made after it, or a
// family notification recorded on the concern, answers it. Overdue reaches the principal at once, who answers
// for the handling of school violence: a day's duty cannot wait the general ladder's two working days.
export const SCHOOL_VIOLENCE_FAMILY: DeadlineSpec = {
  kind: 'school_violence_family',
  label: {
    vi: 'Thông báo cho gia đình về vụ việc bạo lực học đường',
    en: 'Family informed of a school-violence incident',
  },
  due: { calendarDays: 1 },
  escalateTo: ['principal'],
  principalAfter: { workingHours: 0 },
};

// The kinds of the clocks events start, which a ward's SLA policy file may name beside the machine's.
export const EVENT_CLOCK_KINDS = [SCHOOL_VIOLENCE_FAMILY.kind];

import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Translate } from '../i18n/I18nProvider';

// The day a school year opens, as the API holds it (libs/school-records/src/school-year.ts): a year's records run
// from 5 September to the day before the next year opens.
const OPENS = { month: 9, day: 5 };

export const schoolYearOf = (day: Dayjs): string => {
  const opens = dayjs(new Date(day.year(), OPENS.month - 1, OPENS.day));
  const start = day.isBefore(opens, 'day') ? day.year() - 1 : day.year();
  return `${start}-${start + 1}`;
};

export const yearDays = (schoolYear: string): { first: Dayjs; last: Dayjs } => {
  const start = Number(schoolYear.slice(0, 4));
  const first = dayjs(new Date(start, OPENS.month - 1, OPENS.day));
  return { first, last: first.add(1, 'year').subtract(1, 'day') };
};

// The years a school is likely to fill in: the next one, the running one and three before it.
export const yearChoices = (running: string): string[] => {
  const start = Number(running.slice(0, 4));
  return [1, 0, -1, -2, -3].map((d) => `${start + d}-${start + d + 1}`);
};

export const isSchoolYear = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{4}$/.test(value) && Number(value.slice(5)) === Number(value.slice(0, 4)) + 1;

export const DAY = 'YYYY-MM-DD';
export const SHOWN_DAY = 'DD/MM/YYYY';

// A day of the school year, as the API takes it.
export const inYearRule = (t: Translate, schoolYear: string): FormRule => ({
  validator: async (_, value: Dayjs | null | undefined) => {
    const { first, last } = yearDays(schoolYear);
    if (value && (value.isBefore(first, 'day') || value.isAfter(last, 'day')))
      throw new Error(
        t('schoolRecords.outsideYear', {
          year: schoolYear,
          first: first.format(SHOWN_DAY),
          last: last.format(SHOWN_DAY),
        }),
      );
  },
});

// An end not before its start (the start read from the form).
export const notBeforeRule =
  (t: Translate, startField: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_, value: Dayjs | null | undefined) => {
      const start = getFieldValue(startField) as Dayjs | null | undefined;
      if (value && start && value.isBefore(start, 'day')) throw new Error(t('schoolRecords.endBeforeStart'));
    },
  });

export const dayOf = (value: Dayjs | null | undefined): string | null => (value ? value.format(DAY) : null);
export const shownDay = (value: string | null): string => (value ? dayjs(value).format(SHOWN_DAY) : '');

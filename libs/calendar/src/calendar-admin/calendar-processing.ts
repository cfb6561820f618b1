import type { ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const CALENDAR_PROCESSING: ProcessingDeclaration = {
  notPersonal: [
    { table: 'calendar_day', why: { vi: 'Ngày học và ngày nghỉ.', en: 'School days and days off.' } },
    { table: 'calendar_year', why: { vi: 'Năm học.', en: 'School years.' } },
  ],
};

import { BASIS, KEPT, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const ESCALATIONS_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'deadlines_alerts',
      purpose: {
        vi: 'Theo dõi thời hạn xử lý hồ sơ và cảnh báo người phụ trách trước khi quá hạn',
        en: 'Tracking case deadlines and warning those responsible before they pass',
      },
      legalBasis: [BASIS.circular18],
      subjects: [SUBJECT.staff, SUBJECT.learners],
      categories: [
        {
          data: {
            vi: 'Hồ sơ, thời hạn, người nhận cảnh báo, lý do cảnh báo',
            en: 'Case, deadline, who is alerted and why',
          },
        },
      ],
      tables: ['deadline', 'deadline_level', 'alert'],
      recipients: [RECIPIENT.caseTeam, RECIPIENT.principal, RECIPIENT.wardWhenReferred],
      retention: KEPT.withCase,
    },
  ],
};

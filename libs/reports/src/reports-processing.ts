import { BASIS, KEPT, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const REPORTS_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'ward_reports',
      purpose: {
        vi: 'Lập báo cáo sơ kết, tổng kết gửi phường',
        en: 'Drafting the semester and year reports sent to the ward',
      },
      legalBasis: [BASIS.circular18],
      subjects: [SUBJECT.staff],
      categories: [
        {
          data: {
            vi: 'Số liệu tổng hợp (không nêu tên học sinh; ô dưới 5 được ẩn), người lập và người nộp báo cáo',
            en: 'Aggregate figures (no learner named; cells under 5 masked), who drafted and submitted the report',
          },
        },
      ],
      tables: ['report', 'report_event'],
      recipients: [RECIPIENT.principal, RECIPIENT.ward],
      retention: KEPT.forLife,
    },
  ],
};

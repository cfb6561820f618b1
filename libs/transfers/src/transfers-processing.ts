import { BASIS, KEPT, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const TRANSFERS_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'school_transfer',
      purpose: {
        vi: 'Chuyển học sinh và hồ sơ tư vấn đang mở sang trường khác',
        en: 'Moving a learner and their open counselling cases to another school',
      },
      legalBasis: [BASIS.consent, BASIS.lawOnChildren],
      subjects: [SUBJECT.learners, SUBJECT.staff],
      categories: [
        {
          data: {
            vi: 'Trường gửi, trường nhận, người yêu cầu và trả lời, căn cứ chuyển (sự đồng ý hoặc nghĩa vụ bảo vệ trẻ em)',
            en: 'Sending and receiving school, who asked and answered, the basis (consent or the child-protection duty)',
          },
        },
      ],
      tables: ['case_transfer'],
      recipients: [{ vi: 'Tổ tư vấn của trường nhận', en: 'The receiving school’s case team' }, RECIPIENT.caseTeam],
      retention: KEPT.withCase,
    },
  ],
};

import { BASIS, KEPT, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const BREACHES_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'breach_notification',
      purpose: {
        vi: 'Ghi nhận và thông báo sự cố dữ liệu cá nhân trong 72 giờ',
        en: 'Recording personal-data breaches and notifying them within 72 hours',
      },
      legalBasis: [BASIS.law91],
      subjects: [SUBJECT.learners, SUBJECT.guardians, SUBJECT.staff],
      categories: [
        {
          data: {
            vi: 'Mô tả sự cố, loại dữ liệu bị ảnh hưởng, số học sinh bị ảnh hưởng',
            en: 'What happened, which data, how many learners affected',
          },
        },
      ],
      tables: ['data_breach', 'data_breach_clock'],
      recipients: [
        {
          vi: 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05), Bộ Công an',
          en: "The Ministry of Public Security's data-protection department (A05)",
        },
        RECIPIENT.principal,
        RECIPIENT.ward,
      ],
      retention: KEPT.forLife,
    },
  ],
};

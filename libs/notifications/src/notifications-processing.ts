import { BASIS, KEPT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const NOTIFICATIONS_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'notification_preferences',
      purpose: {
        vi: 'Ghi nhận cách mỗi cán bộ muốn nhận cảnh báo',
        en: 'Keeping how each staff member wants to receive alerts',
      },
      legalBasis: [BASIS.circular18],
      subjects: [SUBJECT.staff],
      categories: [{ data: { vi: 'Kênh, mức cảnh báo, cách gửi', en: 'Channel, alert level, delivery mode' } }],
      tables: ['notification_preference'],
      recipients: [{ vi: 'Chính cán bộ đó', en: 'The staff member themselves' }],
      retention: KEPT.whileAccount,
    },
  ],
};

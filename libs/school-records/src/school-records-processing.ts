import { BASIS, KEPT, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const SCHOOL_RECORDS_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'school_team_records',
      purpose: {
        vi: 'Ghi nhận tổ tư vấn và việc bồi dưỡng của cán bộ để báo cáo phường',
        en: "Recording the counselling team and staff training for the ward's reports",
      },
      legalBasis: [BASIS.circular18],
      subjects: [SUBJECT.staff],
      categories: [
        { data: { vi: 'Họ tên, chức vụ, khóa bồi dưỡng đã tham gia', en: 'Name, position, training attended' } },
      ],
      tables: ['school_team_member', 'school_training'],
      recipients: [RECIPIENT.principal, RECIPIENT.ward],
      retention: KEPT.forLife,
    },
  ],
  notPersonal: [
    {
      table: 'school_activity',
      why: {
        vi: 'Hoạt động phòng ngừa, truyền thông của trường: chủ đề và số lượng, không nêu cá nhân.',
        en: 'Prevention and communication activities of a school: topics and counts, no person.',
      },
    },
    {
      table: 'school_facilities',
      why: { vi: 'Phòng và trang thiết bị của trường.', en: "A school's rooms and equipment." },
    },
  ],
};

import { BASIS, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const AUDIT_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'audit_trail',
      purpose: {
        vi: 'Lưu vết không sửa được mọi thao tác và mọi lần đọc nội dung bảo mật, để thanh tra kiểm tra',
        en: 'Keeping a tamper-evident trail of every step and every read of confidential content, for inspection',
      },
      legalBasis: [BASIS.circular18, BASIS.law91],
      subjects: [SUBJECT.learners, SUBJECT.staff],
      categories: [
        {
          data: {
            vi: 'Ai đã làm gì, khi nào, trên hồ sơ nào; nội dung các bước (được mã hóa)',
            en: 'Who did what, when, on which case; the content of each step (sealed)',
          },
          sensitive: true,
        },
      ],
      tables: ['audit_event', 'admin_audit_event'],
      recipients: [RECIPIENT.inspector, RECIPIENT.principal, RECIPIENT.admin],
      retention: {
        rule: {
          vi: 'Chuỗi của hồ sơ: như hồ sơ (nội dung bị hủy cùng khóa của hồ sơ, mã băm còn lại); chuỗi quản trị: trong thời gian hệ thống hoạt động',
          en: "A case's chain: as the case (its content shredded with the case's key, the hashes kept); the admin chain: for the life of the installation",
        },
      },
    },
  ],
};

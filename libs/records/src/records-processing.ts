import { BASIS, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const RECORDS_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'case_records',
      purpose: {
        vi: 'Ghi chép các buổi tư vấn, đánh giá, kế hoạch hỗ trợ, liên hệ gia đình, theo dõi và kết thúc (Mẫu 01–04)',
        en: 'Keeping the records of sessions, assessments, support plans, family contacts, follow-ups and closures (Forms 01–04)',
      },
      legalBasis: [BASIS.circular18, BASIS.lawOnChildren],
      subjects: [SUBJECT.learners, SUBJECT.guardians],
      categories: [
        {
          data: {
            vi: 'Nội dung buổi tư vấn, nhận định, kế hoạch và kết quả hỗ trợ',
            en: 'Session notes, assessments, plans and outcomes',
          },
          sensitive: true,
        },
        { data: { vi: 'Nội dung trao đổi với gia đình', en: 'What was discussed with the family' }, sensitive: true },
      ],
      tables: [
        'counselling_session',
        'assessment_record',
        'support_plan',
        'family_contact',
        'follow_up_contact',
        'closure_record',
      ],
      recipients: [RECIPIENT.caseTeam, RECIPIENT.principal, RECIPIENT.inspector],
      retention: { kinds: ['counselling_record'] },
    },
    {
      id: 'referrals',
      purpose: {
        vi: 'Chuyển gửi học sinh đến dịch vụ bên ngoài và theo dõi kết quả',
        en: 'Referring a learner to an outside service and following its outcome',
      },
      legalBasis: [BASIS.consent, BASIS.lawOnChildren],
      subjects: [SUBJECT.learners, SUBJECT.guardians],
      categories: [
        {
          data: {
            vi: 'Lý do chuyển gửi và thông tin được chia sẻ với dịch vụ',
            en: 'Why the learner is referred and what is shared with the service',
          },
          sensitive: true,
        },
      ],
      tables: ['referral'],
      recipients: [
        RECIPIENT.caseTeam,
        {
          vi: 'Cơ sở dịch vụ nhận chuyển gửi, trong phạm vi đã được đồng ý',
          en: 'The receiving service, within what was consented to',
        },
        RECIPIENT.wardWhenReferred,
      ],
      retention: { kinds: ['referral'] },
    },
    {
      id: 'case_attachments',
      purpose: {
        vi: 'Lưu giấy tờ đã ký, trang sổ, hình vẽ, ảnh kèm theo hồ sơ',
        en: "Keeping a case's signed papers, logbook pages, drawings and photos",
      },
      legalBasis: [BASIS.circular18, BASIS.lawOnChildren],
      subjects: [SUBJECT.learners, SUBJECT.guardians],
      categories: [
        {
          data: {
            vi: 'Tệp đính kèm và chú thích (nội dung tệp được mã hóa AES-256-GCM theo từng đoạn 64 KiB bằng khóa riêng của hồ sơ, lưu trong cơ sở dữ liệu hoặc trong thư mục ATTACHMENTS_DIR của máy chủ)',
            en: "Attached files and their captions (the file's content sealed with AES-256-GCM in 64 KiB chunks under the case's own key, kept in the database or in the server's ATTACHMENTS_DIR directory)",
          },
          sensitive: true,
        },
      ],
      tables: ['case_attachment', 'case_attachment_chunk'],
      recipients: [RECIPIENT.caseTeam, RECIPIENT.principal, RECIPIENT.inspector],
      retention: { kinds: ['counselling_record'] },
    },
  ],
};

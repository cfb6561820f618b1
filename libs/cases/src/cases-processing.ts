import { BASIS, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const CASES_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'counselling_cases',
      purpose: {
        vi: 'Tiếp nhận, đánh giá, lập kế hoạch, hỗ trợ, theo dõi và kết thúc hoặc chuyển gửi hồ sơ tư vấn học đường',
        en: 'Receiving, assessing, planning, supporting, monitoring and closing or referring counselling cases',
      },
      legalBasis: [BASIS.circular18, BASIS.lawOnChildren],
      subjects: [SUBJECT.learners, SUBJECT.guardians, SUBJECT.reporters],
      categories: [
        {
          data: {
            vi: 'Khó khăn của học sinh, lĩnh vực cần hỗ trợ, mức độ nguy cơ và lý do',
            en: "The learner's difficulty, areas of need, risk level and its rationale",
          },
          sensitive: true,
        },
        {
          data: {
            vi: 'Sức khỏe tâm lý, đời sống gia đình, dấu hiệu bị xâm hại',
            en: 'Mental health, family life, signs of abuse',
          },
          sensitive: true,
        },
        {
          data: {
            vi: 'Người báo tin: tên, số điện thoại, quan hệ với học sinh (có thể ẩn danh)',
            en: 'The reporter: name, phone, relationship to the learner (may be anonymous)',
          },
        },
      ],
      tables: ['case', 'case_reporter', 'confidential_grant', 'idempotency_key'],
      recipients: [RECIPIENT.caseTeam, RECIPIENT.principal, RECIPIENT.inspector, RECIPIENT.wardWhenReferred],
      retention: { kinds: ['counselling_record', 'protection_concern'] },
    },
  ],
  notPersonal: [
    {
      table: 'case_code_counter',
      why: {
        vi: 'Số thứ tự hồ sơ cuối cùng của mỗi trường theo năm.',
        en: "Each school's last case number of the year.",
      },
    },
  ],
};

import { BASIS, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const LEARNERS_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'learner_roster',
      purpose: {
        vi: 'Nhận diện học sinh được hỗ trợ và liên hệ với gia đình',
        en: 'Identifying the learners supported and reaching their families',
      },
      legalBasis: [BASIS.circular18, BASIS.lawOnChildren],
      subjects: [SUBJECT.learners, SUBJECT.guardians],
      categories: [
        { data: { vi: 'Họ tên, ngày sinh, giới tính, lớp', en: 'Name, date of birth, sex, class' } },
        {
          data: {
            vi: 'Thông tin gia đình: người giám hộ, số điện thoại, nghề nghiệp, người đang chăm sóc',
            en: 'Family: guardians, phone numbers, occupations, current carer',
          },
          sensitive: true,
        },
      ],
      tables: ['learner'],
      recipients: [RECIPIENT.caseTeam, RECIPIENT.principal, RECIPIENT.inspector],
      retention: {
        rule: {
          vi: 'Trong thời gian còn lưu bất kỳ hồ sơ nào của học sinh; xóa hoặc khử định danh theo yêu cầu khi không còn hồ sơ',
          en: 'While any case of the learner is kept; erased or de-identified on request once none is',
        },
      },
    },
  ],
};

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
        {
          data: {
            vi: 'Họ tên, ngày sinh, giới tính, lớp, mã định danh học sinh, ngày rời trường',
            en: 'Name, date of birth, sex, class, national learner ID, date of leaving',
          },
        },
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
    {
      id: 'roster_import',
      purpose: {
        vi: 'Nhập danh sách học sinh từ tệp xuất của phần mềm quản lý nhà trường',
        en: "Importing the learner roster from the school-management software's export",
      },
      legalBasis: [BASIS.circular18],
      subjects: [SUBJECT.learners, SUBJECT.guardians],
      categories: [
        {
          data: {
            vi: 'Các dòng của tệp danh sách (họ tên, ngày sinh, lớp, mã định danh, cha mẹ, số điện thoại), giữ đến khi nhập xong; các dòng bị từ chối kèm lý do',
            en: "The file's rows (names, birth dates, classes, IDs, parents, phones), kept until the import has run; refused rows with their reasons",
          },
        },
      ],
      tables: ['roster_import'],
      recipients: [RECIPIENT.caseTeam, RECIPIENT.principal],
      retention: {
        rule: {
          vi: 'Các dòng của tệp bị xóa khi nhập xong; số liệu và mã băm của tệp được giữ trong thời gian hệ thống hoạt động',
          en: "The file's rows are dropped once imported; its counts and digest are kept for the life of the installation",
        },
      },
    },
  ],
  notPersonal: [
    {
      table: 'roster_mapping',
      why: {
        vi: 'Cột nào của tệp ứng với trường thông tin nào: không có dữ liệu của học sinh.',
        en: "Which column of a school's file holds which field: no learner's data.",
      },
    },
  ],
};

import { BASIS, KEPT, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const IDENTITY_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'staff_accounts',
      purpose: { vi: 'Xác thực và phân quyền người sử dụng', en: 'Authenticating users and deciding what they may do' },
      legalBasis: [BASIS.law91, BASIS.circular18],
      subjects: [SUBJECT.staff],
      categories: [
        {
          data: {
            vi: 'Tên đăng nhập, họ tên, vai trò, trường, thư điện tử, số điện thoại',
            en: 'Username, name, roles, schools, e-mail, phone',
          },
        },
        {
          data: {
            vi: 'Mật khẩu, khóa xác thực hai lớp và mã khôi phục (đã băm hoặc mã hóa)',
            en: 'Password, second-factor secret and recovery codes (hashed or sealed)',
          },
        },
        { data: { vi: 'Quyền thanh tra có thời hạn', en: 'Time-limited inspector grants' } },
        {
          data: {
            vi: 'Số lần đăng nhập sai theo tên đăng nhập và địa chỉ mạng, giữ một ngày',
            en: 'Failed sign-ins by username and network address, kept for a day',
          },
        },
      ],
      tables: ['app_user', 'user_school', 'user_second_factor', 'recovery_code', 'auditor_grant', 'throttle_counter'],
      recipients: [RECIPIENT.admin],
      retention: KEPT.whileAccount,
    },
  ],
  notPersonal: [
    {
      table: 'school',
      why: {
        vi: 'Tên trường và phường: thông tin của tổ chức, không phải của cá nhân.',
        en: "A school's name and ward: an organisation, not a person.",
      },
    },
    {
      table: 'ward',
      why: {
        vi: 'Tên phường: thông tin của tổ chức, không phải của cá nhân.',
        en: "A ward's name: an organisation, not a person.",
      },
    },
  ],
};

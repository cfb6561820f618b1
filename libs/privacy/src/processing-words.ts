import type { ProcessingActivity, Words } from './processing-declaration';

// The legal bases, data subjects, recipients and periods several modules name, written once.
export const BASIS = {
  circular18: {
    vi: 'Thông tư 18/2025/TT-BGDĐT về tư vấn học đường và công tác xã hội trong trường học',
    en: 'Circular 18/2025/TT-BGDĐT on school counselling and school social work',
  },
  lawOnChildren: {
    vi: 'Luật Trẻ em số 102/2016/QH13 và Nghị định 56/2017/NĐ-CP',
    en: 'Law on Children No. 102/2016/QH13 and Decree 56/2017/NĐ-CP',
  },
  law91: {
    vi: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP',
    en: 'Law on Personal Data Protection No. 91/2025/QH15 and Decree 356/2025/NĐ-CP',
  },
  consent: {
    vi: 'Sự đồng ý của cha mẹ hoặc người giám hộ (và của học sinh từ đủ 7 tuổi), ghi trong sổ đồng ý',
    en: 'Consent of the parent or guardian (and of the learner from age 7), kept in the consent ledger',
  },
} satisfies Record<string, Words>;

export const SUBJECT = {
  learners: { vi: 'Học sinh', en: 'Learners' },
  guardians: { vi: 'Cha mẹ, người giám hộ', en: 'Parents and guardians' },
  reporters: { vi: 'Người báo tin', en: 'People who report a concern' },
  staff: { vi: 'Cán bộ, giáo viên sử dụng hệ thống', en: 'Staff who use the system' },
} satisfies Record<string, Words>;

export const RECIPIENT = {
  caseTeam: {
    vi: 'Nhóm hỗ trợ của hồ sơ (giáo viên tư vấn, tổ trưởng)',
    en: 'The case team (counsellors, supervisor)',
  },
  principal: { vi: 'Hiệu trưởng', en: 'The principal' },
  inspector: {
    vi: 'Thanh tra, kiểm tra khi được cấp quyền có thời hạn',
    en: 'An inspector holding a time-limited grant',
  },
  wardWhenReferred: {
    vi: 'Phòng Văn hóa – Xã hội của phường, khi hồ sơ được chuyển lên phường',
    en: "The ward's culture-and-society office, while a case stands referred to it",
  },
  ward: { vi: 'Phòng Văn hóa – Xã hội của phường', en: "The ward's culture-and-society office" },
  admin: { vi: 'Quản trị hệ thống', en: 'The system administrator' },
} satisfies Record<string, Words>;

export const KEPT = {
  withCase: { rule: { vi: 'Như hồ sơ mà dữ liệu thuộc về', en: 'As long as the case it belongs to' } },
  whileAccount: { rule: { vi: 'Trong thời gian tài khoản còn sử dụng', en: 'While the account is in use' } },
  forLife: { rule: { vi: 'Trong thời gian hệ thống hoạt động', en: 'For the life of the installation' } },
} satisfies Record<string, ProcessingActivity['retention']>;

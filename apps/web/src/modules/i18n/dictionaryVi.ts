// Every text of the app a person reads, in Vietnamese: the default language. `dictionaryEn` must have the same
// keys (its type says so), and a test checks that neither has an empty entry.
export const dictionaryVi = {
  'app.name': 'Đồng Hành',
  'app.tagline': 'Tư vấn và công tác xã hội trong trường học',
  'language.switch': 'English',
  'login.title': 'Đăng nhập',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.required': 'Vui lòng nhập thông tin này',
  'login.retryIn': 'Đã thử đăng nhập quá nhiều lần. Hãy thử lại sau {seconds} giây.',
  'login.expired': 'Phiên làm việc đã hết hạn. Hãy đăng nhập lại.',
  'header.logout': 'Đăng xuất',
  'header.school': 'Trường',
  'header.changePassword': 'Đổi mật khẩu',
  'menu.cases': 'Hồ sơ',
  'cases.title': 'Hồ sơ',
  'cases.empty': 'Chưa có hồ sơ nào.',
  'cases.code': 'Mã hồ sơ',
  'cases.stage': 'Giai đoạn',
  'cases.risk': 'Mức độ nguy cơ',
  'cases.updatedAt': 'Cập nhật',
  'notFound.title': 'Không tìm thấy trang',
  'notFound.body': 'Trang này không tồn tại hoặc bạn không có quyền xem.',
  'notFound.home': 'Về trang đầu',
  'error.network': 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.',
} as const;

export type DictionaryKey = keyof typeof dictionaryVi;
export type Dictionary = Record<DictionaryKey, string>;

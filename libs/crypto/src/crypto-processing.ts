import type { ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const CRYPTO_PROCESSING: ProcessingDeclaration = {
  notPersonal: [
    {
      table: 'data_key',
      why: {
        vi: 'Khóa dữ liệu đã được bọc: không có dữ liệu cá nhân; hủy một khóa làm nội dung hồ sơ không đọc được nữa.',
        en: "Wrapped data keys: no personal data, though destroying one makes a case's content unreadable.",
      },
    },
  ],
};

import type { ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const CHECKPOINTS_PROCESSING: ProcessingDeclaration = {
  notPersonal: [
    {
      table: 'audit_checkpoint',
      why: {
        vi: 'Điểm kiểm tra đã ký của các chuỗi: mã hồ sơ và mã băm, không có nội dung.',
        en: 'Signed chain heads: case ids and hashes, no content.',
      },
    },
    {
      table: 'audit_checkpoint_chain',
      why: {
        vi: 'Các chuỗi mà một điểm kiểm tra bao gồm: mã và mã băm.',
        en: 'Which chains a checkpoint covers: ids and hashes.',
      },
    },
  ],
};

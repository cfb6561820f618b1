import type { ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record). A public report becomes a case
// and its reporter (libs/cases); what the intake keeps of its own is counts and spent proofs of work.
export const INTAKE_PROCESSING: ProcessingDeclaration = {
  notPersonal: [
    {
      table: 'intake_flood',
      why: {
        vi: 'Số tin báo công khai mỗi trường nhận trong một đợt, để phát hiện tin báo dồn dập.',
        en: 'How many public reports a school received in a burst, to notice a flood.',
      },
    },
    {
      table: 'altcha_spent',
      why: {
        vi: 'Các lời giải chống gửi tự động đã dùng, giữ đến khi hết hạn; không gắn với người gửi.',
        en: 'Spent proof-of-work solutions, kept until they expire; tied to no sender.',
      },
    },
  ],
};

import type { ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const DIRECTORY_PROCESSING: ProcessingDeclaration = {
  notPersonal: [
    {
      table: 'service_provider',
      why: {
        vi: 'Cơ sở dịch vụ bên ngoài và đầu mối liên hệ công khai: tổ chức, không phải người được hỗ trợ.',
        en: 'Outside services and their public contact points: organisations, not the people they serve.',
      },
    },
  ],
};

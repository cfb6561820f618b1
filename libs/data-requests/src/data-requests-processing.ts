import { BASIS, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const DATA_REQUESTS_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'data_subject_requests',
      purpose: {
        vi: 'Tiếp nhận và trả lời yêu cầu của học sinh, cha mẹ về dữ liệu cá nhân',
        en: "Receiving and answering learners' and guardians' requests about their personal data",
      },
      legalBasis: [BASIS.law91],
      subjects: [SUBJECT.learners, SUBJECT.guardians],
      categories: [
        {
          data: {
            vi: 'Người yêu cầu, quan hệ, loại yêu cầu, nội dung trả lời',
            en: 'Requester, relationship, kind of request, the answer',
          },
        },
      ],
      tables: ['data_request'],
      recipients: [{ vi: 'Tổ trưởng, hiệu trưởng; người yêu cầu', en: 'Supervisors and the principal; the requester' }],
      retention: {
        rule: {
          vi: 'Trong thời gian lưu hồ sơ của học sinh, để chứng minh yêu cầu đã được trả lời',
          en: "As long as the learner's cases are kept, to show the request was answered",
        },
      },
    },
  ],
};

import { BASIS, RECIPIENT, SUBJECT, type ProcessingDeclaration } from '@dh/privacy';

// What this module processes, for the record of processing (libs/processing-record).
export const CONSENT_PROCESSING: ProcessingDeclaration = {
  activities: [
    {
      id: 'consent_ledger',
      purpose: {
        vi: 'Ghi nhận và chứng minh sự đồng ý, việc rút lại sự đồng ý',
        en: 'Recording and proving consent and its withdrawal',
      },
      legalBasis: [BASIS.law91],
      subjects: [SUBJECT.learners, SUBJECT.guardians],
      categories: [
        {
          data: {
            vi: 'Người đồng ý, phạm vi, mục đích, thời điểm, hình thức',
            en: 'Who consented, scope, purpose, when, how',
          },
        },
      ],
      tables: ['consent'],
      recipients: [RECIPIENT.caseTeam, RECIPIENT.principal, RECIPIENT.inspector],
      retention: { kinds: ['consent'] },
    },
  ],
};

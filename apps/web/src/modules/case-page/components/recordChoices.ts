import dayjs from 'dayjs';
import type { components } from '../../api/openapiTypes';
import type { Language } from '../../i18n/I18nProvider';

type Records = components['schemas']['CaseRecordsDto'];
type Label = { vi: string; en: string };
export type RecordChoice = { value: string; label: string };

// The records a file may belong to, in the words the chronology uses, each dated as it happened.
const KINDS: { list: keyof Records; label: Label; at: (r: Records[keyof Records][number]) => string }[] = [
  { list: 'assessments', label: { vi: 'Phiếu đánh giá', en: 'Assessment' }, at: (r) => r.recordedAt },
  { list: 'plans', label: { vi: 'Kế hoạch hỗ trợ', en: 'Support plan' }, at: (r) => r.recordedAt },
  {
    list: 'sessions',
    label: { vi: 'Buổi tư vấn', en: 'Counselling session' },
    at: (r) => ('startedAt' in r ? r.startedAt : r.recordedAt),
  },
  {
    list: 'familyContacts',
    label: { vi: 'Liên hệ với gia đình', en: 'Family contact' },
    at: (r) => ('contactedAt' in r ? r.contactedAt : r.recordedAt),
  },
  {
    list: 'followUps',
    label: { vi: 'Liên hệ theo dõi', en: 'Follow-up contact' },
    at: (r) => ('contactedAt' in r ? r.contactedAt : r.recordedAt),
  },
  { list: 'closures', label: { vi: 'Kết thúc hỗ trợ', en: 'Closure' }, at: (r) => r.recordedAt },
];

export const recordChoices = (records: Records | undefined, language: Language): RecordChoice[] =>
  records
    ? KINDS.flatMap((k) =>
        records[k.list].map((r) => ({
          value: r.id,
          label: `${k.label[language]} · ${dayjs(k.at(r)).format('DD/MM/YYYY HH:mm')}`,
        })),
      )
    : [];

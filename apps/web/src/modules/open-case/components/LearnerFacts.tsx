import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { components } from '../../api/openapiTypes';
import type { Translate } from '../../i18n/I18nProvider';

type Learner = components['schemas']['LearnerViewDto'];
type T = Translate;

// What tells two learners of one name apart: birth date and class, the national learner ID where the reader may see
// it (the API masks it as it masks the family), and the day they left the school where a full roster no longer
// listed them. A learner who left is still found: a data request or a late report may be about them.
export const learnerFacts = (l: Learner, t: T): string =>
  [
    dayjs(l.dateOfBirth).format('DD/MM/YYYY'),
    `${t('openCase.className')} ${l.className}`,
    ...(l.nationalId ? [`${t('learner.nationalId')} ${l.nationalId}`] : []),
    ...(l.leftAt ? [t('learner.leftOn', { date: dayjs(l.leftAt).format('DD/MM/YYYY') })] : []),
  ].join(' · ');

export const LeftTag = ({ learner, t }: { learner: Learner; t: T }) =>
  learner.leftAt ? <Tag color="default">{t('learner.left')}</Tag> : null;

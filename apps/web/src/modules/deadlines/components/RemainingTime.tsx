import { Tag } from 'antd';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import { urgencyOf, workingTimeParts } from '../remainingTime';

type Deadline = components['schemas']['DeadlineViewDto'];

const COLOR = { overdue: 'red', soon: 'gold', later: 'default' } as const;

// How much working time a clock has left, coloured by how close it is (a case's clock, or a data request's).
export const RemainingTime = ({ deadline }: { deadline: Pick<Deadline, 'paused' | 'remainingWorkingMs'> }) => {
  const { t } = useI18n();
  const urgency = urgencyOf(deadline);
  if (urgency === 'overdue') return <Tag color={COLOR.overdue}>{t('deadline.overdue')}</Tag>;
  const { days, hours, minutes } = workingTimeParts(deadline.remainingWorkingMs ?? 0);
  const time = days > 0 ? t('deadline.daysHours', { days, hours }) : t('deadline.hoursMinutes', { hours, minutes });
  return <Tag color={COLOR[urgency]}>{t('deadline.left', { time })}</Tag>;
};

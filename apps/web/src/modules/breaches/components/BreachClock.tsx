import { Tag } from 'antd';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import { clockOf } from '../breachClock';

type Breach = components['schemas']['BreachViewDto'];

// Solid colours with white text: antd's light red and gold tags fall under WCAG's 4.5:1.
const RED = '#a8071a';
const AMBER = '#ad4e00';

// The 72-hour clock in words: hours left (amber in the last day), overdue in red, or how it ended.
export const BreachClock = ({ breach, now }: { breach: Breach; now: number }) => {
  const { t } = useI18n();
  const clock = clockOf(breach, now);
  switch (clock.kind) {
    case 'running':
      return (
        <Tag color={clock.soon ? AMBER : undefined}>
          {clock.hours > 0
            ? t('breaches.left', { hours: clock.hours })
            : t('breaches.leftMinutes', { minutes: clock.minutes })}
        </Tag>
      );
    case 'overdue':
      return (
        <Tag color={RED}>
          {clock.hours > 0 ? t('breaches.overdueBy', { hours: clock.hours }) : t('breaches.overdue')}
        </Tag>
      );
    case 'late':
      return <Tag color={RED}>{t('breaches.late')}</Tag>;
    case 'inTime':
      return <Tag>{t('breaches.inTime')}</Tag>;
    case 'stopped':
      return <Tag>{t('breaches.stopped')}</Tag>;
  }
};

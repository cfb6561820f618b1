import { Descriptions, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { components } from '../../api/openapiTypes';
import { RemainingTime } from '../../deadlines/components/RemainingTime';
import { RiskTag } from '../../cases/components/RiskTag';
import { useI18n } from '../../i18n/I18nProvider';
import { stageLabel } from '../../labels/stateLabels';
import { AREA_LABELS, CHANNEL_LABELS, ESCALATION_LEVEL_LABELS } from '../../labels/valueLabels';

type CaseView = components['schemas']['CaseViewDto'];

export const DATE_TIME = 'DD/MM/YYYY HH:mm';

// A field the caller may not read says so: an empty box would read as "nothing was written".
export const Sealed = () => {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" italic>
      {t('casePage.sealed')}
    </Typography.Text>
  );
};

export const CaseHeader = ({ view }: { view: CaseView }) => {
  const { t, language } = useI18n();
  const masked = (field: string) => view.masked.includes(field);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'learner',
          label: t('cases.learner'),
          children: view.learnerName ?? (view.learnerId ? <Sealed /> : t('myWork.unnamed')),
        },
        {
          key: 'stage',
          label: t('cases.stage'),
          children: (
            <Tag color="blue" data-testid="case-stage">
              {stageLabel(view.state, language)}
            </Tag>
          ),
        },
        { key: 'risk', label: t('cases.risk'), children: <RiskTag risk={view.riskLevel} testId="case-risk" /> },
        {
          key: 'assignee',
          label: t('casePage.assignee'),
          children: view.assigneeId ? (view.assigneeName ?? t('casePage.assigned')) : t('casePage.unassigned'),
        },
        {
          key: 'version',
          label: t('casePage.version'),
          children: <span data-testid="case-version">{view.version}</span>,
        },
        { key: 'channel', label: t('casePage.channel'), children: CHANNEL_LABELS[view.channel][language] },
        {
          key: 'received',
          label: t('casePage.receivedAt'),
          children: dayjs(view.receivedAt).format(DATE_TIME),
        },
        {
          key: 'areas',
          label: t('casePage.areas'),
          span: 2,
          children:
            view.areas.length === 0
              ? t('casePage.noAreas')
              : [...view.areas]
                  .sort((a, b) => a.priority - b.priority)
                  .map((a) => `${a.priority}. ${AREA_LABELS[a.code][language]}`)
                  .join('; '),
        },
        {
          key: 'summary',
          label: t('casePage.summary'),
          span: 2,
          children: masked('summary') ? <Sealed /> : view.summary,
        },
        {
          key: 'rationale',
          label: t('casePage.riskRationale'),
          span: 2,
          children: masked('riskRationale') ? <Sealed /> : view.riskRationale,
        },
      ]}
    />
  );
};

// The case's running clocks: when each falls due, paused ones as such, and how far each has escalated.
export const DeadlineList = ({ view }: { view: CaseView }) => {
  const { t, language } = useI18n();
  if (view.deadlines.length === 0) return <p>{t('casePage.noDeadlines')}</p>;
  return (
    <ul className="deadline-list" data-testid="deadline-list">
      {view.deadlines.map((d) => (
        <li key={d.id}>
          <strong>{d.label}</strong>: {t('casePage.dueAt', { at: dayjs(d.dueAt).format(DATE_TIME) })}{' '}
          {d.paused ? <Tag>{t('casePage.paused')}</Tag> : <RemainingTime deadline={d} />}
          {d.level && (
            <Tag color={d.level === 'reminder' ? 'gold' : 'red'}>{ESCALATION_LEVEL_LABELS[d.level][language]}</Tag>
          )}
        </li>
      ))}
    </ul>
  );
};

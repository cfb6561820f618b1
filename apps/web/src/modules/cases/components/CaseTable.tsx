import { Space, Table, Tag } from 'antd';
import type { TablePaginationConfig } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { components } from '../../api/openapiTypes';
import { emptyText } from '../../forms/components/EmptyText';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { RemainingTime } from '../../deadlines/components/RemainingTime';
import { nearestOf } from '../../deadlines/remainingTime';
import { useI18n } from '../../i18n/I18nProvider';
import { stageLabel } from '../../labels/stateLabels';
import { RiskTag } from './RiskTag';

type CaseView = components['schemas']['CaseViewDto'];

// Cases as every list shows them: number, learner, stage, risk, the nearest clock; a report from the public form
// says so. `action`: what the list offers on each row (assigning, say).
export const CaseTable = ({
  cases,
  loading,
  empty,
  pagination = false,
  action,
}: {
  cases: CaseView[] | undefined;
  loading: boolean;
  empty: string;
  pagination?: TablePaginationConfig | false;
  action?: (row: CaseView) => ReactNode;
}) => {
  const { t, language } = useI18n();
  return (
    <Table<CaseView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={cases}
      locale={emptyText(empty)}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('cases.code'),
          dataIndex: 'code',
          render: (code: string, row) => (
            <Space wrap>
              <Link to={`/ho-so/${row.id}`}>{code}</Link>
              {row.channel === 'truc_tuyen' && <Tag color="purple">{t('cases.publicReport')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('cases.learner'),
          dataIndex: 'learnerName',
          // No learner yet (a public report), or one this person may not read the name of.
          render: (name: string | null, row) => name ?? (row.learnerId ? t('casePage.sealed') : t('myWork.unnamed')),
        },
        { title: t('cases.stage'), dataIndex: 'state', render: (state: string) => stageLabel(state, language) },
        {
          title: t('cases.risk'),
          dataIndex: 'riskLevel',
          render: (risk: CaseView['riskLevel']) => <RiskTag risk={risk} />,
        },
        {
          title: t('cases.nextDeadline'),
          key: 'deadline',
          render: (_, row) => {
            const next = nearestOf(row.deadlines);
            if (!next) return null;
            return (
              <Space wrap>
                <span>
                  {next.label}: {dayjs(next.dueAt).format(DATE_TIME)}
                </span>
                {next.paused ? <Tag>{t('casePage.paused')}</Tag> : <RemainingTime deadline={next} />}
              </Space>
            );
          },
        },
        ...(action
          ? [{ title: t('cases.action'), key: 'action', render: (_: unknown, row: CaseView) => action(row) }]
          : []),
      ]}
    />
  );
};

import { Button, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { LoadError } from '../../admin/components/LoadError';
import type { components } from '../../api/openapiTypes';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { emptyText } from '../../forms/components/EmptyText';
import { useI18n } from '../../i18n/I18nProvider';
import { stageLabel } from '../../labels/stateLabels';
import { AREA_LABELS, RISK_LABELS, TRANSFER_KIND_LABELS } from '../../labels/valueLabels';
import { useIncomingTransfers, useRefreshTransfers } from '../hooks/useTransfers';
import { AcceptTransferDrawer, DeclineTransferDrawer } from './AnswerTransferDrawers';
import { TransferStatusTag } from './TransferStatusTag';

type Transfer = components['schemas']['TransferViewDto'];
type Risk = components['schemas']['RiskLevel'];
type Area = components['schemas']['AreaCode'];

// Chuyển trường đến: what other schools ask this one to take, the learner first, then each case with what the
// school needs to decide (number, stage, risk, open deadlines, areas); the supervisor accepts or declines.
export const TransfersPage = () => {
  const { t, language } = useI18n();
  const transfers = useIncomingTransfers();
  const refresh = useRefreshTransfers();
  const [accepting, setAccepting] = useState<Transfer | null>(null);
  const [declining, setDeclining] = useState<Transfer | null>(null);

  return (
    <section>
      <Typography.Title level={1}>{t('transfers.title')}</Typography.Title>
      <Typography.Paragraph>{t('transfers.intro')}</Typography.Paragraph>
      <LoadError error={transfers.error} />
      <Table<Transfer>
        rowKey="id"
        size="small"
        data-testid="transfers-table"
        loading={transfers.isPending}
        dataSource={transfers.data}
        locale={emptyText(t('transfers.empty'))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('transfers.what'),
            key: 'what',
            render: (_, r) => `${TRANSFER_KIND_LABELS[r.kind][language]}${r.summary ? ` ${r.summary.code}` : ''}`,
          },
          { title: t('transfers.learner'), dataIndex: 'learnerName' },
          { title: t('transfers.from'), key: 'from', render: (_, r) => r.fromSchool.name },
          {
            title: t('transfers.summary'),
            key: 'summary',
            render: (_, r) =>
              r.summary && (
                <Space orientation="vertical" size={0}>
                  <span>
                    {stageLabel(r.summary.state, language) ?? r.summary.state} ·{' '}
                    {RISK_LABELS[r.summary.riskLevel as Risk]?.[language] ?? r.summary.riskLevel}
                  </span>
                  <span>{r.summary.areas.map((a) => AREA_LABELS[a as Area]?.[language] ?? a).join(', ')}</span>
                  <span>
                    {r.summary.deadlines.length
                      ? r.summary.deadlines.map((d) => `${d.label} (${dayjs(d.dueAt).format(DATE_TIME)})`).join('; ')
                      : t('transfers.noDeadline')}
                  </span>
                  {r.summary.protection && <Tag color="red">{t('transfers.protection')}</Tag>}
                </Space>
              ),
          },
          {
            title: t('transfers.requestedAt'),
            dataIndex: 'requestedAt',
            render: (at: string) => dayjs(at).format(DATE_TIME),
          },
          {
            title: t('transfers.status'),
            key: 'status',
            render: (_, r) => <TransferStatusTag status={r.status} />,
          },
          {
            title: t('adminUsers.actions'),
            key: 'actions',
            render: (_, r) =>
              r.status === 'requested' && (
                <Space>
                  <Button type="primary" onClick={() => setAccepting(r)}>
                    {t('transfers.accept')}
                  </Button>
                  <Button onClick={() => setDeclining(r)}>{t('transfers.decline')}</Button>
                </Space>
              ),
          },
        ]}
      />
      {accepting && (
        <AcceptTransferDrawer
          transfer={accepting}
          onClose={() => {
            setAccepting(null);
            void refresh();
          }}
        />
      )}
      {declining && (
        <DeclineTransferDrawer
          transfer={declining}
          onClose={() => {
            setDeclining(null);
            void refresh();
          }}
        />
      )}
    </section>
  );
};

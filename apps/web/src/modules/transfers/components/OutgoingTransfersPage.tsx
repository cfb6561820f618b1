import { Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { LoadError } from '../../admin/components/LoadError';
import type { components } from '../../api/openapiTypes';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { emptyText } from '../../forms/components/EmptyText';
import { useI18n } from '../../i18n/I18nProvider';
import { TRANSFER_KIND_LABELS } from '../../labels/valueLabels';
import { useOutgoingTransfers } from '../hooks/useTransfers';
import { TransferStatusTag } from './TransferStatusTag';

type Transfer = components['schemas']['TransferViewDto'];

// Chuyển trường đi: what this school asked other schools to take, and their answers. Of a case it handed on the
// school keeps its trail up to the transfer (read-only), one click away.
export const OutgoingTransfersPage = () => {
  const { t, language } = useI18n();
  const transfers = useOutgoingTransfers();
  return (
    <section>
      <Typography.Title level={1}>{t('transfers.outgoingTitle')}</Typography.Title>
      <Typography.Paragraph>{t('transfers.outgoingIntro')}</Typography.Paragraph>
      <LoadError error={transfers.error} />
      <Table<Transfer>
        rowKey="id"
        size="small"
        data-testid="outgoing-transfers-table"
        loading={transfers.isPending}
        dataSource={transfers.data}
        locale={emptyText(t('transfers.outgoingEmpty'))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('transfers.what'), key: 'what', render: (_, r) => TRANSFER_KIND_LABELS[r.kind][language] },
          { title: t('transfers.learner'), dataIndex: 'learnerName' },
          { title: t('transfers.to'), key: 'to', render: (_, r) => r.toSchool.name },
          {
            title: t('transfers.requestedAt'),
            dataIndex: 'requestedAt',
            render: (at: string) => dayjs(at).format(DATE_TIME),
          },
          {
            title: t('transfers.status'),
            key: 'status',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <TransferStatusTag status={r.status} />
                {r.declineReason && (
                  <span>
                    {t('transfers.declineReason')}: {r.declineReason}
                  </span>
                )}
              </Space>
            ),
          },
          {
            title: t('transfers.answeredAt'),
            dataIndex: 'answeredAt',
            render: (at: string | null) => (at ? dayjs(at).format(DATE_TIME) : ''),
          },
          {
            title: t('adminUsers.actions'),
            key: 'actions',
            render: (_, r) =>
              r.kind === 'case' &&
              r.transferSeq !== null && <Link to={`/chuyen-truong/di/${r.id}`}>{t('transfers.openHistory')}</Link>,
          },
        ]}
      />
    </section>
  );
};

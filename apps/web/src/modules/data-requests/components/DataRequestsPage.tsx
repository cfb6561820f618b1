import { App, Button, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { LoadError } from '../../admin/components/LoadError';
import type { components } from '../../api/openapiTypes';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { RemainingTime } from '../../deadlines/components/RemainingTime';
import { emptyText } from '../../forms/components/EmptyText';
import { useI18n } from '../../i18n/I18nProvider';
import { DATA_REQUEST_KIND_LABELS } from '../../labels/valueLabels';
import { useWorkplace } from '../../workplace/hooks/useWorkplace';
import { useDataRequests, useMayAnswer, useRefreshDataRequests } from '../hooks/useDataRequests';
import { RecordRequestDrawer } from './RecordRequestDrawer';
import { RectifyDrawer } from './RectifyDrawer';
import { RequestActions } from './RequestActions';

type DataRequest = components['schemas']['DataRequestViewDto'];
type Status = DataRequest['status'];

// antd's gold tag falls under 4.5:1 (axe): the colours the report statuses use.
const STATUS_COLOR: Record<Status, string> = { open: 'processing', done: 'success', refused: 'default' };

// Yêu cầu về dữ liệu cá nhân: the requests of the school in the header, each with its time left to answer; the
// school's leaders record them, its supervisors answer them.
export const DataRequestsPage = () => {
  const { t, language } = useI18n();
  const app = App.useApp();
  const { current } = useWorkplace();
  const schoolId = current?.id ?? null;
  const requests = useDataRequests(schoolId);
  const refresh = useRefreshDataRequests();
  const mayAnswer = useMayAnswer();
  const [recording, setRecording] = useState(false);
  const [rectifying, setRectifying] = useState<DataRequest | null>(null);

  return (
    <section>
      <Typography.Title level={1}>{t('dataRequests.title')}</Typography.Title>
      <Typography.Paragraph>{t('dataRequests.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" className="admin-page">
        {schoolId && (
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('dataRequests.record')}
          </Button>
        )}
        <LoadError error={requests.error} />
        <Table<DataRequest>
          rowKey="id"
          size="small"
          data-testid="data-requests-table"
          loading={schoolId !== null && requests.isPending}
          dataSource={requests.data}
          locale={emptyText(t('dataRequests.empty'))}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('dataRequests.learner'), dataIndex: 'learnerName' },
            {
              title: t('dataRequests.kind'),
              dataIndex: 'kind',
              render: (kind: DataRequest['kind']) => DATA_REQUEST_KIND_LABELS[kind][language],
            },
            {
              title: t('dataRequests.requestedBy'),
              key: 'requestedBy',
              render: (_, r) => `${r.requestedBy} (${r.relationship})`,
            },
            {
              title: t('dataRequests.receivedAt'),
              dataIndex: 'receivedAt',
              render: (at: string) => dayjs(at).format(DATE_TIME),
            },
            {
              title: t('dataRequests.due'),
              key: 'due',
              render: (_, r) => (
                <Space size="small" wrap>
                  {dayjs(r.dueAt).format(DATE_TIME)}
                  {r.status === 'open' && (
                    <RemainingTime deadline={{ paused: false, remainingWorkingMs: r.remainingWorkingMs }} />
                  )}
                </Space>
              ),
            },
            {
              title: t('dataRequests.status'),
              key: 'status',
              render: (_, r) => {
                const status = r.status;
                return (
                  <Space size="small" wrap>
                    <Tag color={STATUS_COLOR[status]}>{t(`dataRequests.status.${status}`)}</Tag>
                    {r.answeredAt && t('dataRequests.answeredAt', { at: dayjs(r.answeredAt).format(DATE_TIME) })}
                  </Space>
                );
              },
            },
            {
              title: t('adminUsers.actions'),
              key: 'actions',
              render: (_, r) => (
                <RequestActions
                  request={r}
                  mayAnswer={mayAnswer}
                  app={app}
                  onRectify={() => setRectifying(r)}
                  refresh={refresh}
                />
              ),
            },
          ]}
        />
      </Space>
      {recording && schoolId && (
        <RecordRequestDrawer
          schoolId={schoolId}
          onClose={() => {
            setRecording(false);
            void refresh();
          }}
        />
      )}
      {rectifying && (
        <RectifyDrawer
          request={rectifying}
          onClose={() => {
            setRectifying(null);
            void refresh();
          }}
        />
      )}
    </section>
  );
};

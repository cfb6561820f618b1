import { App, Button, Drawer, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { isProblem, problemMessage } from '../../api/problem';
import type { Sent } from '../../forms/components/FormDrawer';
import { useI18n } from '../../i18n/I18nProvider';
import { ALERT_LEVEL_LABELS, DELIVERY_CHANNEL_LABELS } from '../../labels/valueLabels';
import { ADMIN_KEYS, useRefresh } from '../hooks/useAdminData';

type AdminUser = components['schemas']['AdminUserViewDto'];
type Delivery = components['schemas']['DeliveryViewDto'];
type AlertLevel = components['schemas']['AlertLevel'];

const DATE_TIME = 'DD/MM/YYYY HH:mm';

// One person's messages that gave up (a wrong address, a mail server down a whole day), each sent again by one
// button, or all of them at once once the cause is fixed.
export const DeliveriesDrawer = ({
  user,
  failed,
  onClose,
}: {
  user: AdminUser;
  failed: Delivery[];
  onClose: () => void;
}) => {
  const { t, language } = useI18n();
  const app = App.useApp();
  const refresh = useRefresh();
  const [busy, setBusy] = useState<string | null>(null);

  const retry = async (key: string, send: () => Promise<Sent & { data?: { retried: number } }>) => {
    setBusy(key);
    try {
      const { data, error } = await send();
      if (error !== undefined) {
        void app.message.error(isProblem(error) ? problemMessage(error, language) : t('error.network'));
      } else {
        void app.message.success(t('adminUsers.deliveriesRetried', { count: data?.retried ?? 0 }));
      }
    } catch {
      void app.message.error(t('error.network'));
    } finally {
      setBusy(null);
      await refresh(ADMIN_KEYS.failedDeliveries);
    }
  };

  const what = (d: Delivery) =>
    d.alertLevel === null
      ? t('adminUsers.deliveryDigest')
      : (ALERT_LEVEL_LABELS[d.alertLevel as AlertLevel]?.[language] ?? t('adminUsers.deliveryOther'));

  return (
    <Drawer open size="large" title={t('adminUsers.deliveriesTitle', { name: user.fullName })} onClose={onClose}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('adminUsers.deliveriesIntro')}</Typography.Paragraph>
        <Button
          type="primary"
          disabled={failed.length === 0}
          loading={busy === 'all'}
          onClick={() => void retry('all', () => api.POST('/api/admin/outbox/retry', { body: { userId: user.id } }))}
        >
          {t('adminUsers.deliveriesRetryAll')}
        </Button>
        <Table<Delivery>
          rowKey="id"
          size="small"
          data-testid="failed-deliveries"
          dataSource={failed}
          pagination={false}
          locale={{ emptyText: t('adminUsers.deliveriesNone') }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('adminUsers.deliveryChannel'),
              dataIndex: 'channel',
              render: (c: Delivery['channel']) => DELIVERY_CHANNEL_LABELS[c][language],
            },
            { title: t('adminUsers.deliveryWhat'), key: 'what', render: (_, d) => what(d) },
            { title: t('adminUsers.deliveryCase'), dataIndex: 'caseCode', render: (c: string | null) => c ?? '—' },
            {
              title: t('adminUsers.deliveryCreated'),
              dataIndex: 'createdAt',
              render: (at: string) => dayjs(at).format(DATE_TIME),
            },
            { title: t('adminUsers.deliveryAttempts'), dataIndex: 'attempts' },
            // The server's own words (an SMTP reply, an HTTP status): what the admin needs to find the cause.
            { title: t('adminUsers.deliveryError'), dataIndex: 'lastError', render: (e: string | null) => e ?? '—' },
            {
              title: t('adminUsers.actions'),
              key: 'actions',
              render: (_, d) => (
                <Button
                  size="small"
                  loading={busy === d.id}
                  onClick={() =>
                    void retry(d.id, () => api.POST('/api/admin/outbox/{id}/retry', { params: { path: { id: d.id } } }))
                  }
                >
                  {t('adminUsers.deliveryRetry')}
                </Button>
              ),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
};

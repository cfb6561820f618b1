import { Button, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { components } from '../../api/openapiTypes';
import { LoadError } from '../../admin/components/LoadError';
import { emptyText } from '../../forms/components/EmptyText';
import { useI18n } from '../../i18n/I18nProvider';
import { BREACH_STATUS_LABELS } from '../../labels/valueLabels';
import { useSession } from '../../session/hooks/useSession';
import { MOMENT } from '../breachForms';
import { BREACHES_PAGE_SIZE, useBreaches, useNow } from '../hooks/useBreaches';
import { BreachClock } from './BreachClock';
import { BreachDetails } from './BreachDetails';
import { RecordBreachDrawer } from './BreachDrawers';
import './breaches.css';

type Breach = components['schemas']['BreachViewDto'];
type Open = { kind: 'record' } | { kind: 'details'; id: string } | null;

// Personal-data breaches and the 72 hours the law gives to tell the authority: the admin records them and takes
// their steps; the principals and ward officers they concern follow them and download the documents.
export const BreachesPage = () => {
  const { t, language } = useI18n();
  const session = useSession();
  const canAct = session?.user.roles.includes('admin') ?? false;
  const [page, setPage] = useState(1);
  const breaches = useBreaches(page);
  const now = useNow();
  const [open, setOpen] = useState<Open>(null);
  // The row as last read: a step taken in its drawer shows there as soon as the list is read again.
  const opened = open?.kind === 'details' ? breaches.data?.items.find((b) => b.id === open.id) : undefined;

  return (
    <section>
      <Typography.Title level={1}>{t('breaches.title')}</Typography.Title>
      <Typography.Paragraph>{t('breaches.intro')}</Typography.Paragraph>
      {!canAct && <Typography.Paragraph>{t('breaches.readOnlyIntro')}</Typography.Paragraph>}
      <Space orientation="vertical" size="middle" className="admin-page">
        {canAct && (
          <Button type="primary" onClick={() => setOpen({ kind: 'record' })}>
            {t('breaches.record')}
          </Button>
        )}
        <LoadError error={breaches.error} />
        <Table<Breach>
          rowKey="id"
          size="small"
          data-testid="breaches-table"
          loading={breaches.isPending}
          dataSource={breaches.data?.items}
          locale={emptyText(t('breaches.empty'))}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: BREACHES_PAGE_SIZE,
            total: breaches.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            {
              title: t('breaches.detectedAt'),
              dataIndex: 'detectedAt',
              render: (at: string) => dayjs(at).format(MOMENT),
            },
            {
              title: t('breaches.description'),
              dataIndex: 'description',
              render: (text: string) => (
                <Typography.Paragraph className="breach-description" ellipsis={{ rows: 2 }}>
                  {text}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('breaches.schools'),
              dataIndex: 'schools',
              render: (schools: Breach['schools']) =>
                schools.length ? schools.map((s) => s.name).join(', ') : t('breaches.allSchools'),
            },
            {
              title: t('breaches.clock'),
              key: 'clock',
              render: (_, breach) => <BreachClock breach={breach} now={now} />,
            },
            {
              title: t('breaches.status'),
              dataIndex: 'status',
              render: (status: Breach['status']) => BREACH_STATUS_LABELS[status][language],
            },
            {
              title: '',
              key: 'open',
              render: (_, breach) => (
                <Button size="small" onClick={() => setOpen({ kind: 'details', id: breach.id })}>
                  {canAct ? t('breaches.open') : t('breaches.openReadOnly')}
                </Button>
              ),
            },
          ]}
        />
      </Space>
      {open?.kind === 'record' && <RecordBreachDrawer onClose={() => setOpen(null)} />}
      {opened && <BreachDetails breach={opened} now={now} canAct={canAct} onClose={() => setOpen(null)} />}
    </section>
  );
};

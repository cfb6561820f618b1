import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import type { components } from '../../api/openapiTypes';
import { TextActionDrawer } from '../../forms/components/TextActionDrawer';
import { emptyText } from '../../forms/components/EmptyText';
import { useI18n } from '../../i18n/I18nProvider';
import { CONSENT_GIVER_LABELS, CONSENT_KIND_LABELS, CONTACT_WAY_LABELS } from '../../labels/valueLabels';
import { caseKey } from '../hooks/useCase';
import { useConsents } from '../hooks/useRecords';
import { RecordDrawer } from './RecordDrawer';

type CaseView = components['schemas']['CaseViewDto'];
type Consent = components['schemas']['ConsentViewDto'];

// Who agreed to what, how and when; a consent recorded, or withdrawn with a reason.
export const ConsentsTab = ({ view, mayWrite }: { view: CaseView; mayWrite: boolean }) => {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const consents = useConsents(view.id);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  if (consents.error) return <Alert type="error" showIcon title={t('error.network')} />;
  return (
    <>
      {mayWrite && (
        <Button className="record-actions" onClick={() => setAdding(true)}>
          {t('records.newConsent')}
        </Button>
      )}
      <Table<Consent>
        rowKey="id"
        size="small"
        loading={consents.isPending}
        dataSource={consents.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={emptyText(t('consents.none'))}
        columns={[
          {
            title: t('casePage.field.givenBy'),
            key: 'by',
            render: (_, c) =>
              `${CONSENT_GIVER_LABELS[c.givenBy][language]}${c.guardian ? ` – ${c.guardian.fullName}` : ''}`,
          },
          {
            title: t('casePage.field.scope.kind'),
            key: 'kind',
            render: (_, c) => CONSENT_KIND_LABELS[c.scope.kind][language],
          },
          {
            title: t('casePage.field.givenAt'),
            dataIndex: 'givenAt',
            render: (d: string) => dayjs(d).format('DD/MM/YYYY'),
          },
          {
            title: t('casePage.field.how'),
            dataIndex: 'how',
            render: (how: keyof typeof CONTACT_WAY_LABELS) => CONTACT_WAY_LABELS[how][language],
          },
          {
            title: t('consents.status'),
            key: 'status',
            render: (_, c) =>
              c.withdrawal ? (
                <Tag>{t('consents.withdrawn')}</Tag>
              ) : mayWrite ? (
                <Button size="small" onClick={() => setWithdrawing(c)}>
                  {t('consents.withdraw')}
                </Button>
              ) : (
                <Tag color="green">{t('consents.valid')}</Tag>
              ),
          },
        ]}
      />
      {adding && <RecordDrawer view={view} kind="consent" onClose={() => setAdding(false)} />}
      {withdrawing && (
        <TextActionDrawer
          title={t('consents.withdraw')}
          field="reason"
          label="casePage.field.reason"
          max={2000}
          submit="consents.withdraw"
          send={async (reason) => {
            const answer = await api.POST('/api/cases/{id}/consents/{consentId}/withdraw', {
              params: { path: { id: view.id, consentId: withdrawing.id } },
              body: { reason },
            });
            await queryClient.invalidateQueries({ queryKey: caseKey(view.id) });
            return answer;
          }}
          onClose={() => setWithdrawing(null)}
        />
      )}
    </>
  );
};

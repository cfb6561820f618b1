import { Alert, Empty, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider';
import { CONSENT_KIND_LABELS, PROVIDER_KIND_LABELS, REFERRAL_STATUS_LABELS } from '../../labels/valueLabels';
import { useConsents, useReferrals } from '../hooks/useRecords';
import { DATE_TIME, Sealed } from './CaseHeader';

// Each referral's loop (sent, answered, completed) with the receiver and the consents it relied on.
export const ReferralsTab = ({ caseId }: { caseId: string }) => {
  const { t, language } = useI18n();
  const referrals = useReferrals(caseId);
  const consents = useConsents(caseId);
  if (referrals.error) return <Alert type="error" showIcon title={t('error.network')} />;
  if (referrals.data?.length === 0) {
    return <Empty description={<Typography.Text>{t('referrals.none')}</Typography.Text>} />;
  }
  return (
    <>
      {(referrals.data ?? []).map((r) => (
        <section key={r.id} className="record-list">
          <Typography.Title level={3}>
            {t('referrals.title', { seq: r.seq, receiver: r.receiver.name })} (
            {PROVIDER_KIND_LABELS[r.receiver.kind][language]})
          </Typography.Title>
          <Steps
            size="small"
            current={r.steps.length - 1}
            status={r.status === 'declined' ? 'error' : undefined}
            items={r.steps.map((s) => ({
              title: REFERRAL_STATUS_LABELS[s.status][language],
              description: dayjs(s.at).format(DATE_TIME),
            }))}
          />
          <p>
            <strong>{t('casePage.field.reason')}:</strong> {r.masked.includes('reason') ? <Sealed /> : r.reason}
          </p>
          <p>
            <strong>{t('referrals.consents')}:</strong>{' '}
            {r.consentIds
              .map((id) => consents.data?.find((c) => c.id === id))
              .map((c) =>
                c ? `${CONSENT_KIND_LABELS[c.scope.kind][language]} (${dayjs(c.givenAt).format('DD/MM/YYYY')})` : '—',
              )
              .join('; ') || '—'}
          </p>
        </section>
      ))}
    </>
  );
};

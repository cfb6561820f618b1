import { Alert, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider';
import { stageLabel } from '../../labels/stateLabels';
import { ATTACHMENT_KIND_LABELS, CHRONOLOGY_KIND_LABELS, ROLE_LABELS } from '../../labels/valueLabels';
import { useChronology } from '../hooks/useCase';
import { DATE_TIME } from './CaseHeader';

// What happened to the case, oldest first, as the API words each entry.
export const ChronologyTab = ({ caseId }: { caseId: string }) => {
  const { t, language } = useI18n();
  const chronology = useChronology(caseId);
  if (chronology.error) return <Alert type="error" showIcon title={t('error.network')} />;
  return (
    <Timeline
      pending={chronology.isPending ? t('casePage.loading') : undefined}
      items={(chronology.data?.items ?? []).map((e) => ({
        key: e.seq,
        children: (
          <>
            <strong>{dayjs(e.occurredAt).format(DATE_TIME)}</strong> · {CHRONOLOGY_KIND_LABELS[e.kind][language]} ·{' '}
            {e.label[language]}
            {e.toState && e.fromState !== e.toState && (
              <div>
                {e.fromState ? `${stageLabel(e.fromState, language)} → ` : ''}
                {stageLabel(e.toState, language)}
              </div>
            )}
            {e.attachments.length > 0 && (
              <ul className="chronology-attachments" aria-label={t('casePage.chronologyAttachments')}>
                {e.attachments.map((a) => (
                  <li key={a.id}>
                    {ATTACHMENT_KIND_LABELS[a.kind as keyof typeof ATTACHMENT_KIND_LABELS]?.[language] ?? a.kind} ·{' '}
                    {dayjs(a.attachedAt).format(DATE_TIME)}
                    {a.withdrawnAt &&
                      ` · ${t('casePage.attachmentWithdrawnOn')} ${dayjs(a.withdrawnAt).format(DATE_TIME)}`}
                  </li>
                ))}
              </ul>
            )}
            <div className="chronology-actor">
              {[e.actor.fullName, e.actor.role && ROLE_LABELS[e.actor.role as keyof typeof ROLE_LABELS]?.[language]]
                .filter(Boolean)
                .join(' · ')}
            </div>
          </>
        ),
      }))}
    />
  );
};

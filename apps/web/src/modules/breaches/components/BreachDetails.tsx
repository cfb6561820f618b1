import { Alert, Button, Descriptions, Drawer, Space, Steps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { downloadFile } from '../../api/downloadFile';
import type { components } from '../../api/openapiTypes';
import { problemMessage, type Problem } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import {
  BREACH_CATEGORY_LABELS,
  BREACH_FINDING_LABELS,
  BREACH_NOTICE_WAY_LABELS,
  BREACH_STATUS_LABELS,
} from '../../labels/valueLabels';
import { MOMENT } from '../breachForms';
import { BreachClock } from './BreachClock';
import { AuthorityDrawer, CloseDrawer, GuardiansDrawer } from './BreachDrawers';

type Breach = components['schemas']['BreachViewDto'];
type Step = 'authority' | 'guardians' | 'close';

const at = (iso: string) => dayjs(iso).format(MOMENT);

// One breach: what was recorded, where its clock stands, the steps taken and the next ones (for the admin), and its
// two documents (for everyone who reads it).
export const BreachDetails = ({
  breach,
  now,
  canAct,
  onClose,
}: {
  breach: Breach;
  now: number;
  canAct: boolean;
  onClose: () => void;
}) => {
  const { t, language } = useI18n();
  const [step, setStep] = useState<Step | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Problem | 'failed' | null>(null);
  const closed = breach.status === 'closed';
  const authority = breach.authorityNotification;
  const guardians = breach.guardianNotification;

  const download = async (doc: 'authority-letter' | 'guardian-notice') => {
    setBusy(doc);
    setRefusal(null);
    try {
      const day = dayjs(breach.detectedAt).format('YYYY-MM-DD');
      setRefusal(await downloadFile(`/api/admin/privacy/breaches/${breach.id}/${doc}`, `su-co-${day}-${doc}.docx`));
    } finally {
      setBusy(null);
    }
  };

  // The steps in the order the law asks for them; telling the families may come before or after the authority.
  const current = closed ? 3 : authority ? (guardians ? 3 : 2) : 1;
  const stepStatus = (done: boolean, isCurrent: boolean) => (done ? 'finish' : isCurrent ? 'process' : 'wait');

  return (
    <Drawer open title={t('breaches.detailTitle', { at: at(breach.detectedAt) })} onClose={onClose} size={640}>
      <Space orientation="vertical" size="middle" className="admin-page">
        <Steps
          size="small"
          current={current}
          items={[
            { title: t('breaches.stepRecorded'), status: 'finish' },
            { title: t('breaches.stepAuthority'), status: stepStatus(!!authority, !authority && !closed) },
            {
              title: t('breaches.stepGuardians'),
              status: stepStatus(!!guardians, !!authority && !guardians && !closed),
            },
            { title: t('breaches.stepClosed'), status: stepStatus(closed, false) },
          ]}
        />
        {canAct && !closed && (
          <Space wrap>
            {!authority && (
              <Button type="primary" onClick={() => setStep('authority')}>
                {t('breaches.notifyAuthority')}
              </Button>
            )}
            {!guardians && (
              <Button type={authority ? 'primary' : 'default'} onClick={() => setStep('guardians')}>
                {t('breaches.notifyGuardians')}
              </Button>
            )}
            <Button onClick={() => setStep('close')}>{t('breaches.close')}</Button>
          </Space>
        )}
        <Space wrap>
          <Button loading={busy === 'authority-letter'} onClick={() => void download('authority-letter')}>
            {t('breaches.authorityLetter')}
          </Button>
          <Button loading={busy === 'guardian-notice'} onClick={() => void download('guardian-notice')}>
            {t('breaches.guardianNotice')}
          </Button>
        </Space>
        {refusal && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={refusal === 'failed' ? t('error.network') : problemMessage(refusal, language)}
          />
        )}
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'status', label: t('breaches.status'), children: BREACH_STATUS_LABELS[breach.status][language] },
            { key: 'clock', label: t('breaches.clock'), children: <BreachClock breach={breach} now={now} /> },
            { key: 'detectedAt', label: t('breaches.detectedAt'), children: at(breach.detectedAt) },
            { key: 'dueAt', label: t('breaches.dueAt'), children: at(breach.dueAt) },
            { key: 'description', label: t('breaches.description'), children: breach.description },
            {
              key: 'categories',
              label: t('breaches.categories'),
              children: breach.categories.map((c) => BREACH_CATEGORY_LABELS[c][language]).join(', '),
            },
            { key: 'subjects', label: t('breaches.subjects'), children: breach.subjectsEstimate },
            {
              key: 'schools',
              label: t('breaches.schools'),
              children: breach.schools.length ? breach.schools.map((s) => s.name).join(', ') : t('breaches.allSchools'),
            },
            { key: 'consequences', label: t('breaches.consequences'), children: breach.consequences },
            { key: 'measures', label: t('breaches.measures'), children: breach.measuresTaken },
            {
              key: 'responsible',
              label: t('breaches.responsible'),
              children: [
                breach.responsible.fullName,
                breach.responsible.position,
                breach.responsible.phone,
                breach.responsible.email,
              ]
                .filter(Boolean)
                .join(' · '),
            },
            {
              key: 'authority',
              label: t('breaches.authorityNotified'),
              children: authority
                ? [at(authority.notifiedAt), authority.reference, authority.lateReason].filter(Boolean).join(' · ')
                : t('breaches.notYet'),
            },
            {
              key: 'guardians',
              label: t('breaches.guardians'),
              children: guardians
                ? t('breaches.guardiansSummary', {
                    count: guardians.guardiansNotified,
                    how: BREACH_NOTICE_WAY_LABELS[guardians.how][language].toLowerCase(),
                    at: at(guardians.notifiedAt),
                  })
                : t('breaches.notYet'),
            },
            {
              key: 'closure',
              label: t('breaches.closure'),
              children: breach.closure
                ? `${BREACH_FINDING_LABELS[breach.closure.finding][language]} · ${at(breach.closure.closedAt)} · ${breach.closure.outcome}`
                : t('breaches.notYet'),
            },
            { key: 'recordedAt', label: t('breaches.recordedAt'), children: at(breach.recordedAt) },
          ]}
        />
      </Space>
      {step === 'authority' && <AuthorityDrawer breach={breach} onClose={() => setStep(null)} />}
      {step === 'guardians' && <GuardiansDrawer breach={breach} onClose={() => setStep(null)} />}
      {step === 'close' && <CloseDrawer breach={breach} onClose={() => setStep(null)} />}
    </Drawer>
  );
};

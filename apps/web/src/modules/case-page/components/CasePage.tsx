import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblemError, problemMessage } from '../../api/problem';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import { EVENT_LABELS } from '../../labels/valueLabels';
import { historyTab } from '../../case-history/components/historyTab';
import { NotFoundPage } from '../../not-found/components/NotFoundPage';
import { actionsOf } from '../eventForms';
import { useCase } from '../hooks/useCase';
import { CaseHeader, DeadlineList } from './CaseHeader';
import { ChronologyTab } from './ChronologyTab';
import { useSession } from '../../session/hooks/useSession';
import { CaseSections } from './CaseSections';
import { ClockControls } from './ClockControls';
import { AttachmentsTab } from './AttachmentsTab';
import { ConsentsTab } from './ConsentsTab';
import { FormsTab } from './FormsTab';
import { RecordsTab } from './RecordsTab';
import { ReferralsTab } from './ReferralsTab';
import { EventDrawer } from './EventDrawer';
import { NameLearner } from './NameLearner';
import { LegalHoldControls, mayHold, RetentionTags } from './LegalHoldControls';
import { mayTransfer, TransferCaseControls } from '../../transfers/components/TransferCaseControls';

type EventType = components['schemas']['CaseEventType'];

// One case: what it is, what is due, and only the steps this person may take now (the API's allowedEvents).
export const CasePage = () => {
  const { caseId = '' } = useParams();
  const { t, language } = useI18n();
  const view = useCase(caseId);
  const user = useSession()?.user;
  const [open, setOpen] = useState<EventType | null>(null);

  // A case of another school answers 404 like a case that does not exist: the page says the same.
  if (view.error instanceof ApiProblemError && view.error.problem.statusCode === 404) return <NotFoundPage />;
  if (view.error) {
    const message =
      view.error instanceof ApiProblemError ? problemMessage(view.error.problem, language) : t('error.network');
    return <Alert type="error" showIcon title={message} />;
  }
  if (!view.data) return <Card loading />;
  const data = view.data;
  const actions = actionsOf(data.allowedEvents);
  // Records are the assigned counsellor's to write (the API says so again): others read them.
  const mayWrite = data.assigneeId === user?.id && data.state !== 'closed.archived';
  const holdable = mayHold(user, data);
  const transferable = mayTransfer(user, data);

  return (
    <section>
      <Typography.Title level={1}>{t('casePage.title', { code: data.code })}</Typography.Title>
      <RetentionTags view={data} />
      {(actions.length > 0 || holdable || transferable) && (
        <nav aria-label={t('casePage.actions')} className="case-actions">
          <Space wrap>
            {actions.map((e, i) => (
              <Button key={e} type={i === 0 ? 'primary' : 'default'} onClick={() => setOpen(e)}>
                {EVENT_LABELS[e][language]}
              </Button>
            ))}
            <NameLearner view={data} />
            <ClockControls view={data} />
            {holdable && <LegalHoldControls view={data} />}
            {transferable && <TransferCaseControls view={data} />}
          </Space>
        </nav>
      )}
      <CaseHeader view={data} />
      <Typography.Title level={2}>{t('casePage.deadlines')}</Typography.Title>
      <DeadlineList view={data} />
      <CaseSections
        items={[
          { key: 'chronology', label: t('casePage.chronology'), children: <ChronologyTab caseId={data.id} /> },
          { key: 'records', label: t('records.tab'), children: <RecordsTab view={data} mayWrite={mayWrite} /> },
          { key: 'referrals', label: t('referrals.tab'), children: <ReferralsTab caseId={data.id} /> },
          { key: 'consents', label: t('consents.tab'), children: <ConsentsTab view={data} mayWrite={mayWrite} /> },
          {
            key: 'attachments',
            label: t('attachments.tab'),
            children: <AttachmentsTab view={data} mayWrite={mayWrite} />,
          },
          { key: 'forms', label: t('forms.tab'), children: <FormsTab caseId={data.id} code={data.code} /> },
          ...historyTab(data.id),
        ]}
      />
      {open && <EventDrawer view={data} type={open} onClose={() => setOpen(null)} />}
    </section>
  );
};

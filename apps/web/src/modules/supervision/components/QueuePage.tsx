import { Alert, Button, Card, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { components } from '../../api/openapiTypes';
import { ApiProblemError, problemMessage } from '../../api/problem';
import { EventDrawer } from '../../case-page/components/EventDrawer';
import { CaseTable } from '../../cases/components/CaseTable';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';
import { useCaseSection } from '../hooks/useQueue';

type CaseView = components['schemas']['CaseViewDto'];

const Section = ({
  title,
  empty,
  section,
  action,
}: {
  title: DictionaryKey;
  empty: DictionaryKey;
  section: ReturnType<typeof useCaseSection>;
  action?: (row: CaseView) => ReactNode;
}) => {
  const { t, language } = useI18n();
  return (
    <Card
      size="small"
      className="queue-section"
      title={<h2 className="card-heading">{`${t(title)} (${section.data?.total ?? '…'})`}</h2>}
    >
      {section.error instanceof ApiProblemError && (
        <Alert type="error" showIcon title={problemMessage(section.error.problem, language)} />
      )}
      <CaseTable cases={section.data?.items} loading={section.isPending} empty={t(empty)} action={action} />
    </Card>
  );
};

// The supervisor's day: new reports nobody has taken (public ones marked), plans and closures awaiting their
// approval, and every overdue case of the school. Approving and returning happen on the case's page.
export const QueuePage = () => {
  const { t } = useI18n();
  const unassigned = useCaseSection('unassigned', { unassigned: true, state: 'intake' });
  const plans = useCaseSection('planReview', { state: 'planReview' });
  const closures = useCaseSection('closureReview', { state: 'closureReview' });
  const overdue = useCaseSection('overdue', { overdue: true });
  const [assigning, setAssigning] = useState<CaseView | null>(null);
  return (
    <section>
      <Typography.Title level={1}>{t('queue.title')}</Typography.Title>
      <Section
        title="queue.unassigned"
        empty="queue.unassignedEmpty"
        section={unassigned}
        action={(row) =>
          row.allowedEvents.includes('ASSIGN') && (
            <Button size="small" onClick={() => setAssigning(row)}>
              {t('queue.assign')}
            </Button>
          )
        }
      />
      <Section title="queue.plans" empty="queue.plansEmpty" section={plans} />
      <Section title="queue.closures" empty="queue.closuresEmpty" section={closures} />
      <Section title="queue.overdue" empty="queue.overdueEmpty" section={overdue} />
      {assigning && (
        <EventDrawer
          view={assigning}
          type="ASSIGN"
          onClose={() => {
            setAssigning(null);
            void unassigned.refetch();
          }}
        />
      )}
    </section>
  );
};

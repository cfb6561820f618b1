import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkplace } from '../../workplace/hooks/useWorkplace';
import { CaseDetailsForm } from './CaseDetailsForm';
import { LearnerStep } from './LearnerStep';

// Opening a case in the school the person works in now (the header's): first whom it is about, then what was
// reported.
export const OpenCasePage = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const schoolId = useWorkplace().current?.id ?? '';
  const [learner, setLearner] = useState<{ id: string; fullName: string } | null>(null);
  return (
    <section className="open-case">
      <Typography.Title level={1}>{t('openCase.title')}</Typography.Title>
      <Card title={<h2 className="card-heading">{t('openCase.learnerStep')}</h2>} size="small">
        {learner ? (
          <Space wrap>
            <strong data-testid="chosen-learner">{learner.fullName}</strong>
            <Button onClick={() => setLearner(null)}>{t('openCase.changeLearner')}</Button>
          </Space>
        ) : (
          <LearnerStep schoolId={schoolId} onChosen={setLearner} />
        )}
      </Card>
      {learner && (
        <Card title={<h2 className="card-heading">{t('openCase.detailsStep')}</h2>} size="small">
          <CaseDetailsForm
            schoolId={schoolId}
            learnerId={learner.id}
            onOpened={(id) => void navigate(`/ho-so/${id}`)}
          />
        </Card>
      )}
    </section>
  );
};

import { Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/hooks/useSession';
import { CaseDetailsForm } from './CaseDetailsForm';
import { LearnerStep } from './LearnerStep';

// Opening a case: first whom it is about, then what was reported. A counsellor of several schools picks one.
export const OpenCasePage = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const schoolIds = useSession()?.user.schoolIds ?? [];
  const [schoolId, setSchoolId] = useState(schoolIds[0] ?? '');
  const [learner, setLearner] = useState<{ id: string; fullName: string } | null>(null);
  return (
    <section className="open-case">
      <Typography.Title level={1}>{t('openCase.title')}</Typography.Title>
      {schoolIds.length > 1 && !learner && (
        <Select
          aria-label={t('openCase.school')}
          value={schoolId}
          onChange={setSchoolId}
          options={schoolIds.map((id) => ({ value: id, label: id }))}
        />
      )}
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

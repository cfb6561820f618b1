import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { isProblem, problemMessage, type Problem } from '../../api/problem';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import { LearnerStep } from '../../open-case/components/LearnerStep';
import { useSession } from '../../session/hooks/useSession';
import { caseKey } from '../hooks/useCase';

type CaseView = components['schemas']['CaseViewDto'];

// A report from the public form names nobody the school has recorded: at intake, a supervisor or the assignee
// finds the learner (or records them) and ties the case to them.
export const NameLearner = ({ view }: { view: CaseView }) => {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const user = useSession()?.user;
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const mayName =
    user &&
    (view.assigneeId === user.id || (user.roles.includes('supervisor') && user.schoolIds.includes(view.schoolId)));
  if (view.learnerId || view.state !== 'intake' || !mayName) return null;

  const choose = async (learner: { id: string }) => {
    const { error } = await api.POST('/api/cases/{id}/learner', {
      params: { path: { id: view.id } },
      body: { learnerId: learner.id },
    });
    await queryClient.invalidateQueries({ queryKey: caseKey(view.id) });
    if (!error) return setOpen(false);
    if (isProblem(error)) setRefusal(error);
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('nameLearner.button')}</Button>
      {open && (
        <Drawer open title={t('nameLearner.button')} onClose={() => setOpen(false)} size={560} destroyOnHidden>
          {refusal && <Alert type="error" showIcon role="alert" title={problemMessage(refusal, language)} />}
          <LearnerStep schoolId={view.schoolId} onChosen={(l) => void choose(l)} />
        </Drawer>
      )}
    </>
  );
};

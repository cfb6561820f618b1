import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, List } from 'antd';
import { useState } from 'react';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { learnerFacts, LeftTag } from './LearnerFacts';
import { NewLearnerForm } from './NewLearnerForm';

// Whom the case is about: a learner the school has recorded, found by name with or without diacritics, or a new one.
export const LearnerStep = ({
  schoolId,
  onChosen,
}: {
  schoolId: string;
  onChosen: (learner: { id: string; fullName: string }) => void;
}) => {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const found = useQuery({
    queryKey: ['learners', schoolId, q],
    enabled: q !== '',
    queryFn: async () => dataOf(await api.GET('/api/learners', { params: { query: { q, schoolId } } })),
  });
  return (
    <>
      <Input.Search
        aria-label={t('openCase.findLearner')}
        placeholder={t('openCase.findLearner')}
        enterButton={t('myWork.find')}
        maxLength={200}
        onSearch={(value) => setQ(value.trim())}
      />
      {q !== '' && found.data && (
        <List
          className="learner-results"
          dataSource={found.data.items}
          locale={{ emptyText: <Empty description={t('openCase.noLearner', { q })} /> }}
          renderItem={(l) => (
            <List.Item
              actions={[
                <Button key="choose" onClick={() => onChosen(l)}>
                  {t('openCase.choose', { name: l.fullName })}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    {l.fullName} <LeftTag learner={l} t={t} />
                  </>
                }
                description={learnerFacts(l, t)}
              />
            </List.Item>
          )}
        />
      )}
      {creating ? (
        <NewLearnerForm schoolId={schoolId} initialName={q} onChosen={onChosen} />
      ) : (
        <Button className="new-learner-button" onClick={() => setCreating(true)}>
          {t('openCase.newLearner')}
        </Button>
      )}
    </>
  );
};

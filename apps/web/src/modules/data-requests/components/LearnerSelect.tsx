import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { learnerFacts } from '../../open-case/components/LearnerFacts';
import { useLearnerSearch } from '../hooks/useDataRequests';

// The learner a request is about: the school's learners found by name, with or without diacritics (as "Tạo hồ sơ
// mới" finds them), each shown with birth date and class to tell two of the same name apart, and the day they left.
export const LearnerSelect = ({
  schoolId,
  id,
  value,
  onChange,
}: {
  schoolId: string;
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
}) => {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useLearnerSearch(schoolId, q);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      placeholder={t('dataRequests.findLearner')}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      notFoundContent={q ? t('openCase.noLearner', { q }) : null}
      options={found.data?.map((l) => ({
        value: l.id,
        // A learner who left is still offered (a request may be about them), the day they left in the label.
        label: `${l.fullName} · ${learnerFacts(l, t)}`,
      }))}
    />
  );
};

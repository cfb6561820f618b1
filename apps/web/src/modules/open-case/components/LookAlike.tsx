import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/apiClient';
import { dataOf } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { SEX_LABELS } from '../../labels/valueLabels';

// "Is it this learner?": the recorded learner who shares the name and birth date, to take, or to set aside as
// another child.
export const LookAlike = ({
  schoolId,
  existingId,
  fullName,
  onSame,
  onDifferent,
}: {
  schoolId: string;
  existingId: string;
  fullName: string;
  onSame: (learner: { id: string; fullName: string }) => void;
  onDifferent: () => void;
}) => {
  const { t, language } = useI18n();
  const found = useQuery({
    queryKey: ['learners', schoolId, fullName],
    queryFn: async () =>
      dataOf(await api.GET('/api/learners', { params: { query: { q: fullName, schoolId, pageSize: 100 } } })),
  });
  const existing = found.data?.items.find((l) => l.id === existingId);
  return (
    <Alert
      className="look-alike"
      type="warning"
      showIcon
      title={t('openCase.lookAlike')}
      description={
        <Space orientation="vertical">
          {existing && (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'name', label: t('openCase.fullName'), children: existing.fullName },
                {
                  key: 'dob',
                  label: t('openCase.dateOfBirth'),
                  children: dayjs(existing.dateOfBirth).format('DD/MM/YYYY'),
                },
                { key: 'sex', label: t('openCase.sex'), children: SEX_LABELS[existing.sex][language] },
                { key: 'class', label: t('openCase.className'), children: existing.className },
                ...(existing.nationalId
                  ? [{ key: 'nationalId', label: t('learner.nationalId'), children: existing.nationalId }]
                  : []),
                ...(existing.leftAt
                  ? [
                      {
                        key: 'left',
                        label: t('learner.left'),
                        children: t('learner.leftOn', { date: dayjs(existing.leftAt).format('DD/MM/YYYY') }),
                      },
                    ]
                  : []),
              ]}
            />
          )}
          <Space wrap>
            <Button type="primary" disabled={!existing} onClick={() => existing && onSame(existing)}>
              {t('openCase.sameLearner')}
            </Button>
            <Button onClick={onDifferent}>{t('openCase.differentLearner')}</Button>
          </Space>
        </Space>
      }
    />
  );
};

import { api } from '../../api/apiClient';
import { useI18n } from '../../i18n/I18nProvider';
import { YearListPage } from '../components/YearListPage';
import { useTraining } from '../hooks/useSchoolRecords';
import { shownDay } from '../schoolYears';
import { type Training, TrainingDrawer } from './TrainingDrawer';

// Bồi dưỡng: the courses the school's staff followed this school year.
export const TrainingPage = () => {
  const { t, language } = useI18n();
  const hours = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return (
    <YearListPage<Training>
      kind="training"
      words={{
        title: 'schoolRecords.training.title',
        intro: 'schoolRecords.training.intro',
        add: 'schoolRecords.training.add',
        empty: 'schoolRecords.training.empty',
      }}
      query={useTraining}
      rowName={(r) => r.course}
      remove={(id) => api.DELETE('/api/school-records/training/{id}', { params: { path: { id } } })}
      drawer={(props) => <TrainingDrawer {...props} />}
      columns={[
        { title: t('schoolRecords.fullName'), dataIndex: 'fullName' },
        { title: t('schoolRecords.training.course'), dataIndex: 'course' },
        { title: t('schoolRecords.training.organiser'), dataIndex: 'organiser' },
        {
          title: t('schoolRecords.training.hours'),
          dataIndex: 'durationHours',
          align: 'right',
          render: (h: number) => hours.format(h),
        },
        {
          title: t('schoolRecords.period'),
          key: 'period',
          render: (_, r) =>
            r.toDate && r.toDate !== r.fromDate
              ? t('schoolRecords.fromTo', { from: shownDay(r.fromDate), to: shownDay(r.toDate) })
              : shownDay(r.fromDate),
        },
        {
          title: t('schoolRecords.training.certificate'),
          dataIndex: 'certificate',
          render: (c: boolean) => (c ? t('schoolRecords.yes') : t('schoolRecords.no')),
        },
      ]}
    />
  );
};

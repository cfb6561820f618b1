import { api } from '../../api/apiClient';
import { useI18n } from '../../i18n/I18nProvider';
import { ACTIVITY_KIND_LABELS, AREA_LABELS } from '../../labels/valueLabels';
import { YearListPage } from '../components/YearListPage';
import { useActivities } from '../hooks/useSchoolRecords';
import { shownDay } from '../schoolYears';
import { type Activity, ActivityDrawer } from './ActivityDrawer';

// Hoạt động phòng ngừa, truyền thông: what the school did for its learners, parents and teachers this year.
export const ActivitiesPage = () => {
  const { t, language } = useI18n();
  const audience = (a: Activity): string =>
    [
      ...(a.grades.length ? [t('schoolRecords.activity.gradesShort', { grades: a.grades.join(', ') })] : []),
      ...(a.parents ? [t('schoolRecords.activity.parents')] : []),
      ...(a.teachers ? [t('schoolRecords.activity.teachers')] : []),
    ].join('; ');
  return (
    <YearListPage<Activity>
      kind="activities"
      words={{
        title: 'schoolRecords.activity.title',
        intro: 'schoolRecords.activity.intro',
        add: 'schoolRecords.activity.add',
        empty: 'schoolRecords.activity.empty',
      }}
      query={useActivities}
      rowName={(a) => a.name}
      remove={(id) => api.DELETE('/api/school-records/activities/{id}', { params: { path: { id } } })}
      drawer={(props) => <ActivityDrawer {...props} />}
      columns={[
        { title: t('schoolRecords.activity.date'), dataIndex: 'date', render: shownDay },
        {
          title: t('schoolRecords.activity.kind'),
          dataIndex: 'kind',
          render: (k: Activity['kind']) => ACTIVITY_KIND_LABELS[k][language],
        },
        { title: t('schoolRecords.activity.name'), dataIndex: 'name' },
        {
          title: t('schoolRecords.activity.areas'),
          dataIndex: 'areas',
          render: (areas: Activity['areas']) => areas.map((a) => AREA_LABELS[a][language]).join('; '),
        },
        { title: t('schoolRecords.activity.audience'), key: 'audience', render: (_, a) => audience(a) },
        { title: t('schoolRecords.activity.participants'), dataIndex: 'participants', align: 'right' },
        { title: t('schoolRecords.activity.girls'), dataIndex: 'girls', align: 'right' },
      ]}
    />
  );
};

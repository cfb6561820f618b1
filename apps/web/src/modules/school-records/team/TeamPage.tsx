import { api } from '../../api/apiClient';
import { useI18n } from '../../i18n/I18nProvider';
import { EMPLOYMENT_LABELS, TEAM_JOB_LABELS, TEAM_ROLE_LABELS } from '../../labels/valueLabels';
import { YearListPage } from '../components/YearListPage';
import { useTeam } from '../hooks/useSchoolRecords';
import { shownDay } from '../schoolYears';
import { type TeamMember, TeamDrawer } from './TeamDrawer';

// Tổ tư vấn học đường và công tác xã hội: who is on the school's team this school year.
export const TeamPage = () => {
  const { t, language } = useI18n();
  return (
    <YearListPage<TeamMember>
      kind="team"
      words={{
        title: 'schoolRecords.team.title',
        intro: 'schoolRecords.team.intro',
        add: 'schoolRecords.team.add',
        empty: 'schoolRecords.team.empty',
      }}
      query={useTeam}
      rowName={(m) => m.fullName}
      remove={(id) => api.DELETE('/api/school-records/team/{id}', { params: { path: { id } } })}
      drawer={(props) => <TeamDrawer {...props} />}
      columns={[
        { title: t('schoolRecords.fullName'), dataIndex: 'fullName' },
        {
          title: t('schoolRecords.team.role'),
          dataIndex: 'teamRole',
          render: (v: TeamMember['teamRole']) => TEAM_ROLE_LABELS[v][language],
        },
        {
          title: t('schoolRecords.team.employment'),
          dataIndex: 'employment',
          render: (v: TeamMember['employment']) => EMPLOYMENT_LABELS[v][language],
        },
        {
          title: t('schoolRecords.team.job'),
          dataIndex: 'job',
          render: (v: TeamMember['job']) => TEAM_JOB_LABELS[v][language],
        },
        {
          title: t('schoolRecords.period'),
          key: 'period',
          render: (_, m) =>
            m.toDate
              ? t('schoolRecords.fromTo', { from: shownDay(m.fromDate), to: shownDay(m.toDate) })
              : t('schoolRecords.since', { from: shownDay(m.fromDate) }),
        },
      ]}
    />
  );
};

import { Empty, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/hooks/useSession';
import { SchoolReports } from './SchoolReports';
import { WardReports } from './WardReports';
import '../../figures/components/figures.css';
import './reports.css';

// "Báo cáo": a school's leaders draft and send their reports; the ward officer follows every school's and sums them.
export const ReportsPage = () => {
  const { t } = useI18n();
  const roles = useSession()?.user.roles ?? [];
  const ofSchool = roles.includes('principal') || roles.includes('supervisor');
  const ofWard = roles.includes('ward_officer');
  return (
    <section>
      <Typography.Title level={1}>{t('reports.title')}</Typography.Title>
      {ofSchool && <SchoolReports />}
      {ofWard && <WardReports />}
      {!ofSchool && !ofWard && <Empty description={t('figures.notYours')} />}
    </section>
  );
};

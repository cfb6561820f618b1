import { Empty, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import { useFiguresSide } from '../../session/hooks/useFiguresSide';
import { SchoolReports } from './SchoolReports';
import { WardReports } from './WardReports';
import '../../figures/components/figures.css';
import './reports.css';

// "Báo cáo": a school's leaders draft and send their reports; the ward officer follows every school's and sums them.
export const ReportsPage = () => {
  const { t } = useI18n();
  const { ofSchool, ofWard } = useFiguresSide();
  return (
    <section>
      <Typography.Title level={1}>{t('reports.title')}</Typography.Title>
      {ofSchool && <SchoolReports />}
      {ofWard && <WardReports />}
      {!ofSchool && !ofWard && <Empty description={t('figures.notYours')} />}
    </section>
  );
};

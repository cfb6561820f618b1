import { Alert, Card, Empty, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiProblemError, problemMessage } from '../../api/problem';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { useFiguresSide } from '../../session/hooks/useFiguresSide';
import { useWorkplace } from '../../workplace/hooks/useWorkplace';
import { useSchoolFigures, useWardFigures } from '../hooks/useFigures';
import { ReportDeadlines } from './ReportDeadlines';
import { SchoolFigures } from './SchoolFigures';
import './figures.css';

const Failure = ({ error }: { error: Error | null }) => {
  const { t, language } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiProblemError ? problemMessage(error.problem, language) : t('error.network')}
    />
  );
};

// A school leader's figures: the school they work in now, counted exactly, and its report deadlines.
const SchoolSection = () => {
  const { t } = useI18n();
  const { current } = useWorkplace();
  const figures = useSchoolFigures(current?.id ?? null);
  const data = figures.data;
  return (
    <section aria-labelledby="figures-school">
      <Typography.Title level={2} id="figures-school">
        {current ? current.name : t('figures.school')}
      </Typography.Title>
      <Failure error={figures.error} />
      {figures.isPending && current && <Spin />}
      {data && (
        <>
          <p>{t('figures.asOf', { year: data.schoolYear, at: dayjs(data.asOf).format(DATE_TIME) })}</p>
          <SchoolFigures figures={data.school} overdue={data.overdue} />
          <ReportDeadlines reports={data.reports} asOf={data.asOf} />
        </>
      )}
    </section>
  );
};

// The ward officer's figures: every school of the ward, small cells as the API masks them.
const WardSection = () => {
  const { t } = useI18n();
  const figures = useWardFigures(true);
  const data = figures.data;
  return (
    <section aria-labelledby="figures-ward">
      <Typography.Title level={2} id="figures-ward">
        {t('figures.ward')}
      </Typography.Title>
      <Failure error={figures.error} />
      {figures.isPending && <Spin />}
      {data && (
        <>
          <p>{t('figures.asOf', { year: data.schoolYear, at: dayjs(data.asOf).format(DATE_TIME) })}</p>
          {data.schools.length === 0 && <Empty description={t('figures.noSchools')} />}
          {data.schools.map((s) => (
            <Card
              key={s.schoolId}
              size="small"
              className="figures-school"
              data-school={s.code}
              title={<h3 className="card-heading">{s.name}</h3>}
            >
              <SchoolFigures figures={s} />
            </Card>
          ))}
        </>
      )}
    </section>
  );
};

// "Số liệu": aggregate counts only, never a learner or a case.
export const FiguresPage = () => {
  const { t } = useI18n();
  const { ofSchool, ofWard } = useFiguresSide();
  return (
    <section>
      <Typography.Title level={1}>{t('figures.title')}</Typography.Title>
      {ofSchool && <SchoolSection />}
      {ofWard && <WardSection />}
      {!ofSchool && !ofWard && <Empty description={t('figures.notYours')} />}
    </section>
  );
};

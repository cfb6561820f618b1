import { Card, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { components } from '../../api/openapiTypes';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { REPORT_KIND_LABELS } from '../../labels/valueLabels';

type ReportPeriod = components['schemas']['ReportPeriodDto'];

// The two reports the school owes the ward this school year (15/01 semester I, 15/05 the year). A report is
// written and submitted on the reports page, which stops its clock (the escalation sweep opens the clocks of the
// school year); each row not yet submitted leads there.
export const ReportDeadlines = ({ reports, asOf }: { reports: ReportPeriod[]; asOf: string }) => {
  const { t, language } = useI18n();
  return (
    <Card size="small" className="figures-reports" title={<h3 className="card-heading">{t('figures.reports')}</h3>}>
      <table className="figures-chart">
        <caption className="figures-visually-hidden">{t('figures.reports')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figures.report')}</th>
            <th scope="col">{t('figures.dueAt')}</th>
            <th scope="col">{t('figures.status')}</th>
            <th scope="col">{t('figures.action')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => {
            const late = !r.submittedAt && r.hasClock && dayjs(r.dueAt).isBefore(dayjs(asOf));
            return (
              <tr key={r.kind} data-kind={r.kind}>
                <th scope="row">{REPORT_KIND_LABELS[r.kind][language]}</th>
                <td>{dayjs(r.dueAt).format(DATE_TIME)}</td>
                <td>
                  {r.submittedAt ? (
                    <Tag color="success">
                      {t('figures.submittedAt', { at: dayjs(r.submittedAt).format(DATE_TIME) })}
                    </Tag>
                  ) : !r.hasClock && !dayjs(r.dueAt).isAfter(dayjs(asOf)) ? (
                    t('figures.noClock')
                  ) : late ? (
                    <Tag color="error">{t('figures.late')}</Tag>
                  ) : (
                    t('figures.notSubmitted')
                  )}
                </td>
                <td>
                  {!r.submittedAt && (
                    <Link
                      to="/bao-cao"
                      aria-label={`${t('figures.toReports')}: ${REPORT_KIND_LABELS[r.kind][language]}`}
                    >
                      {t('figures.toReports')}
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
};

import { Alert, Button, Card, Tag } from 'antd';
import dayjs from 'dayjs';
import type { components } from '../../api/openapiTypes';
import { ApiProblemError, problemMessage } from '../../api/problem';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { REPORT_KIND_LABELS } from '../../labels/valueLabels';
import { useSubmitReport } from '../hooks/useFigures';

type ReportPeriod = components['schemas']['ReportPeriodDto'];

// The two reports the school owes the ward this school year (15/01 semester I, 15/05 the year). The principal
// marks one submitted while its clock runs (the escalation sweep opens the clocks of the school year); a report
// without a clock has nothing to stop, so it gets no button.
export const ReportDeadlines = ({
  schoolId,
  reports,
  asOf,
  canSubmit,
}: {
  schoolId: string;
  reports: ReportPeriod[];
  asOf: string;
  canSubmit: boolean;
}) => {
  const { t, language } = useI18n();
  const submit = useSubmitReport(schoolId);
  return (
    <Card size="small" className="figures-reports" title={<h3 className="card-heading">{t('figures.reports')}</h3>}>
      {submit.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={
            submit.error instanceof ApiProblemError
              ? problemMessage(submit.error.problem, language)
              : t('error.network')
          }
        />
      )}
      <table className="figures-chart">
        <caption className="figures-visually-hidden">{t('figures.reports')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figures.report')}</th>
            <th scope="col">{t('figures.dueAt')}</th>
            <th scope="col">{t('figures.status')}</th>
            {canSubmit && <th scope="col">{t('figures.action')}</th>}
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
                {canSubmit && (
                  <td>
                    {!r.submittedAt && r.hasClock && (
                      <Button
                        size="small"
                        type="primary"
                        loading={submit.isPending && submit.variables === r.kind}
                        onClick={() => submit.mutate(r.kind)}
                        aria-label={`${t('figures.markSubmitted')}: ${REPORT_KIND_LABELS[r.kind][language]}`}
                      >
                        {t('figures.markSubmitted')}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
};

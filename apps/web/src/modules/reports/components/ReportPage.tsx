import { Alert, Button, Descriptions, Popconfirm, Space, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/apiClient';
import { downloadFile } from '../../api/downloadFile';
import { ApiProblemError, problemMessage, type Problem } from '../../api/problem';
import { LoadError } from '../../admin/components/LoadError';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { TextActionDrawer } from '../../forms/components/TextActionDrawer';
import { useI18n } from '../../i18n/I18nProvider';
import { REPORT_EVENT_LABELS, SCHOOL_REPORT_KIND_LABELS } from '../../labels/valueLabels';
import { useFiguresSide } from '../../session/hooks/useFiguresSide';
import { useSession } from '../../session/hooks/useSession';
import { type Report, useReport, useReportStep, useReportTables } from '../hooks/useReports';
import { ReportStatusTag } from './ReportStatusTag';
import { ReportTables } from './ReportTables';
import { ReportTextsForm, SECTIONS } from './ReportTextsForm';
import '../../figures/components/figures.css';
import './reports.css';

const DAY = 'DD/MM/YYYY';
const REASON_MAX = 2_000;

// Returned: the ward's last word on it, until it is sent again.
const returnOf = (report: Report) =>
  report.status === 'draft' ? ([...report.history].reverse().find((e) => e.kind === 'returned') ?? null) : null;

// One report: what it is, what the principal wrote, the figures as they leave the school, its steps. Each person
// sees the steps their role takes at this status; the API decides the rest (its school, its version).
export const ReportPage = () => {
  const { reportId = '' } = useParams();
  const { t, language } = useI18n();
  const roles = useSession()?.user.roles ?? [];
  const { ofSchool: leader, ofWard: ward } = useFiguresSide();
  const query = useReport(reportId);
  const report = query.data;
  const tables = useReportTables(reportId, report?.figuresAt);
  const step = useReportStep(report);
  const [returning, setReturning] = useState(false);
  const [download, setDownload] = useState<{ busy: string | null; refusal: Problem | 'failed' | null }>({
    busy: null,
    refusal: null,
  });
  if (!report) return query.error ? <LoadError error={query.error} /> : <Spin />;

  const draft = report.status === 'draft';
  const submitted = report.status === 'submitted';
  const title = `${SCHOOL_REPORT_KIND_LABELS[report.kind][language]} ${report.schoolYear}`;
  const returned = returnOf(report);
  const fetchFile = async (format: 'docx' | 'xlsx') => {
    setDownload({ busy: format, refusal: null });
    const name = `bao-cao-${report.kind.replace('_', '-')}-${report.schoolYear}.${format}`;
    const refusal = await downloadFile(`/api/reports/${report.id}/export?format=${format}`, name);
    setDownload({ busy: null, refusal });
  };
  const stepError = step.error && step.variables?.step !== 'edit' ? step.error : null;
  const busy = (s: string) => step.isPending && step.variables?.step === s;

  return (
    <section className="report-page">
      <Typography.Title level={1}>{title}</Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'school', label: t('reports.school'), children: report.schoolName },
          {
            key: 'period',
            label: t('reports.period'),
            children: `${dayjs(report.periodFrom).format(DAY)} – ${dayjs(report.periodTo).format(DAY)}`,
          },
          { key: 'status', label: t('reports.status'), children: <ReportStatusTag report={report} /> },
          { key: 'figuresAt', label: t('reports.figuresAt'), children: dayjs(report.figuresAt).format(DATE_TIME) },
          ...(report.incidentSummary
            ? [{ key: 'incident', label: t('reports.incident'), children: report.incidentSummary }]
            : []),
        ]}
      />
      {returned && (
        <Alert
          type="warning"
          showIcon
          title={t('reports.returnedBy', { by: returned.byFullName, at: dayjs(returned.at).format(DATE_TIME) })}
          description={returned.reason}
        />
      )}
      {stepError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={
            stepError instanceof ApiProblemError ? problemMessage(stepError.problem, language) : t('error.network')
          }
        />
      )}
      {download.refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={download.refusal === 'failed' ? t('error.network') : problemMessage(download.refusal, language)}
        />
      )}
      <Space wrap className="report-actions">
        <Button loading={download.busy === 'docx'} onClick={() => void fetchFile('docx')}>
          {t('reports.downloadDocx')}
        </Button>
        <Button loading={download.busy === 'xlsx'} onClick={() => void fetchFile('xlsx')}>
          {t('reports.downloadXlsx')}
        </Button>
        {draft && leader && (
          <Button loading={busy('refresh')} onClick={() => step.mutate({ step: 'refresh' })}>
            {t('reports.refresh')}
          </Button>
        )}
        {draft && roles.includes('principal') && (
          <Popconfirm
            title={t('reports.submitConfirm')}
            okText={t('reports.submit')}
            cancelText={t('reports.cancel')}
            onConfirm={() => step.mutate({ step: 'submit' })}
          >
            <Button type="primary" loading={busy('submit')}>
              {t('reports.submit')}
            </Button>
          </Popconfirm>
        )}
        {submitted && ward && (
          <>
            <Button onClick={() => setReturning(true)}>{t('reports.return')}</Button>
            <Popconfirm
              title={t('reports.acceptConfirm')}
              okText={t('reports.accept')}
              cancelText={t('reports.cancel')}
              onConfirm={() => step.mutate({ step: 'accept' })}
            >
              <Button type="primary" loading={busy('accept')}>
                {t('reports.accept')}
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>

      <Typography.Title level={2}>{t('reports.texts')}</Typography.Title>
      {draft && leader ? (
        <ReportTextsForm report={report} step={step} />
      ) : (
        SECTIONS.map((s) => (
          <section key={s.key} aria-label={t(s.label)}>
            <Typography.Title level={3}>{t(s.label)}</Typography.Title>
            <Typography.Paragraph className="report-text">
              {report.texts[s.key] || t('reports.noText')}
            </Typography.Paragraph>
          </section>
        ))
      )}

      <Typography.Title level={2}>{t('reports.figures')}</Typography.Title>
      <Typography.Paragraph>{t('reports.figuresNote')}</Typography.Paragraph>
      <LoadError error={tables.error} />
      {tables.data ? <ReportTables tables={tables.data} /> : <Spin />}

      {report.anchorDigest && (
        <>
          <Typography.Title level={2}>{t('reports.anchor')}</Typography.Title>
          <Typography.Paragraph>{t('reports.anchorNote', { chains: report.anchoredChains })}</Typography.Paragraph>
          <Typography.Paragraph copyable code className="report-anchor">
            {report.anchorDigest}
          </Typography.Paragraph>
        </>
      )}

      <Typography.Title level={2}>{t('reports.history')}</Typography.Title>
      <Timeline
        items={report.history.map((e) => ({
          key: `${e.kind}-${e.at}`,
          content: (
            <>
              <strong>{REPORT_EVENT_LABELS[e.kind][language]}</strong> · {dayjs(e.at).format(DATE_TIME)} ·{' '}
              {e.byFullName}
              {e.reason && <div className="report-text">{e.reason}</div>}
            </>
          ),
        }))}
      />

      {returning && (
        <TextActionDrawer
          title={t('reports.return')}
          field="reason"
          label="reports.returnReason"
          max={REASON_MAX}
          submit="reports.return"
          send={async (reason) => {
            const sent = await api.POST('/api/reports/{id}/return', {
              params: { path: { id: report.id } },
              body: { version: report.version, reason },
            });
            if (sent.error === undefined) await query.refetch();
            return sent;
          }}
          onClose={() => setReturning(false)}
        />
      )}
    </section>
  );
};

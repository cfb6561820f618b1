import { Button, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { components } from '../../api/openapiTypes';
import { downloadFile } from '../../api/downloadFile';
import { ApiProblemError } from '../../api/problem';
import { LoadError } from '../../admin/components/LoadError';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { PERIOD_REPORT_KIND_LABELS } from '../../labels/valueLabels';
import { schoolYearOf, yearChoices } from '../../school-records/schoolYears';
import { type PeriodKind, useWardReports } from '../hooks/useReports';
import { ReportStatusTag } from './ReportStatusTag';
import { ReportTables } from './ReportTables';
import { RollUpCharts } from './RollUpCharts';

type Line = components['schemas']['SchoolReportLineDto'];
const KINDS: PeriodKind[] = ['semester_1', 'school_year'];

// The ward officer's table of the ward's schools for one report: who sent it, who is late and by how many working
// days; then the accepted reports summed, as charts and as the workbook the ward sends on.
export const WardReports = () => {
  const { t, language } = useI18n();
  const running = schoolYearOf(dayjs());
  const [kind, setKind] = useState<PeriodKind>('semester_1');
  const [schoolYear, setSchoolYear] = useState(running);
  const status = useWardReports(schoolYear, kind);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<Error | null>(null);
  const data = status.data;
  const fetchRollUp = async () => {
    setBusy(true);
    const refusal = await downloadFile(
      `/api/reports/ward/export?schoolYear=${schoolYear}&kind=${kind}`,
      `tong-hop-${kind.replace('_', '-')}-${schoolYear}.xlsx`,
    );
    setFailed(refusal === null ? null : refusal === 'failed' ? new Error(refusal) : new ApiProblemError(refusal));
    setBusy(false);
  };
  return (
    <section aria-labelledby="reports-ward">
      <Typography.Title level={2} id="reports-ward">
        {t('figures.ward')}
      </Typography.Title>
      <Typography.Paragraph>
        <Space wrap>
          <label htmlFor="ward-report-kind">{t('reports.kind')}</label>
          <Select<PeriodKind>
            id="ward-report-kind"
            value={kind}
            onChange={setKind}
            options={KINDS.map((k) => ({ value: k, label: PERIOD_REPORT_KIND_LABELS[k][language] }))}
            popupMatchSelectWidth={false}
          />
          <label htmlFor="ward-report-year">{t('schoolRecords.schoolYear')}</label>
          <Select
            id="ward-report-year"
            value={schoolYear}
            onChange={setSchoolYear}
            options={yearChoices(running).map((y) => ({ value: y, label: y }))}
            popupMatchSelectWidth={false}
          />
          {data && <span>{t('reports.dueAt', { at: dayjs(data.dueAt).format(DATE_TIME) })}</span>}
        </Space>
      </Typography.Paragraph>
      <LoadError error={status.error} />
      <Table<Line>
        rowKey="schoolId"
        loading={status.isPending}
        dataSource={data?.schools ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('figures.noSchools')} /> }}
        columns={[
          { title: t('reports.school'), dataIndex: 'name' },
          { title: t('reports.status'), key: 'status', render: (_, s) => <ReportStatusTag status={s.status} /> },
          {
            title: t('reports.firstSubmittedAt'),
            dataIndex: 'firstSubmittedAt',
            render: (at: string | null) => (at ? dayjs(at).format(DATE_TIME) : '—'),
          },
          {
            title: t('reports.lateness'),
            key: 'late',
            render: (_, s) =>
              s.late ? (
                <Tag color="error">{t('reports.lateDays', { days: s.workingDaysLate })}</Tag>
              ) : s.firstSubmittedAt ? (
                t('reports.onTime')
              ) : (
                '—'
              ),
          },
          {
            title: t('figures.action'),
            key: 'open',
            render: (_, s) => s.reportId && <Link to={`/bao-cao/${s.reportId}`}>{t('reports.open')}</Link>,
          },
        ]}
      />
      <Typography.Title level={2}>{t('reports.rollUp', { n: data?.rollUp.reports ?? 0 })}</Typography.Title>
      <Typography.Paragraph>
        <Button loading={busy} onClick={() => void fetchRollUp()}>
          {t('reports.downloadRollUp')}
        </Button>
      </Typography.Paragraph>
      {failed && <LoadError error={failed} />}
      {data && data.rollUp.tables.length === 0 && <Empty description={t('reports.noneAccepted')} />}
      {data && data.rollUp.tables.length > 0 && (
        <>
          <p className="figures-masked-note">{t('figures.maskedNote')}</p>
          {/* The summary mixes counts, minutes and people: a table; each breakdown after it: a chart. */}
          <ReportTables tables={data.rollUp.tables.slice(0, 1)} />
          <RollUpCharts tables={data.rollUp.tables.slice(1)} />
        </>
      )}
    </section>
  );
};

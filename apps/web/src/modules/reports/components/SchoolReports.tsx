import { Button, Empty, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadError } from '../../admin/components/LoadError';
import { DATE_TIME } from '../../case-page/components/CaseHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { PERIOD_REPORT_KIND_LABELS, SCHOOL_REPORT_KIND_LABELS } from '../../labels/valueLabels';
import { schoolYearOf, yearChoices } from '../../school-records/schoolYears';
import { useWorkplace } from '../../workplace/hooks/useWorkplace';
import { type PeriodKind, type Report, useCreateReport, useSchoolReports } from '../hooks/useReports';
import { ReportStatusTag } from './ReportStatusTag';

const KINDS: PeriodKind[] = ['semester_1', 'school_year'];

// The reports of the school in the header: a new one drafted from the cases of its period, the earlier ones listed.
// An incident report names its case, so it is drafted from the API for now (README, "Reports to the ward").
export const SchoolReports = () => {
  const { t, language } = useI18n();
  const { current } = useWorkplace();
  const list = useSchoolReports(current?.id ?? null);
  const create = useCreateReport();
  const navigate = useNavigate();
  const running = schoolYearOf(dayjs());
  const [kind, setKind] = useState<PeriodKind>('semester_1');
  const [schoolYear, setSchoolYear] = useState(running);
  const draft = () =>
    current &&
    create.mutate({ schoolId: current.id, kind, schoolYear }, { onSuccess: (r) => void navigate(`/bao-cao/${r.id}`) });
  return (
    <section aria-labelledby="reports-school">
      <Typography.Title level={2} id="reports-school">
        {current?.name ?? t('figures.school')}
      </Typography.Title>
      <Typography.Paragraph>{t('reports.schoolIntro')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Space wrap>
          <label htmlFor="report-kind">{t('reports.kind')}</label>
          <Select<PeriodKind>
            id="report-kind"
            value={kind}
            onChange={setKind}
            options={KINDS.map((k) => ({ value: k, label: PERIOD_REPORT_KIND_LABELS[k][language] }))}
            popupMatchSelectWidth={false}
          />
          <label htmlFor="report-year">{t('schoolRecords.schoolYear')}</label>
          <Select
            id="report-year"
            value={schoolYear}
            onChange={setSchoolYear}
            options={yearChoices(running).map((y) => ({ value: y, label: y }))}
            popupMatchSelectWidth={false}
          />
          <Button type="primary" loading={create.isPending} disabled={!current} onClick={draft}>
            {t('reports.create')}
          </Button>
        </Space>
      </Typography.Paragraph>
      <LoadError error={create.error} />
      <LoadError error={list.error} />
      <Table<Report>
        rowKey="id"
        loading={list.isPending && current !== null}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('reports.none')} /> }}
        columns={[
          {
            title: t('reports.report'),
            key: 'report',
            render: (_, r) => (
              <Link to={`/bao-cao/${r.id}`}>
                {SCHOOL_REPORT_KIND_LABELS[r.kind][language]} {r.schoolYear}
              </Link>
            ),
          },
          { title: t('reports.status'), key: 'status', render: (_, r) => <ReportStatusTag report={r} /> },
          {
            title: t('reports.submittedAt'),
            dataIndex: 'submittedAt',
            render: (at: string | null) => (at ? dayjs(at).format(DATE_TIME) : '—'),
          },
          {
            title: t('reports.acceptedAt'),
            dataIndex: 'acceptedAt',
            render: (at: string | null) => (at ? dayjs(at).format(DATE_TIME) : '—'),
          },
        ]}
      />
    </section>
  );
};

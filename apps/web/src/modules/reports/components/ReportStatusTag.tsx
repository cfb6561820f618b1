import { Tag } from 'antd';
import type { components } from '../../api/openapiTypes';
import { useI18n } from '../../i18n/I18nProvider';
import { SCHOOL_REPORT_STATUS_LABELS } from '../../labels/valueLabels';

type Status = components['schemas']['SchoolReportStatus'];
const COLORS: Record<Status, string> = {
  not_started: 'default',
  draft: 'processing',
  returned: 'warning',
  submitted: 'blue',
  accepted: 'success',
};

// A report's status as a tag; a draft the ward sent back reads "returned" until it is sent again (as the ward's
// table counts it).
export const statusOf = (report: { status: 'draft' | 'submitted' | 'accepted'; history: { kind: string }[] }) =>
  report.status === 'draft' && report.history.some((e) => e.kind === 'returned') ? 'returned' : report.status;

export const ReportStatusTag = ({ report, status }: { report?: Parameters<typeof statusOf>[0]; status?: Status }) => {
  const { language } = useI18n();
  const shown = status ?? (report ? statusOf(report) : 'not_started');
  return <Tag color={COLORS[shown]}>{SCHOOL_REPORT_STATUS_LABELS[shown][language]}</Tag>;
};

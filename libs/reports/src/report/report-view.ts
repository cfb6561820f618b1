import type { ReportEventKind } from './report.entity';
import type { ReportStatus, ReportTexts, SchoolReportKind } from './report-content';

export type ReportEventView = {
  kind: ReportEventKind;
  at: string;
  byFullName: string;
  reason: string | null;
  contentDigest: string;
  anchorDigest: string | null;
};

export type ReportView = {
  id: string;
  schoolId: string;
  schoolName: string;
  kind: SchoolReportKind;
  schoolYear: string;
  status: ReportStatus;
  incidentSummary: string | null;
  incidentCaseCode: string | null;
  periodFrom: string;
  periodTo: string;
  figures: Record<string, unknown>;
  figuresAt: string;
  texts: ReportTexts;
  version: number;
  contentDigest: string;
  anchorDigest: string | null;
  anchoredChains: number;
  createdAt: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  history: ReportEventView[];
};

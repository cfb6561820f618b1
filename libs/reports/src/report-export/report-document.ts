import type { ReportTexts, SchoolReportKind } from '../report/report-content';

// What an export prints: the report as it leaves the school, its counts already suppressed.
export type ReportDocument = {
  kind: SchoolReportKind;
  schoolYear: string;
  school: string;
  ward: string;
  status: string;
  // Local days, YYYY-MM-DD.
  from: string;
  to: string;
  figures: Record<string, unknown>;
  texts: ReportTexts;
  incidentSummary: string | null;
  anchorDigest: string | null;
  anchoredChains: number;
  // The day the signature block carries (the submission's, else the file's), YYYY-MM-DD.
  signedOn: string;
  generatedAt: string;
};

export const EXPORT_FORMATS = ['docx', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

// The ward roll-up as its workbook prints it: the schools' reports, and the accepted ones summed (suppressed).
export type WardDocument = {
  kind: 'semester_1' | 'school_year';
  schoolYear: string;
  ward: string;
  from: string;
  to: string;
  generatedAt: string;
  reports: number;
  figures: Record<string, unknown> | null;
  schools: {
    code: string;
    name: string;
    status: string;
    firstSubmittedAt: string | null;
    workingDaysLate: number;
    anchorDigest: string | null;
  }[];
};

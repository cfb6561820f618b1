import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { ReportFigures } from '../report-figures';
import type { SchoolRecordFigures } from './school-record-figures';

export const SCHOOL_REPORT_KINDS = ['semester_1', 'school_year', 'incident'] as const;
export type SchoolReportKind = (typeof SCHOOL_REPORT_KINDS)[number];
export const REPORT_STATUSES = ['draft', 'submitted', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

// The principal's sections, in the plan's order.
export const REPORT_SECTIONS = ['direction', 'coordination', 'results', 'difficulties', 'proposals'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export type ReportTexts = Record<ReportSection, string>;
export const SECTION_MAX = 10_000;
export const REASON_MAX = 2_000;

export const emptyTexts = (): ReportTexts => Object.fromEntries(REPORT_SECTIONS.map((s) => [s, ''])) as ReportTexts;

export type ReportContentFigures = ReportFigures & { schoolRecords: SchoolRecordFigures };

export type ReportContent = {
  schoolId: string;
  kind: SchoolReportKind;
  schoolYear: string;
  incident: { caseId: string; summary: string } | null;
  figures: ReportContentFigures;
  texts: ReportTexts;
};

// SHA-256 of the RFC 8785 canonical JSON of what the report says (not where it stands in the workflow): the
// admin chain records it at every step, so a report shown later can be held against what was sent.
export const contentDigestOf = (content: ReportContent): string => {
  const canonical = canonicalize(content);
  if (canonical === undefined) throw new Error('report content is not serialisable');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
};

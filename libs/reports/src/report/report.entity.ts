import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportAnchor } from './report-anchor';
import type { ReportContentFigures, ReportStatus, ReportTexts, SchoolReportKind } from './report-content';

// A school's report to the ward (migration 039). Its figures are frozen when drafted or refreshed; once
// submitted nothing of it changes but its status, and once accepted not even that.
@Entity('report')
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('text')
  kind!: SchoolReportKind;

  @Column('text', { name: 'school_year' })
  schoolYear!: string;

  @Column('uuid', { name: 'incident_case_id', nullable: true })
  incidentCaseId!: string | null;

  @Column('text', { name: 'incident_summary', nullable: true })
  incidentSummary!: string | null;

  @Column('text')
  status!: ReportStatus;

  @Column('jsonb')
  figures!: ReportContentFigures;

  @Column('timestamptz', { name: 'figures_at' })
  figuresAt!: Date;

  @Column('jsonb')
  texts!: ReportTexts;

  @Column('int')
  version!: number;

  @Column('text', { name: 'content_digest' })
  contentDigest!: string;

  @Column('jsonb', { nullable: true })
  anchor!: ReportAnchor | null;

  @Column('text', { name: 'anchor_digest', nullable: true })
  anchorDigest!: string | null;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('uuid', { name: 'submitted_by', nullable: true })
  submittedBy!: string | null;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('uuid', { name: 'accepted_by', nullable: true })
  acceptedBy!: string | null;
}

export const REPORT_EVENT_KINDS = ['created', 'refreshed', 'edited', 'submitted', 'returned', 'accepted'] as const;
export type ReportEventKind = (typeof REPORT_EVENT_KINDS)[number];

// The report's history, append-only: a return keeps the submission before it.
@Entity('report_event')
export class ReportEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'report_id' })
  reportId!: string;

  // The report's version after this step: the history's order, whatever the clock says.
  @Column('int')
  version!: number;

  @Column('text')
  kind!: ReportEventKind;

  @Column('timestamptz')
  at!: Date;

  @Column('uuid', { name: 'by_user' })
  byUser!: string;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text', { name: 'content_digest' })
  contentDigest!: string;

  @Column('jsonb', { nullable: true })
  anchor!: ReportAnchor | null;

  @Column('text', { name: 'anchor_digest', nullable: true })
  anchorDigest!: string | null;
}

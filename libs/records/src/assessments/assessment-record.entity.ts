import { Column, Entity } from 'typeorm';
import type { RankedArea } from '@dh/cases';
import type { RiskLevel } from '@dh/machines/case/types';
import { CaseRecordBase } from '../case-records/case-record-base';

// COMPLETE_ASSESSMENT's content (Mẫu 02): every text sealed.
@Entity('assessment_record')
export class AssessmentRecord extends CaseRecordBase {
  @Column('text', { name: 'risk_level' })
  riskLevel!: RiskLevel;

  @Column('text', { name: 'risk_rationale' })
  riskRationale!: string;

  @Column('text')
  difficulties!: string;

  @Column('text')
  needs!: string;

  @Column('text', { nullable: true })
  wishes!: string | null;

  @Column('text', { nullable: true })
  facts!: string | null;

  @Column('text', { name: 'preliminary_view', nullable: true })
  preliminaryView!: string | null;

  @Column('jsonb', { nullable: true })
  areas!: RankedArea[] | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseView } from './case-view';

// The first answer to a keyed request, stored in the same transaction as the transition it answered.
@Entity('idempotency_key')
export class IdempotencyKey {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @PrimaryColumn('text')
  key!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  @Column('jsonb')
  response!: CaseView;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

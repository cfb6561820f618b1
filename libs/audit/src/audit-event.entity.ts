import { Column, Entity, PrimaryColumn } from 'typeorm';

// Append-only: rows are inserted, never updated (a trigger refuses UPDATE, DELETE, TRUNCATE).
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('int')
  seq!: number;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('text')
  type!: string;

  @Column('text', { name: 'from_state', nullable: true })
  fromState!: string | null;

  @Column('text', { name: 'to_state', nullable: true })
  toState!: string | null;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text', { name: 'actor_role', nullable: true })
  actorRole!: string | null;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column('text', { name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column('timestamptz')
  at!: Date;

  @Column('text', { name: 'prev_hash', nullable: true })
  prevHash!: string | null;

  @Column('text')
  hash!: string;
}

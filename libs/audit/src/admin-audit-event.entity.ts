import { Column, Entity, PrimaryColumn } from 'typeorm';

// Append-only, like the case chains (the same trigger refuses UPDATE, DELETE, TRUNCATE).
@Entity('admin_audit_event')
export class AdminAuditEvent {
  @PrimaryColumn('int')
  seq!: number;

  @Column('text')
  type!: string;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text', { name: 'actor_role', nullable: true })
  actorRole!: string | null;

  @Column('uuid', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

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

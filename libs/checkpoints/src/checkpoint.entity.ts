import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CheckpointDocument } from './checkpoint-document';

// A signed checkpoint as written to CHECKPOINT_DIR. The copies kept outside the database are what an
// auditor trusts; this row serves the latest and, with its chains, tells which chains moved since.
@Entity('audit_checkpoint')
export class AuditCheckpoint {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('int')
  number!: number;

  @Column('timestamptz', { name: 'taken_at' })
  takenAt!: Date;

  @Column('text')
  digest!: string;

  @Column('text', { name: 'key_fingerprint' })
  keyFingerprint!: string;

  @Column('text', { name: 'file_name' })
  fileName!: string;

  @Column('jsonb')
  document!: CheckpointDocument;
}

// One head a checkpoint signed: the chain of that case stood at `seq`, whose event hashed to `hash`.
@Entity('audit_checkpoint_chain')
export class AuditCheckpointChain {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('uuid', { name: 'checkpoint_id' })
  checkpointId!: string;

  @Column('int')
  seq!: number;

  @Column('text')
  hash!: string;
}

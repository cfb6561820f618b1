import { Column, Entity, PrimaryColumn } from 'typeorm';

// A data key seals confidential values; it is stored only wrapped (encrypted) under the master key
// (DATA_KEY), so rotating the master key rewrites these few rows, never the append-only audit trail.
// A scoped key (`case:<id>`) seals one case's content alone: destroying it (wrapped set to null) makes that
// content unreadable wherever its ciphertext lies, while the trail's hashes over the ciphertext still verify.
@Entity('data_key')
export class DataKey {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { nullable: true })
  wrapped!: string | null;

  @Column('text', { name: 'master_fingerprint' })
  masterFingerprint!: string;

  @Column('boolean')
  active!: boolean;

  @Column('text', { nullable: true })
  scope!: string | null;

  @Column('timestamptz', { name: 'destroyed_at', nullable: true })
  destroyedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

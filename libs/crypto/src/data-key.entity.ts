import { Column, Entity, PrimaryColumn } from 'typeorm';

// A data key seals confidential values; it is stored only wrapped (encrypted) under the master key
// (DATA_KEY), so rotating the master key rewrites these few rows, never the append-only audit trail.
@Entity('data_key')
export class DataKey {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  wrapped!: string;

  @Column('text', { name: 'master_fingerprint' })
  masterFingerprint!: string;

  @Column('boolean')
  active!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

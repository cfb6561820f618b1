import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// An auditor's reach into one school, for a reason and a time; live while not revoked and not expired.
@Entity('auditor_grant')
export class AuditorGrant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'auditor_id' })
  auditorId!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('uuid', { name: 'granted_by' })
  grantedBy!: string;

  @Column('text')
  reason!: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column('uuid', { name: 'revoked_by', nullable: true })
  revokedBy!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

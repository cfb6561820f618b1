import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('confidential_grant')
export class ConfidentialGrant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('uuid', { name: 'grantee_id' })
  granteeId!: string;

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

import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { GrantWindow } from './grant-window';

// What every grant row holds besides whom and what it is for (a principal's case, an auditor's school): the
// school, who granted it and why, until when, and its revocation. Live as grant-window.ts says.
export abstract class GrantBase implements GrantWindow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

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

// The columns a new grant starts with, whatever it grants: who gave it, why (trimmed), until when, not revoked.
export const newGrantWindow = (
  grantedBy: string,
  reason: string,
  expiresAt: Date,
  now: Date,
): Pick<GrantBase, 'grantedBy' | 'reason' | 'expiresAt' | 'revokedAt' | 'revokedBy' | 'createdAt'> => ({
  grantedBy,
  reason: reason.trim(),
  expiresAt,
  revokedAt: null,
  revokedBy: null,
  createdAt: now,
});

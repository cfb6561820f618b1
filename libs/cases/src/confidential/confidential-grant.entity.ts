import { Column, Entity } from 'typeorm';
import { GrantBase } from '@dh/identity';

// A principal's reach into one case's confidential content, for a reason and a time.
@Entity('confidential_grant')
export class ConfidentialGrant extends GrantBase {
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'grantee_id' })
  granteeId!: string;
}

import { Column, Entity } from 'typeorm';
import { GrantBase } from '../grant-base';

// An auditor's reach into one school, for a reason and a time; live while not revoked and not expired.
@Entity('auditor_grant')
export class AuditorGrant extends GrantBase {
  @Column('uuid', { name: 'auditor_id' })
  auditorId!: string;
}

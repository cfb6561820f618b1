import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// The kinds of receiver DOMAIN.md names; `khac` for anything else a ward refers to.
export const PROVIDER_KINDS = [
  'tong_dai_111',
  'ubnd_phuong',
  'phong_vhxh',
  'cong_an',
  'y_te',
  'doan_thanh_nien',
  'ctxh',
  'khac',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

// One referral receiver in a ward's directory. Deactivated, never deleted: referrals will point at it.
@Entity('service_provider')
export class ServiceProvider {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'ward_id' })
  wardId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: ProviderKind;

  @Column('text', { nullable: true })
  address!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  hours!: string | null;

  @Column('text', { name: 'contact_person', nullable: true })
  contactPerson!: string | null;

  @Column('text', { nullable: true })
  notes!: string | null;

  // Name, address, contact person and notes folded like a learner's name key: "tram y te" finds "Trạm Y tế".
  @Column('text', { name: 'search_key', select: false })
  searchKey!: string;

  @Column('boolean')
  active!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

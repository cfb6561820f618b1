import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const TEAM_ROLES = ['to_truong', 'thanh_vien'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const EMPLOYMENTS = ['chuyen_trach', 'kiem_nhiem'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];
// Who sits on the team (Circular 18/2025): the school's leadership, teachers, the psychology or social-work
// staff, the Pioneers' and the Youth Union's leaders, the health officer.
export const TEAM_JOBS = [
  'lanh_dao_truong',
  'giao_vien',
  'nhan_vien_tam_ly',
  'nhan_vien_ctxh',
  'tong_phu_trach_doi',
  'bi_thu_doan',
  'can_bo_y_te',
  'khac',
] as const;
export type TeamJob = (typeof TEAM_JOBS)[number];

// A member of the school's counselling and social-work team (Tổ tư vấn học đường và công tác xã hội) in one school
// year: an account of the school, or a person without one.
@Entity('school_team_member')
export class TeamMember {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'school_id' })
  schoolId!: string;

  @Column('text', { name: 'school_year' })
  schoolYear!: string;

  @Column('text', { name: 'full_name' })
  fullName!: string;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('text', { name: 'team_role' })
  teamRole!: TeamRole;

  @Column('text')
  employment!: Employment;

  @Column('text')
  job!: TeamJob;

  @Column('date', { name: 'from_date' })
  fromDate!: string;

  @Column('date', { name: 'to_date', nullable: true })
  toDate!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

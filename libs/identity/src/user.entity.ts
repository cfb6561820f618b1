import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from '@dh/machines/case/types';
import { School } from './school.entity';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  username!: string;

  @Column('text', { name: 'full_name' })
  fullName!: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash!: string;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('uuid', { name: 'ward_id', nullable: true })
  wardId!: string | null;

  // Bumped on password change or disable: every token issued before stops working at once.
  @Column('int', { name: 'token_version', default: 0 })
  tokenVersion!: number;

  // Where alerts reach the person outside the app (issue 16); null: in the app only.
  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt!: Date | null;

  @ManyToMany(() => School)
  @JoinTable({ name: 'user_school', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'school_id' } })
  schools!: School[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

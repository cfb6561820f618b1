import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

// A user's TOTP secret (sealed as SECOND_FACTOR_SEALED_AS), pending until confirmedAt; lastUsedStep is the time step
// of the last code accepted, and no code of that step or an earlier one is accepted again.
@Entity('user_second_factor')
export class UserSecondFactor {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  secret!: string;

  // Null: enrolled by the operator at the server's console (the first admin, before anyone could enrol them).
  @Column('uuid', { name: 'enrolled_by', nullable: true })
  enrolledBy!: string | null;

  @Column('timestamptz', { name: 'enrolled_at' })
  enrolledAt!: Date;

  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;

  @Column('int', { name: 'last_used_step', nullable: true })
  lastUsedStep!: number | null;
}

// One recovery code, argon2-hashed as passwords are; usedAt set when it is spent.
@Entity('recovery_code')
export class RecoveryCode {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'code_hash' })
  codeHash!: string;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;
}

import { Injectable } from '@nestjs/common';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Role } from '@dh/machines/case/types';
import { PasswordHasher } from './password-hasher';
import { whenCodeTaken, whenUsernameTaken } from './unique-names';
import { School } from './school.entity';
import { User } from './user.entity';
import { Ward } from './ward.entity';

export type NewUser = {
  username: string;
  fullName: string;
  password: string;
  roles: Role[];
  schoolIds?: string[];
  wardId?: string | null;
};

@Injectable()
export class UserService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(School) private readonly schools: Repository<School>,
    @InjectRepository(Ward) private readonly wards: Repository<Ward>,
    private readonly hasher: PasswordHasher,
  ) {}

  // Changing one's password bumps the token version: every token issued before stops at once.
  async changeOwnPassword(userId: string, current: string, next: string): Promise<void> {
    const user = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :userId', { userId }).getOne();
    if (!user || !(await this.hasher.verify(user.passwordHash, current))) throw new IdentityException(IdentityExceptionCode.WRONG_CURRENT_PASSWORD);
    await this.users.update({ id: userId }, { passwordHash: await this.hasher.hash(next), tokenVersion: user.tokenVersion + 1 });
  }


  createWard(code: string, name: string): Promise<Ward> {
    return whenCodeTaken(this.wards.save(this.wards.create({ code, name })), 'ward', code);
  }

  createSchool(wardId: string, code: string, name: string): Promise<School> {
    return whenCodeTaken(this.schools.save(this.schools.create({ wardId, code, name })), 'school', code);
  }

  async createUser(input: NewUser): Promise<User> {
    const schools = input.schoolIds?.length ? await this.schools.findBy({ id: In(input.schoolIds) }) : [];
    const username = input.username.trim().toLowerCase();
    const saved = this.users.save(
      this.users.create({
        username,
        fullName: input.fullName,
        passwordHash: await this.hasher.hash(input.password),
        roles: [...new Set(input.roles)],
        wardId: input.wardId ?? null,
        schools,
      }),
    );
    return whenUsernameTaken(saved, username);
  }

  findSchool(id: string, tx?: EntityManager): Promise<School | null> {
    return (tx?.getRepository(School) ?? this.schools).findOneBy({ id });
  }

  // Is this user an active member of the school holding one of these roles?
  async isMemberWithRole(userId: string, schoolId: string, roles: Role[], tx?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (tx ?? this.users.manager).query(
      `SELECT 1 FROM app_user u JOIN user_school us ON us.user_id = u.id
        WHERE u.id = $1 AND us.school_id = $2 AND u.disabled_at IS NULL AND u.roles && $3::text[]`,
      [userId, schoolId, roles],
    );
    return rows.length > 0;
  }
}

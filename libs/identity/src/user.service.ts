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

// Who an alert about a school can reach: its supervisors and principals, and its ward's officers.
export type SchoolPeople = { supervisors: string[]; principals: string[]; wardOfficers: string[] };

// Where a person is reached outside the app (issue 16).
export type Contact = { email: string | null; phone: string | null };

export type NewUser = {
  username: string;
  fullName: string;
  password: string;
  roles: Role[];
  schoolIds?: string[];
  wardId?: string | null;
  email?: string | null;
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
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId', { userId })
      .getOne();
    if (!user || !(await this.hasher.verify(user.passwordHash, current)))
      throw new IdentityException(IdentityExceptionCode.WRONG_CURRENT_PASSWORD);
    await this.users.update(
      { id: userId },
      { passwordHash: await this.hasher.hash(next), tokenVersion: user.tokenVersion + 1 },
    );
  }

  async contactOf(tx: EntityManager, userId: string): Promise<Contact> {
    const user = await tx
      .getRepository(User)
      .findOne({ where: { id: userId }, select: { id: true, email: true, phone: true } });
    if (!user) throw new IdentityException(IdentityExceptionCode.USER_NOT_FOUND);
    return { email: user.email, phone: user.phone };
  }

  // A person's own address and phone; a field left undefined stays as it is.
  async setContact(tx: EntityManager, userId: string, change: Partial<Contact>): Promise<void> {
    const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length) await tx.getRepository(User).update({ id: userId }, set);
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
        email: input.email ?? null,
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

  // The administrators of the installation (not of a school: an admin holds no school membership to see cases),
  // active ones only; for the alerts they must hear of whatever school it came from.
  async activeAdmins(tx: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM app_user WHERE 'admin' = ANY(roles) AND disabled_at IS NULL ORDER BY id`,
    );
    return rows.map((r) => r.id);
  }

  // Everyone an alert can go to in these schools, in two queries however many schools (a sweep's batch).
  async peopleOfSchools(tx: EntityManager, schoolIds: string[]): Promise<Map<string, SchoolPeople>> {
    const people = new Map<string, SchoolPeople>(
      schoolIds.map((id) => [id, { supervisors: [], principals: [], wardOfficers: [] }]),
    );
    if (schoolIds.length === 0) return people;
    const members: { school_id: string; id: string; roles: string[] }[] = await tx.query(
      `SELECT us.school_id, u.id, u.roles FROM user_school us JOIN app_user u ON u.id = us.user_id
        WHERE us.school_id = ANY($1) AND u.disabled_at IS NULL AND u.roles && ARRAY['supervisor','principal']::text[]
        ORDER BY u.id`,
      [schoolIds],
    );
    for (const m of members) {
      const p = people.get(m.school_id) as SchoolPeople;
      if (m.roles.includes('supervisor')) p.supervisors.push(m.id);
      if (m.roles.includes('principal')) p.principals.push(m.id);
    }
    const ward: { school_id: string; id: string }[] = await tx.query(
      `SELECT s.id AS school_id, u.id FROM school s JOIN app_user u ON u.ward_id = s.ward_id
        WHERE s.id = ANY($1) AND 'ward_officer' = ANY(u.roles) AND u.disabled_at IS NULL ORDER BY u.id`,
      [schoolIds],
    );
    for (const w of ward) (people.get(w.school_id) as SchoolPeople).wardOfficers.push(w.id);
    return people;
  }

  // The names of these schools by id, in one query.
  async schoolNames(tx: EntityManager, schoolIds: string[]): Promise<Map<string, string>> {
    const rows = await tx
      .getRepository(School)
      .find({ where: { id: In(schoolIds) }, select: { id: true, name: true } });
    return new Map(rows.map((s) => [s.id, s.name]));
  }

  async schoolIds(tx: EntityManager): Promise<string[]> {
    return (await tx.getRepository(School).find({ select: { id: true } })).map((s) => s.id);
  }
}

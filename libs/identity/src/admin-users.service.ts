import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import type { Role } from '@dh/machines/case/types';
import { Caller, chainActor } from './caller';
import { CreateUserDto, UserAccessDto } from './dtos/admin-user.dto';
import type { ContactDto } from './dtos/contact.dto';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import { PasswordHasher } from './password-hasher';
import { whenUsernameTaken } from './unique-names';
import { School } from './school.entity';
import { UserSecondFactor } from './second-factor/second-factor.entity';
import type { SecondFactorState } from './second-factor/second-factor.service';
import { User } from './user.entity';

export type AdminUserView = {
  id: string;
  username: string;
  fullName: string;
  roles: string[];
  schoolIds: string[];
  wardId: string | null;
  email: string | null;
  phone: string | null;
  disabledAt: string | null;
  // Whether the account has a second factor, confirmed or still pending (libs/identity/src/second-factor).
  secondFactor: SecondFactorState;
};

// Every change an admin makes to an account is in the admin chain, in the same transaction as the change;
// the chain and the answer both carry the row as read back after the write, not the request.
@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly chain: AdminAuditService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  create(admin: Caller, dto: CreateUserDto): Promise<AdminUserView> {
    const roles = roleSet(dto.roles);
    const username = dto.username.trim().toLowerCase();
    return whenUsernameTaken(
      inTransaction(this.source, async (tx) => {
        if (await tx.getRepository(User).existsBy({ username }))
          throw new IdentityException(IdentityExceptionCode.USERNAME_TAKEN, { username });
        const schools = await this.schools(tx, dto.schoolIds);
        const user = tx.getRepository(User).create({
          username,
          fullName: dto.fullName.trim(),
          passwordHash: await this.hasher.hash(dto.password),
          roles,
          wardId: dto.wardId ?? null,
          schools,
          email: dto.email ?? null,
          phone: dto.phone ?? null,
          tokenVersion: 0,
          disabledAt: null,
        });
        await tx.getRepository(User).save(user);
        const view = { ...toView(await this.load(tx, user.id)), secondFactor: 'none' as const };
        await this.record(tx, admin, 'USER_CREATED', user.id, {
          username,
          fullName: view.fullName,
          roles: view.roles,
          schoolIds: view.schoolIds,
          wardId: view.wardId,
          email: view.email,
          phone: view.phone,
        });
        return view;
      }),
      username,
    );
  }

  setAccess(admin: Caller, userId: string, dto: UserAccessDto): Promise<AdminUserView> {
    const roles = roleSet(dto.roles);
    return inTransaction(this.source, async (tx) => {
      if (!roles.includes('admin')) await this.assertAdminRemains(tx, admin, userId);
      const user = await this.load(tx, userId);
      const before = toView(user);
      user.roles = roles;
      user.schools = await this.schools(tx, dto.schoolIds);
      if (dto.wardId !== undefined) user.wardId = dto.wardId;
      await tx.getRepository(User).save(user);
      const after = toView(await this.load(tx, userId));
      await this.record(tx, admin, 'USER_ACCESS_CHANGED', userId, {
        before: { roles: before.roles, schoolIds: before.schoolIds, wardId: before.wardId },
        after: { roles: after.roles, schoolIds: after.schoolIds, wardId: after.wardId },
      });
      return { ...after, secondFactor: await secondFactorOf(tx, userId) };
    });
  }

  // Absent fields are left as they are; the chain holds both before and after, as for access.
  setContact(admin: Caller, userId: string, dto: ContactDto): Promise<AdminUserView> {
    return inTransaction(this.source, async (tx) => {
      const user = await this.load(tx, userId);
      const before = { email: user.email, phone: user.phone };
      await tx.getRepository(User).update(
        { id: userId },
        {
          email: dto.email === undefined ? user.email : dto.email,
          phone: dto.phone === undefined ? user.phone : dto.phone,
        },
      );
      const view = toView(await this.load(tx, userId));
      await this.record(tx, admin, 'USER_CONTACT_CHANGED', userId, {
        before,
        after: { email: view.email, phone: view.phone },
      });
      return { ...view, secondFactor: await secondFactorOf(tx, userId) };
    });
  }

  async list(): Promise<AdminUserView[]> {
    const users = await this.source
      .getRepository(User)
      .find({ relations: { schools: true }, order: { username: 'ASC' } });
    const factors = await this.source.getRepository(UserSecondFactor).find();
    const state = new Map(factors.map((f) => [f.userId, f.confirmedAt ? 'active' : 'pending'] as const));
    return users.map((u) => ({ ...toView(u), secondFactor: state.get(u.id) ?? 'none' }));
  }

  // Resetting or disabling bumps the token version: every token issued before stops at once.
  resetPassword(admin: Caller, userId: string, password: string): Promise<void> {
    return inTransaction(this.source, async (tx) => {
      const user = await this.load(tx, userId);
      await tx
        .getRepository(User)
        .update(
          { id: userId },
          { passwordHash: await this.hasher.hash(password), tokenVersion: user.tokenVersion + 1 },
        );
      await this.record(tx, admin, 'PASSWORD_RESET', userId, { username: user.username });
    });
  }

  disable(admin: Caller, userId: string): Promise<void> {
    return inTransaction(this.source, async (tx) => {
      await this.assertAdminRemains(tx, admin, userId);
      const user = await this.load(tx, userId);
      await tx
        .getRepository(User)
        .update(
          { id: userId },
          { disabledAt: user.disabledAt ?? this.clock.now(), tokenVersion: user.tokenVersion + 1 },
        );
      await this.record(tx, admin, 'USER_DISABLED', userId, { username: user.username });
    });
  }

  // Called before `userId` loses the admin role or is disabled. The roster lock serialises every such change, so
  // two admins demoting each other at once cannot both succeed: the second counts after the first commits.
  private async assertAdminRemains(tx: EntityManager, admin: Caller, userId: string): Promise<void> {
    if (userId === admin.id) throw new IdentityException(IdentityExceptionCode.OWN_ADMIN_ACCESS);
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('dh:admin-roster'))`);
    const admins: { id: string }[] = await tx.query(
      `SELECT id FROM app_user WHERE 'admin' = ANY(roles) AND disabled_at IS NULL`,
    );
    if (admins.some((a) => a.id === userId) && admins.length <= 1)
      throw new IdentityException(IdentityExceptionCode.LAST_ADMIN);
  }

  private async load(tx: EntityManager, id: string): Promise<User> {
    const user = await tx.getRepository(User).findOne({
      where: { id },
      relations: { schools: true },
      lock: { mode: 'pessimistic_write', tables: ['app_user'] },
    });
    if (!user) throw new IdentityException(IdentityExceptionCode.USER_NOT_FOUND);
    return user;
  }

  private async schools(tx: EntityManager, ids: string[]): Promise<School[]> {
    const found = ids.length ? await tx.getRepository(School).findBy({ id: In(ids) }) : [];
    const missing = ids.filter((id) => !found.some((s) => s.id === id));
    if (missing.length) throw new IdentityException(IdentityExceptionCode.SCHOOL_NOT_FOUND, { schoolIds: missing });
    return found;
  }

  private record(tx: EntityManager, admin: Caller, type: string, subjectId: string, payload: Record<string, unknown>) {
    return this.chain.append(tx, { type, ...chainActor(admin), subjectId, payload, at: this.clock.now() });
  }
}

// The roles as a set, in the order given. An auditor's schools are those of their grants: any other role on the
// same account would act there too.
const roleSet = (given: Role[]): Role[] => {
  const roles = [...new Set(given)];
  if (roles.includes('auditor') && roles.length > 1) {
    throw new InputValidationException([
      {
        field: 'roles',
        problems: ['Tài khoản thanh tra không được có thêm vai trò nào khác / auditor must be the account’s only role'],
      },
    ]);
  }
  return roles;
};

const secondFactorOf = async (tx: EntityManager, userId: string): Promise<SecondFactorState> => {
  const factor = await tx.getRepository(UserSecondFactor).findOneBy({ userId });
  return !factor ? 'none' : factor.confirmedAt ? 'active' : 'pending';
};

const toView = (u: User): Omit<AdminUserView, 'secondFactor'> => ({
  id: u.id,
  username: u.username,
  fullName: u.fullName,
  roles: [...u.roles],
  schoolIds: (u.schools ?? []).map((s) => s.id).sort(),
  wardId: u.wardId,
  email: u.email,
  phone: u.phone,
  disabledAt: u.disabledAt?.toISOString() ?? null,
});

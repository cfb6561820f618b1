import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomInt } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import type { Role } from '@dh/machines/case/types';
import { Caller, chainActor } from '../caller';
import { IdentityException, IdentityExceptionCode } from '../identity.exception';
import { PasswordHasher } from '../password-hasher';
import { User } from '../user.entity';
import { RecoveryCode, UserSecondFactor } from './second-factor.entity';
import { SECOND_FACTOR_SEALED_AS } from './second-factor-sealed';
import { base32Decode, base32Encode, otpauthUri, totpStepOf } from './totp';

const { SECOND_FACTOR_ALREADY_ENROLLED, SECOND_FACTOR_INVALID, SECOND_FACTOR_NOT_ENROLLED, SECOND_FACTOR_NOT_FOUND } =
  IdentityExceptionCode;

// 160 bits, the HMAC-SHA-1 block RFC 4226 recommends.
const SECRET_BYTES = 20;
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const ISSUER = 'Đồng Hành';

// Roles that see across a school's or a ward's cases, or hold the keys to accounts: a stolen password alone must not
// open them. A principal is one of them while they hold a live grant to a case's confidential content.
const REQUIRED_FOR: readonly Role[] = ['admin', 'supervisor', 'auditor', 'ward_officer'];

export type SecondFactorEnrolment = {
  secret: string;
  otpauthUri: string;
  recoveryCodes: string[];
};

export type SecondFactorState = 'none' | 'pending' | 'active';

// A TOTP second factor (RFC 6238). An admin enrols a user (the secret and recovery codes are shown that once) or
// resets them; the user confirms with a first code, at login or signed in. Once confirmed, a login takes a code
// or an unused recovery code as well as the password.
@Injectable()
export class SecondFactorService {
  private readonly logger = new Logger(SecondFactorService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly chain: AdminAuditService,
    private readonly cipher: FieldCipher,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // `admin` null: the operator at the console (`enrol-second-factor`), for the first admin when enforcement is on.
  enrol(admin: Caller | null, userId: string): Promise<SecondFactorEnrolment> {
    return inTransaction(this.source, async (tx) => {
      const user = await this.lockUser(tx, userId);
      const existing = await tx.getRepository(UserSecondFactor).findOneBy({ userId });
      if (existing?.confirmedAt) throw new IdentityException(SECOND_FACTOR_ALREADY_ENROLLED);
      // A pending enrolment nobody confirmed is replaced: its secret was shown to someone who did not finish.
      if (existing) await tx.getRepository(UserSecondFactor).delete({ userId });
      const secret = base32Encode(randomBytes(SECRET_BYTES));
      const now = this.clock.now();
      await tx.getRepository(UserSecondFactor).insert({
        userId,
        secret: this.cipher.seal(secret, SECOND_FACTOR_SEALED_AS),
        enrolledBy: admin?.id ?? null,
        enrolledAt: now,
        confirmedAt: null,
        lastUsedStep: null,
      });
      const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      for (const code of recoveryCodes) {
        await tx
          .getRepository(RecoveryCode)
          .insert({ userId, codeHash: await this.hasher.hash(normalise(code)), usedAt: null });
      }
      await this.chain.append(tx, {
        type: 'SECOND_FACTOR_ENROLLED',
        ...(admin ? chainActor(admin) : { actorId: null, actorRole: null, requestId: 'cli:enrol-second-factor' }),
        subjectId: userId,
        payload: { username: user.username, recoveryCodes: RECOVERY_CODES, replacedPending: existing !== null },
        at: now,
      });
      return { secret, otpauthUri: otpauthUri(ISSUER, user.username, secret), recoveryCodes };
    });
  }

  // For a lost phone or spent recovery codes: the user is back to no second factor until enrolled again.
  reset(admin: Caller, userId: string): Promise<void> {
    return inTransaction(this.source, async (tx) => {
      const user = await this.lockUser(tx, userId);
      const existing = await tx.getRepository(UserSecondFactor).findOneBy({ userId });
      if (!existing) throw new IdentityException(SECOND_FACTOR_NOT_FOUND);
      await tx.getRepository(UserSecondFactor).delete({ userId });
      await this.chain.append(tx, {
        type: 'SECOND_FACTOR_RESET',
        ...chainActor(admin),
        subjectId: userId,
        payload: { username: user.username, wasConfirmed: existing.confirmedAt !== null },
        at: this.clock.now(),
      });
    });
  }

  // The signed-in user's first code turns a pending enrolment active.
  confirmOwn(userId: string, code: string): Promise<void> {
    return inTransaction(this.source, async (tx) => {
      const factor = await this.lockFactor(tx, userId);
      if (!factor) throw new IdentityException(SECOND_FACTOR_NOT_FOUND);
      if (factor.confirmedAt) throw new IdentityException(SECOND_FACTOR_ALREADY_ENROLLED);
      await this.acceptTotp(tx, factor, code);
    });
  }

  // Called by the login once the password is right; throws when the login must not go on. `code` is a TOTP code or
  // a recovery code. A pending enrolment is confirmed by its first code here as well, so a user who cannot log in
  // without a second factor can finish their enrolment at the login itself.
  checkAtLogin(user: Pick<User, 'id' | 'roles'>, code: string | undefined): Promise<void> {
    return inTransaction(this.source, async (tx) => {
      const factor = await this.lockFactor(tx, user.id);
      const given = code === undefined || code.trim() === '' ? undefined : code;
      if (!factor?.confirmedAt) {
        if (factor && given !== undefined) return this.acceptTotp(tx, factor, given);
        if (!this.config.secondFactorEnforced || !(await this.requiredFor(tx, user))) return;
        throw new IdentityException(factor ? IdentityExceptionCode.SECOND_FACTOR_REQUIRED : SECOND_FACTOR_NOT_ENROLLED);
      }
      if (given === undefined) throw new IdentityException(IdentityExceptionCode.SECOND_FACTOR_REQUIRED);
      if (/^\d{6}$/.test(given.replace(/\s/g, ''))) return this.acceptTotp(tx, factor, given);
      await this.acceptRecoveryCode(tx, user.id, given);
    });
  }

  private async requiredFor(tx: EntityManager, user: Pick<User, 'id' | 'roles'>): Promise<boolean> {
    if (user.roles.some((r) => REQUIRED_FOR.includes(r))) return true;
    if (!user.roles.includes('principal')) return false;
    const grants: unknown[] = await tx.query(
      `SELECT 1 FROM confidential_grant WHERE grantee_id = $1 AND revoked_at IS NULL AND expires_at > $2 LIMIT 1`,
      [user.id, this.clock.now()],
    );
    return grants.length > 0;
  }

  // A code of the step last used or an earlier one is refused: RFC 6238 §5.2, one use per code.
  private async acceptTotp(tx: EntityManager, factor: UserSecondFactor, code: string): Promise<void> {
    const secret = base32Decode(await this.cipher.open(factor.secret, SECOND_FACTOR_SEALED_AS));
    const step = totpStepOf(secret, code.replace(/\s/g, ''), Math.floor(this.clock.now().getTime() / 1000));
    if (step === null || (factor.lastUsedStep !== null && step <= factor.lastUsedStep))
      throw new IdentityException(SECOND_FACTOR_INVALID);
    const confirming = factor.confirmedAt === null;
    await tx
      .getRepository(UserSecondFactor)
      .update({ userId: factor.userId }, { lastUsedStep: step, confirmedAt: factor.confirmedAt ?? this.clock.now() });
    if (confirming) this.logger.log({ msg: 'second factor confirmed', userId: factor.userId });
  }

  private async acceptRecoveryCode(tx: EntityManager, userId: string, code: string): Promise<void> {
    const given = normalise(code);
    if (given.length !== 10) throw new IdentityException(SECOND_FACTOR_INVALID);
    const unused = await tx.getRepository(RecoveryCode).findBy({ userId, usedAt: IsNull() });
    for (const candidate of unused) {
      if (await this.hasher.verify(candidate.codeHash, given)) {
        await tx.getRepository(RecoveryCode).update({ id: candidate.id }, { usedAt: this.clock.now() });
        this.logger.warn({ msg: 'recovery code used', userId, left: unused.length - 1 });
        return;
      }
    }
    throw new IdentityException(SECOND_FACTOR_INVALID);
  }

  // The row is locked so that two logins with the same code at once cannot both pass.
  private lockFactor(tx: EntityManager, userId: string): Promise<UserSecondFactor | null> {
    return tx.getRepository(UserSecondFactor).findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
  }

  private async lockUser(tx: EntityManager, userId: string): Promise<User> {
    const user = await tx.getRepository(User).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new IdentityException(IdentityExceptionCode.USER_NOT_FOUND);
    return user;
  }
}

// Ten characters from an alphabet without look-alikes (no 0/O, 1/I), shown as two groups of five: 50 bits each.
const newRecoveryCode = (): string => {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};

const normalise = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

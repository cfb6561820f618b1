import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { isUuid } from '@dh/errors';
import { AuditorGrantsService } from './auditor-grants/auditor-grants.service';
import { Caller } from './caller';
import { IdentityException, IdentityExceptionCode } from './identity.exception';
import { PasswordHasher } from './password-hasher';
import { SecondFactorService } from './second-factor/second-factor.service';
import type { Role } from '@dh/machines/case/types';
import { User } from './user.entity';

export type TokenClaims = { sub: string; tv: number; iat?: number; exp?: number };
export type PublicUser = Omit<Caller, 'requestId'>;

@Injectable()
export class AuthService {
  // Verifying against a throwaway hash when the user is unknown keeps both answers equally slow.
  private dummyHash: Promise<string> | null = null;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly auditorGrants: AuditorGrantsService,
    private readonly secondFactor: SecondFactorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Token times come from the injectable clock, so expiry is tested by moving time.
  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  async login(username: string, password: string, code?: string): Promise<{ accessToken: string; user: PublicUser }> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.schools', 's')
      .where('u.username = :username', { username: username.trim().toLowerCase() })
      .getOne();
    if (!user) {
      this.dummyHash ??= this.hasher.hash('not-a-real-password');
      await this.hasher.verify(await this.dummyHash, password);
      throw new IdentityException(IdentityExceptionCode.INVALID_CREDENTIALS);
    }
    const ok = await this.hasher.verify(user.passwordHash, password);
    if (!ok || user.disabledAt) throw new IdentityException(IdentityExceptionCode.INVALID_CREDENTIALS);
    // Only a right password reaches the second factor: its answers tell nothing to one who does not have it.
    await this.secondFactor.checkAtLogin(user, code);
    const claims: TokenClaims = { sub: user.id, tv: user.tokenVersion, iat: this.nowSeconds() };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtExpiresInSeconds });
    return {
      accessToken,
      user: toPublicUser(
        user,
        await this.schoolIdsOf(
          user,
          (user.schools ?? []).map((s) => s.id),
        ),
      ),
    };
  }

  // Every request re-reads the user: a disabled account or a changed password ends old tokens at once.
  async authenticate(token: string, requestId: string): Promise<Caller> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { clockTimestamp: this.nowSeconds() });
    } catch {
      throw new IdentityException(IdentityExceptionCode.UNAUTHENTICATED);
    }
    // The signature says who issued the token, not that its claims are sound: a token this server never
    // issues (no expiry, a sub the database cannot even compare) is refused before any query.
    if (!isUuid(claims.sub) || !Number.isSafeInteger(claims.tv) || !Number.isFinite(claims.exp)) {
      throw new IdentityException(IdentityExceptionCode.UNAUTHENTICATED);
    }
    // One raw statement, the user's schools as an array: on every request, TypeORM's join building and hydration cost
    // more than the query.
    const [user] = await this.users.query<AuthRow[]>(AUTH_SQL, [claims.sub]);
    if (!user || user.disabled_at || user.token_version !== claims.tv) {
      throw new IdentityException(IdentityExceptionCode.UNAUTHENTICATED);
    }
    const found = {
      id: user.id,
      username: user.username,
      fullName: user.full_name,
      roles: user.roles,
      wardId: user.ward_id,
    };
    return { ...toPublicUser(found, await this.schoolIdsOf(found, user.school_ids)), requestId };
  }

  // An auditor reaches the schools of their live grants, and only those: schools set on the account do not
  // count, so an inspection always has a reason and an end. Everyone else: the schools they belong to.
  private async schoolIdsOf(user: Pick<User, 'id' | 'roles'>, memberOf: string[]): Promise<string[]> {
    if (user.roles.includes('auditor')) return this.auditorGrants.liveSchoolIds(user.id);
    return [...memberOf].sort();
  }
}

export const toPublicUser = (
  user: Pick<User, 'id' | 'username' | 'fullName' | 'roles' | 'wardId'>,
  schoolIds: string[],
): PublicUser => ({
  id: user.id,
  username: user.username,
  fullName: user.fullName,
  roles: user.roles,
  schoolIds,
  wardId: user.wardId,
});

type AuthRow = {
  id: string;
  username: string;
  full_name: string;
  roles: Role[];
  ward_id: string | null;
  token_version: number;
  disabled_at: Date | null;
  school_ids: string[];
};

const AUTH_SQL = `SELECT u.id, u.username, u.full_name, u.roles, u.ward_id, u.token_version, u.disabled_at,
                         ARRAY(SELECT us.school_id FROM user_school us WHERE us.user_id = u.id) AS school_ids
                    FROM app_user u WHERE u.id = $1`;

import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { DataSource } from 'typeorm';
import { AuditorGrant, type Role, UserService } from '@dh/identity';

export const PASSWORD = 'mat-khau-thu-nghiem';

export type Login = { id: string; readonly token: string; username: string };
export type World = {
  ward: string;
  schoolA: string;
  schoolB: string;
  users: Record<
    | 'counsellorA'
    | 'counsellorA2'
    | 'supervisorA'
    | 'supervisorA2'
    | 'principalA'
    | 'counsellorB'
    | 'supervisorB'
    | 'principalB'
    | 'auditorA'
    | 'adminW'
    | 'wardW',
    Login
  >;
};

const PEOPLE: [keyof World['users'], Role[], 'A' | 'B' | null][] = [
  ['counsellorA', ['counsellor'], 'A'],
  ['counsellorA2', ['counsellor'], 'A'],
  ['supervisorA', ['supervisor'], 'A'],
  ['supervisorA2', ['supervisor'], 'A'],
  ['principalA', ['principal'], 'A'],
  ['counsellorB', ['counsellor'], 'B'],
  ['supervisorB', ['supervisor'], 'B'],
  ['principalB', ['principal'], 'B'],
  // An auditor belongs to no school: they reach school A through a grant (below).
  ['auditorA', ['auditor'], null],
  ['adminW', ['admin'], null],
  ['wardW', ['ward_officer'], null],
];

// A ward with two schools and a person in each role. Tokens are minted, not fetched through /api/auth/login: the specs
// of login (test/api/session-hardening, test/security/login-lockout) log in over HTTP themselves.
export const buildWorld = async (app: INestApplication): Promise<World> => {
  const users = app.get(UserService);
  const ward = await users.createWard('W1', 'Phường Thử Nghiệm');
  const a = await users.createSchool(ward.id, 'TA', 'Trường THCS Thử Nghiệm A');
  const b = await users.createSchool(ward.id, 'TB', 'Trường Tiểu học Thử Nghiệm B');
  const logins = {} as World['users'];
  for (const [name, roles, school] of PEOPLE) {
    const schoolIds = school === 'A' ? [a.id] : school === 'B' ? [b.id] : [];
    const user = await users.createUser({
      username: name.toLowerCase(),
      fullName: `Người dùng ${name}`,
      password: PASSWORD,
      roles,
      schoolIds,
      wardId: ward.id,
    });
    logins[name] = loginOf(app, user);
  }
  // Written directly, like the users above: the admin chain of a fresh world stays empty for the tests that read it.
  await app
    .get(DataSource)
    .getRepository(AuditorGrant)
    .insert({
      auditorId: logins.auditorA.id,
      schoolId: a.id,
      grantedBy: logins.adminW.id,
      reason: 'Kiểm tra định kỳ trường A.',
      expiresAt: new Date(app.get(Clock).now().getTime() + 10 * 365 * 86_400_000),
      revokedAt: null,
      revokedBy: null,
      createdAt: app.get(Clock).now(),
    });
  return { ward: ward.id, schoolA: a.id, schoolB: b.id, users: logins };
};

// Tokens live on the test's clock, which tests move by months: mint one valid "now" at each use.
export const loginOf = (app: INestApplication, user: { id: string; username: string }): Login => {
  const jwt = app.get(JwtService);
  const config = app.get<AppConfig>(APP_CONFIG);
  const clock = app.get(Clock);
  return {
    id: user.id,
    username: user.username,
    get token() {
      return jwt.sign(
        { sub: user.id, tv: 0, iat: Math.floor(clock.now().getTime() / 1000) },
        { secret: config.jwtSecret, algorithm: 'HS256', expiresIn: config.jwtExpiresInSeconds },
      );
    },
  };
};

export const auth = (login: Login) => ({ Authorization: `Bearer ${login.token}` });

import { Controller, Get, Post } from '@nestjs/common';
import { POLICY, Public, Permission } from '@dh/identity';
import { World } from '../support/fixtures';
import { controllersOf, Route, routesOf } from '../support/routes';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

@Controller('fixture')
class HalfDeclaredController {
  @Public()
  @Get('health')
  health() {}

  @Get('forgotten')
  forgotten() {}

  @Permission('admin.users')
  @Post('admin')
  admin() {}
}

type Operation = {
  'x-permission'?: { access: string; action?: string; roles?: object };
  responses: Record<string, { description: string }>;
};

const undeclared = (routes: Route[]): string[] => routes.filter((r) => r.permission === undefined).map((r) => r.route);

describe('Every route declares who may call it', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });
  const as = (token: string) => `Bearer ${token}`;

  it('finds no route of the app without a permission declaration', () => {
    const routes = routesOf(controllersOf(t.app));
    expect(routes.length).toBeGreaterThan(50);
    expect(undeclared(routes)).toEqual([]);
  });

  it('names the route that forgot its declaration', () => {
    expect(undeclared(routesOf([HalfDeclaredController]))).toEqual(['GET /fixture/forgotten']);
  });

  it('opens only login, the public intake form, health and labels to callers without a token', () => {
    const open = routesOf(controllersOf(t.app))
      .filter((r) => r.permission?.access === 'public')
      .map((r) => r.route);
    expect(open.sort()).toEqual([
      'GET /health',
      'GET /labels',
      'GET /public/intake/challenge',
      'GET /public/schools/:code',
      'POST /auth/login',
      'POST /public/intake',
    ]);
  });

  it('writes each route’s permission and the roles the policy names into the OpenAPI document', async () => {
    const docs = await t.http().get('/api/docs-json').expect(200);
    const paths = docs.body.paths as Record<string, Record<string, Operation>>;
    const operations = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.filter(({ op }) => op['x-permission'] === undefined).map(({ route }) => route)).toEqual([]);
    const users = paths['/api/admin/users'].post;
    expect(users['x-permission']).toEqual({ access: 'role', action: 'admin.users', roles: POLICY['admin.users'] });
    // The refusal's code, then who may call the route.
    expect(users.responses['403'].description).toBe(
      'FORBIDDEN_ROLE. Vai trò không được phép / role not allowed. Được phép / allowed: admin (toàn hệ thống / everywhere)',
    );
    const read = paths['/api/cases/{id}'].get;
    expect(read['x-permission']).toEqual({ access: 'record', action: 'case.read', roles: POLICY['case.read'] });
    const wardOfficer = 'ward_officer (hồ sơ chuyển lên phường / cases referred to own ward)';
    expect(read.responses['403'].description).toContain(wardOfficer);
    expect(paths['/api/auth/login'].post['x-permission']).toEqual({ access: 'public' });
    expect(paths['/api/me'].get['x-permission']).toEqual({ access: 'signed_in' });
  });

  it('refuses a role the policy does not name before the request is read: 403, not the 400 of its input', async () => {
    const calendar = '/api/admin/calendar/not-a-year';
    const counsellor = as(w.users.counsellorA.token);
    const refused = await t.http().put(calendar).set('Authorization', counsellor).send({ entries: 'x' }).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
    expect(refused.body.message).toMatch(/Vai trò của tài khoản không được phép/);
    await t.http().get('/api/reports/ward/cases?schoolId=nope').set('Authorization', counsellor).expect(403);
    await t.http().post('/api/admin/directory').set('Authorization', counsellor).send({}).expect(403);
    // Who is calling is asked first; the input is read once the role is allowed.
    await t.http().put(calendar).send({ entries: 'x' }).expect(401);
    const admin = as(w.users.adminW.token);
    await t.http().put(calendar).set('Authorization', admin).send({ entries: 'x' }).expect(400);
  });
});

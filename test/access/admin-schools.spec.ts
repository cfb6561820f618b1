import { auth, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import { Client } from 'pg';

describe('the admin’s wards, schools and account list', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });
  const chainTypes = async () =>
    (await t.http().get('/api/admin/audit').set(auth(w.users.adminW)).expect(200)).body.items.map(
      (e: { type: string }) => e.type,
    );

  it('creates a ward and a school, each in the admin chain, and a counsellor of the school numbers cases with its code', async () => {
    const admin = auth(w.users.adminW);
    const ward = (
      await t.http().post('/api/admin/wards').set(admin).send({ code: 'KL', name: 'Phường Kim Liên' }).expect(201)
    ).body;
    const school = (
      await t
        .http()
        .post('/api/admin/schools')
        .set(admin)
        .send({ wardId: ward.id, code: 'KLTH', name: 'Trường Tiểu học Kim Liên' })
        .expect(201)
    ).body;
    expect(school).toMatchObject({ wardId: ward.id, code: 'KLTH', name: 'Trường Tiểu học Kim Liên' });
    expect(
      (await t.http().get('/api/admin/schools').set(admin).expect(200)).body.items.map((s: { code: string }) => s.code),
    ).toContain('KLTH');
    expect((await chainTypes()).slice(-2)).toEqual(['WARD_CREATED', 'SCHOOL_CREATED']);

    const user = (
      await t
        .http()
        .post('/api/admin/users')
        .set(admin)
        .send({
          username: 'tv.kimlien.moi',
          fullName: 'Nguyễn Thị Hoa',
          password: 'mat-khau-moi-123',
          roles: ['counsellor'],
          schoolIds: [school.id],
          wardId: ward.id,
        })
        .expect(201)
    ).body;
    const token = (
      await t
        .http()
        .post('/api/auth/login')
        .send({ username: 'tv.kimlien.moi', password: 'mat-khau-moi-123' })
        .expect(200)
    ).body.accessToken;
    const learner = (
      await t
        .http()
        .post('/api/learners')
        .set({ Authorization: `Bearer ${token}` })
        .send({ schoolId: school.id, fullName: 'Hà Minh Châu', dateOfBirth: '2016-01-01', sex: 'nu', className: '4A' })
        .expect(201)
    ).body;
    const c = (
      await t
        .http()
        .post('/api/cases')
        .set({ Authorization: `Bearer ${token}` })
        .send({
          schoolId: school.id,
          learnerId: learner.id,
          areas: [{ code: 'hoc_tap', priority: 1 }],
          channel: 'truc_tiep',
          summary: 'Em cần giúp đỡ môn toán.',
          riskLevel: 'low',
          riskRationale: 'Ban đầu.',
        })
        .expect(201)
    ).body;
    expect(c.code).toMatch(/^KLTH-2026-0001$/);
    expect(c.assigneeId).toBe(user.id);
  });

  it('renames a school but never its code, and lists accounts without any password', async () => {
    const admin = auth(w.users.adminW);
    const renamed = (
      await t
        .http()
        .put(`/api/admin/schools/${w.schoolB}`)
        .set(admin)
        .send({ name: 'Trường Tiểu học Thử Nghiệm B (mới)', code: 'ZZ' })
        .expect(400)
    ).body;
    expect(renamed.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'code' })]));
    const ok = (
      await t
        .http()
        .put(`/api/admin/schools/${w.schoolB}`)
        .set(admin)
        .send({ name: 'Trường Tiểu học Thử Nghiệm B (mới)' })
        .expect(200)
    ).body;
    expect(ok).toMatchObject({ id: w.schoolB, code: 'TB', name: 'Trường Tiểu học Thử Nghiệm B (mới)' });
    expect((await pg.query(`SELECT code, name FROM school WHERE id = $1`, [w.schoolB])).rows[0]).toEqual({
      code: 'TB',
      name: 'Trường Tiểu học Thử Nghiệm B (mới)',
    });
    // A ward too, in the admin chain like the school.
    await t.http().put(`/api/admin/wards/${w.ward}`).set(admin).send({ name: '  ' }).expect(400);
    const ward = (
      await t.http().put(`/api/admin/wards/${w.ward}`).set(admin).send({ name: 'Phường Thử Nghiệm Mới' }).expect(200)
    ).body;
    expect(ward).toMatchObject({ id: w.ward, code: 'W1', name: 'Phường Thử Nghiệm Mới' });
    await t.http().put(`/api/admin/wards/${w.schoolB}`).set(admin).send({ name: 'Không có' }).expect(404);
    await t.http().put(`/api/admin/wards/${w.ward}`).set(auth(w.users.wardW)).send({ name: 'x' }).expect(403);
    const chain = (await t.http().get('/api/admin/audit').set(admin).expect(200)).body.items;
    expect(chain.slice(-2).map((e: { type: string; payload: unknown }) => [e.type, e.payload])).toEqual([
      ['SCHOOL_RENAMED', { before: 'Trường Tiểu học Thử Nghiệm B', after: 'Trường Tiểu học Thử Nghiệm B (mới)' }],
      ['WARD_RENAMED', { before: 'Phường Thử Nghiệm', after: 'Phường Thử Nghiệm Mới' }],
    ]);
    const users = (await t.http().get('/api/admin/users').set(admin).expect(200)).body.items;
    expect(users.map((u: { username: string }) => u.username)).toContain('counsellora');
    expect(JSON.stringify(users)).not.toMatch(/password|argon2/i);
  });

  it('refuses a taken code with 409 and a malformed one with 400 naming it, storing nothing', async () => {
    const admin = auth(w.users.adminW);
    const before = (await pg.query(`SELECT count(*)::int AS n FROM school`)).rows[0].n;
    const taken = await t
      .http()
      .post('/api/admin/schools')
      .set(admin)
      .send({ wardId: w.ward, code: 'TA', name: 'Trùng mã' })
      .expect(409);
    expect(taken.body).toMatchObject({ code: 'CODE_TAKEN', details: { code: 'TA' } });
    const bad = await t
      .http()
      .post('/api/admin/schools')
      .set(admin)
      .send({ wardId: 'not-a-uuid', code: 'ta-1', name: ' ' })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'name', 'wardId']);
    await t
      .http()
      .post('/api/admin/schools')
      .set(admin)
      .send({ wardId: '00000000-0000-4000-8000-000000000000', code: 'NEW1', name: 'Không có phường' })
      .expect(404);
    expect((await pg.query(`SELECT count(*)::int AS n FROM school`)).rows[0].n).toBe(before);
    expect((await t.http().get('/api/admin/audit/verify').set(admin).expect(200)).body.valid).toBe(true);
  });
});

import { auth, PASSWORD, World } from '../support/fixtures';
import { openCase } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('HTTP conventions', () => {
  let t: TestApp;
  let w: World;

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('logs in with a signed token and tells the caller who they are', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'counsellora', password: PASSWORD })
      .expect(200);
    expect(login.body.user).toMatchObject({ username: 'counsellora', roles: ['counsellor'], schoolIds: [w.schoolA] });
    expect(login.body.accessToken.split('.')).toHaveLength(3);
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: w.users.counsellorA.id, roles: ['counsellor'], schoolIds: [w.schoolA] });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password, a missing token, a forged token and alg none with 401 in the error shape', async () => {
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'counsellora', password: 'sai-mat-khau' })
      .expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'INVALID_CREDENTIALS' });
    expect(wrong.body.message).toMatch(/mật khẩu/);
    await t.http().get('/api/cases').expect(401);
    const [h, p] = w.users.counsellorA.token.split('.');
    await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${h}.${p}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)
      .expect(401);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await t.http().get('/api/me').set('Authorization', `Bearer ${none}.${p}.`).expect(401);
  });

  it('serves health and the OpenAPI document without a token', async () => {
    const health = await t.http().get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    const docs = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/cases', '/api/cases/{id}/events', '/api/auth/login']),
    );
    await t.http().get('/api/docs').expect(200);
  });

  it('lists every bad field with its reason in a 400, and changes nothing', async () => {
    const res = await t
      .http()
      .post('/api/cases')
      .set(auth(w.users.counsellorA))
      .send({
        schoolId: 'not-a-uuid',
        areas: [{ code: 'xyz', priority: 0 }],
        channel: 'fax',
        riskLevel: 'huge',
        extra: 1,
      })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'schoolId',
        'learnerId',
        'areas[0].code',
        'areas[0].priority',
        'channel',
        'summary',
        'riskLevel',
        'riskRationale',
        'extra',
      ]),
    );
    const list = await t.http().get('/api/cases').set(auth(w.users.supervisorA)).expect(200);
    expect(list.body.total).toBe(0);
  });

  it('answers malformed JSON, an unknown event type, a bad uuid and a huge body with 4xx, never 500', async () => {
    const c = await openCase(t, w);
    const tv = auth(w.users.counsellorA);
    const bad = await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set(tv)
      .set('Content-Type', 'application/json')
      .send('{"type": ');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('MALFORMED_JSON');
    const unknown = await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set(tv)
      .send({ type: 'DROP_TABLE', expectedVersion: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('type');
    const payloadField = await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set(tv)
      .send({ type: 'SUBMIT_PLAN', payload: { goals: [], reviewDate: 'soon' }, expectedVersion: 1 });
    expect(payloadField.status).toBe(400);
    expect(payloadField.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['payload.goals', 'payload.responsible', 'payload.reviewDate']),
    );
    expect((await t.http().get('/api/cases/123').set(tv)).status).toBe(400);
    const huge = await t
      .http()
      .post('/api/cases')
      .set(tv)
      .send({ summary: 'x'.repeat(400_000) });
    expect(huge.status).toBe(413);
    const nul = await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set(tv)
      .send({ type: 'ADD_NOTE', payload: { text: 'a\u0000b' }, expectedVersion: 1 });
    expect(nul.status).toBe(400);
  });

  it('puts a request id on every answer, taken from the client when it sends a sane one', async () => {
    const res = await t.http().get('/api/health').set('X-Request-Id', 'client-req-12345').expect(200);
    expect(res.headers['x-request-id']).toBe('client-req-12345');
    const err = await t.http().get('/api/cases/123').set(auth(w.users.counsellorA)).expect(400);
    expect(err.body.requestId).toBe(err.headers['x-request-id']);
  });
});

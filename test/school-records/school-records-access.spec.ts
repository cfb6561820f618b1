import { Client } from 'pg';
import { AdminAuditService } from '@dh/audit';
import { auth, Login, World } from '../support/fixtures';
import { BODIES, facilities, ListKind, PATHS, YEAR } from '../support/school-records-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

// The whole table of roles is in test/access/role-matrix.spec.ts; here what a refusal says and leaves behind.
describe('who reads and who keeps a school’s records', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });
  const snapshot = async () => ({
    events: (await t.app.get(AdminAuditService).list()).length,
    rows: (await pg.query(`SELECT full_name, team_role FROM school_team_member ORDER BY id`)).rows,
    facilities: (await pg.query(`SELECT * FROM school_facilities ORDER BY school_id`)).rows,
  });

  it('a record of another school is not found, not forbidden, and nothing in it moves', async () => {
    const rowB = (
      await t
        .http()
        .post('/api/school-records/team')
        .set(auth(w.users.supervisorB))
        .send({ schoolId: w.schoolB, schoolYear: YEAR, ...BODIES.team() })
        .expect(201)
    ).body;
    const before = await snapshot();
    for (const who of [w.users.supervisorA, w.users.principalA, w.users.counsellorA, w.users.adminW]) {
      const put = await t
        .http()
        .put(`/api/school-records/team/${rowB.id}`)
        .set(auth(who))
        .send(BODIES.team({ teamRole: 'thanh_vien' }))
        .expect(404);
      expect(put.body.code).toBe('RECORD_NOT_FOUND');
      await t.http().delete(`/api/school-records/team/${rowB.id}`).set(auth(who)).expect(404);
      const list = await t
        .http()
        .get('/api/school-records/team')
        .query({ schoolId: w.schoolB, schoolYear: YEAR })
        .set(auth(who))
        .expect(404);
      expect(list.body.code).toBe('SCHOOL_NOT_FOUND');
      await t
        .http()
        .put('/api/school-records/facilities')
        .set(auth(who))
        .send({ schoolId: w.schoolB, schoolYear: YEAR, ...facilities() })
        .expect(404);
    }
    // An unknown school answers the same as a school out of reach.
    const unknown = await t
      .http()
      .get('/api/school-records/training')
      .query({ schoolId: '00000000-0000-4000-8000-000000000000', schoolYear: YEAR })
      .set(auth(w.users.supervisorA))
      .expect(404);
    expect(unknown.body.code).toBe('SCHOOL_NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('the school’s counsellors and the ward officer read every list, and every change they try is 403, changing nothing', async () => {
    const keeper = auth(w.users.principalA);
    const where = { schoolId: w.schoolA, schoolYear: YEAR };
    const ids = {} as Record<ListKind, string>;
    for (const kind of Object.keys(PATHS) as ListKind[])
      ids[kind] = (
        await t
          .http()
          .post(`/api/school-records/${PATHS[kind]}`)
          .set(keeper)
          .send({ ...where, ...BODIES[kind]() })
          .expect(201)
      ).body.id;
    await t
      .http()
      .put('/api/school-records/facilities')
      .set(keeper)
      .send({ ...where, ...facilities() })
      .expect(200);
    const before = await snapshot();
    const readers: Login[] = [w.users.counsellorA, w.users.counsellorA2, w.users.wardW];
    for (const reader of readers) {
      const h = auth(reader);
      for (const kind of Object.keys(PATHS) as ListKind[]) {
        const path = `/api/school-records/${PATHS[kind]}`;
        const list = await t.http().get(path).query(where).set(h).expect(200);
        expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([ids[kind]]);
        const refused = await t
          .http()
          .post(path)
          .set(h)
          .send({ ...where, ...BODIES[kind]() })
          .expect(403);
        expect(refused.body.code).toBe('FORBIDDEN_ROLE');
        await t.http().put(`${path}/${ids[kind]}`).set(h).send(BODIES[kind]()).expect(403);
        await t.http().delete(`${path}/${ids[kind]}`).set(h).expect(403);
      }
      const read = await t.http().get('/api/school-records/facilities').query(where).set(h).expect(200);
      expect(read.body).toMatchObject({ counsellingRoom: true, onlineChannels: ['email', 'zalo'] });
      await t
        .http()
        .put('/api/school-records/facilities')
        .set(h)
        .send({ ...where, ...facilities({ counsellingRoom: false, roomPrivate: false }) })
        .expect(403);
    }
    expect(await snapshot()).toEqual(before);
  });
});

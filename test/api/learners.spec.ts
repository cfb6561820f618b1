import { auth, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('learners', () => {
  let t: TestApp;
  let w: World;
  const duc = {
    fullName: 'Nguyễn Văn Đức',
    dateOfBirth: '2013-05-14',
    sex: 'nam',
    className: '7A2',
    guardians: [{ fullName: 'Nguyễn Văn Hùng', relationship: 'bố', phone: '0912345678' }],
  };

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  it('finds Vietnamese names with or without diacritics, in any case and word order', async () => {
    const created = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({ schoolId: w.schoolA, ...duc })
      .expect(201);
    expect(created.body).toMatchObject({ fullName: 'Nguyễn Văn Đức', sex: 'nam', guardians: duc.guardians });
    await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({ schoolId: w.schoolA, ...duc, fullName: 'Trần Thị Dung', dateOfBirth: '2012-01-01' })
      .expect(201);
    for (const q of ['nguyen van duc', 'NGUYỄN VĂN ĐỨC', 'Đức', 'duc nguyen', 'văn']) {
      const res = await t.http().get('/api/learners').query({ q }).set(auth(w.users.counsellorA)).expect(200);
      expect({ q, names: res.body.items.map((i: { fullName: string }) => i.fullName) }).toEqual({
        q,
        names: ['Nguyễn Văn Đức'],
      });
    }
    const none = await t.http().get('/api/learners').query({ q: '100%_' }).set(auth(w.users.counsellorA)).expect(200);
    expect(none.body.total).toBe(0);
    // The principal finds the learner, without the family's details.
    const byPrincipal = await t
      .http()
      .get('/api/learners')
      .query({ q: 'duc' })
      .set(auth(w.users.principalA))
      .expect(200);
    expect(byPrincipal.body.items).toEqual([expect.objectContaining({ fullName: 'Nguyễn Văn Đức', guardians: null })]);
    // Another school's counsellor finds nobody of this school.
    const other = await t.http().get('/api/learners').query({ q: 'duc' }).set(auth(w.users.counsellorB)).expect(200);
    expect(other.body.total).toBe(0);
  });

  it('answers 409 with the existing id for a look-alike, unless told it is a different person', async () => {
    const first = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({ schoolId: w.schoolA, ...duc, fullName: 'Lê Thị Hoa' })
      .expect(201);
    const again = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA2))
      .send({ schoolId: w.schoolA, ...duc, fullName: '  le thi  HOA ' })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'LEARNER_LOOKS_LIKE_EXISTING', details: { existingId: first.body.id } });
    const distinct = await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA2))
      .send({ schoolId: w.schoolA, ...duc, fullName: 'Lê Thị Hoa', confirmDistinct: true })
      .expect(201);
    expect(distinct.body.id).not.toBe(first.body.id);
    // Same name in another school is another child.
    await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorB))
      .send({ schoolId: w.schoolB, ...duc, fullName: 'Lê Thị Hoa' })
      .expect(201);
  });

  it('refuses a learner in a school the caller does not belong to with 404, and a principal with 403', async () => {
    await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.counsellorA))
      .send({ schoolId: w.schoolB, ...duc })
      .expect(404);
    await t
      .http()
      .post('/api/learners')
      .set(auth(w.users.principalA))
      .send({ schoolId: w.schoolA, ...duc, fullName: 'Hồ Văn Tú' })
      .expect(403);
  });
});

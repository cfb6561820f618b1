import { createLearner, openCase } from '../support/case-helpers';
import { auth, Login, World } from '../support/fixtures';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('finding a case by its number or its learner’s name', () => {
  let t: TestApp;
  let w: World;
  let duc: { id: string; code: string };
  let dung: { id: string; code: string };

  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w } = world);
    const by = w.users.counsellorA;
    const open = async (name: string) => {
      const learner = await createLearner(t, by, w.schoolA, name);
      const opened = await openCase(t, w, { by, assigneeId: by.id, body: { learnerId: learner.id } });
      return opened as typeof opened & { code: string };
    };
    duc = await open('Nguyễn Văn Đức');
    dung = await open('Trần Thị Dung');
  });

  const search = async (by: Login, q: string) => {
    const res = await t.http().get('/api/cases').query({ q }).set(auth(by)).expect(200);
    return res.body.items as { id: string; learnerName: string | null }[];
  };

  it('finds the learner’s case with or without diacritics, in any word order, and names the learner', async () => {
    for (const q of ['nguyen van duc', 'ĐỨC', 'duc nguyen']) {
      expect({ q, found: (await search(w.users.counsellorA, q)).map((c) => [c.id, c.learnerName]) }).toEqual({
        q,
        found: [[duc.id, 'Nguyễn Văn Đức']],
      });
    }
    expect((await search(w.users.counsellorA, dung.code.toLowerCase())).map((c) => c.id)).toEqual([dung.id]);
    expect(await search(w.users.counsellorA, '100%_')).toEqual([]);
    // The principal of the school reads names too; another school's counsellor finds nothing.
    expect((await search(w.users.principalA, 'duc')).map((c) => c.learnerName)).toEqual(['Nguyễn Văn Đức']);
    expect(await search(w.users.counsellorB, 'duc')).toEqual([]);
  });

  it('does not tell an inspector whose case a name is, nor name the learner to them', async () => {
    expect(await search(w.users.auditorA, 'duc')).toEqual([]);
    const byNumber = await search(w.users.auditorA, duc.code);
    expect(byNumber.map((c) => [c.id, c.learnerName])).toEqual([[duc.id, null]]);
    const one = await t.http().get(`/api/cases/${duc.id}`).set(auth(w.users.auditorA)).expect(200);
    expect(one.body.learnerName).toBeNull();
    const mine = await t.http().get(`/api/cases/${duc.id}`).set(auth(w.users.counsellorA)).expect(200);
    expect(mine.body.learnerName).toBe('Nguyễn Văn Đức');
  });

  it('refuses a search longer than a name with the field and the reason', async () => {
    const res = await t
      .http()
      .get('/api/cases')
      .query({ q: 'x'.repeat(101) })
      .set(auth(w.users.counsellorA))
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'q' })]);
  });
});

import { Client } from 'pg';
import { UserService } from '@dh/identity';
import { auth, Login, loginOf, PASSWORD, World } from '../support/fixtures';
import { CaseBody, move, openCase, PAYLOADS, prepareReferral, sendEvent } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

describe('a case referred to the ward: its officers read it while the referral lasts, and only then', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  let otherWardOfficer: Login;
  let c: CaseBody;
  let clinic: string;
  let wardOffice: string;
  const tv = () => w.users.counsellorA;
  const status = async (who: Login, caseId: string) => [
    (await t.http().get(`/api/cases/${caseId}`).set(auth(who))).status,
    (await t.http().get(`/api/cases/${caseId}/history`).set(auth(who))).status,
    (await t.http().get(`/api/cases/${caseId}/history/verify`).set(auth(who))).status,
  ];
  const listed = async (who: Login) =>
    (await t.http().get('/api/cases').query({ pageSize: 100 }).set(auth(who)).expect(200)).body.items.map(
      (i: { id: string }) => i.id,
    ) as string[];
  const viewedBy = async (who: Login) =>
    (
      await pg.query(
        `SELECT actor_role, payload FROM audit_event WHERE case_id = $1 AND type = 'VIEWED' AND actor_id = $2 ORDER BY seq`,
        [c.id, who.id],
      )
    ).rows;

  const world = useTestWorld();
  beforeAll(async () => {
    ({ t, w, pg } = world);
    const users = t.app.get(UserService);
    const ward = await users.createWard('W2', 'Phường Bên Cạnh');
    otherWardOfficer = loginOf(
      t.app,
      await users.createUser({
        username: 'vhxh.w2',
        fullName: 'Cán bộ phường khác',
        password: PASSWORD,
        roles: ['ward_officer'],
        wardId: ward.id,
      }),
    );
    c = await openCase(t, w);
    c = await move(t, tv(), c, 'START_ASSESSMENT');
    clinic = (await prepareReferral(t, w, c, { by: tv() })).receiverId;
    wardOffice = (
      await t
        .http()
        .post('/api/admin/directory')
        .set(auth(w.users.adminW))
        .send({ name: 'Phòng Văn hóa – Xã hội phường', kind: 'phong_vhxh' })
        .expect(201)
    ).body.id;
    await prepareReferral(t, w, c, { by: tv(), receiverId: wardOffice });
  });

  it('before any referral the ward officer meets 404 everywhere, and the list is empty', async () => {
    expect(await status(w.users.wardW, c.id)).toEqual([404, 404, 404]);
    expect((await sendEvent(t, w.users.wardW, c, 'ADD_NOTE', { text: 'x' })).status).toBe(404);
    expect(await listed(w.users.wardW)).toEqual([]);
  });

  it('a REFER without toWard keeps the case closed to the ward', async () => {
    c = await move(t, tv(), c, 'REFER', PAYLOADS.refer(clinic));
    expect(c.state).toBe('referral.pending');
    expect(await status(w.users.wardW, c.id)).toEqual([404, 404, 404]);
    c = await move(t, tv(), c, 'REFERRAL_DECLINED', { reason: 'Trạm y tế không nhận.' });
  });

  it('after a REFER toWard the ward officer reads the case with its content, one VIEWED event per read; sends nothing', async () => {
    c = await move(t, tv(), c, 'REFER', {
      receiverId: wardOffice,
      reason: 'Cần phường hỗ trợ gia đình.',
      toWard: true,
    });
    const row = (await pg.query(`SELECT referred_to_ward_at FROM "case" WHERE id = $1`, [c.id])).rows[0];
    expect(row.referred_to_ward_at).toEqual(t.clock.now());

    const view = await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.wardW)).expect(200);
    expect(view.body).toMatchObject({
      id: c.id,
      state: 'referral.pending',
      summary: 'Giáo viên chủ nhiệm báo em thường xuyên buồn bã.',
      riskRationale: 'Đánh giá ban đầu khi tiếp nhận.',
      masked: [],
      allowedEvents: [],
    });
    expect(await viewedBy(w.users.wardW)).toEqual([
      { actor_role: 'ward_officer', payload: { fields: ['summary', 'riskRationale'], role: 'ward_officer' } },
    ]);

    const history = (await t.http().get(`/api/cases/${c.id}/history`).set(auth(w.users.wardW)).expect(200)).body.items;
    expect(
      history.find((i: { type: string; payload: { toWard?: boolean } }) => i.type === 'REFER' && i.payload.toWard),
    ).toMatchObject({
      payload: { receiver: 'Phòng Văn hóa – Xã hội phường', reason: 'Cần phường hỗ trợ gia đình.', toWard: true },
      masked: [],
    });
    expect(await viewedBy(w.users.wardW)).toHaveLength(2);
    // The referral itself, reason included: the ward is its receiver.
    const referrals = (await t.http().get(`/api/cases/${c.id}/referrals`).set(auth(w.users.wardW)).expect(200)).body
      .items;
    expect(referrals.at(-1)).toMatchObject({
      status: 'sent',
      toWard: true,
      receiver: { id: wardOffice },
      reason: 'Cần phường hỗ trợ gia đình.',
      masked: [],
    });
    expect(await viewedBy(w.users.wardW)).toHaveLength(3);
    expect(
      (await t.http().get(`/api/cases/${c.id}/history/verify`).set(auth(w.users.wardW)).expect(200)).body.valid,
    ).toBe(true);

    // Ward officers send no events, pause no clocks, and do not learn who reported.
    expect((await sendEvent(t, w.users.wardW, c, 'ADD_NOTE', { text: 'phường ghi' })).status).toBe(403);
    expect((await sendEvent(t, w.users.wardW, c, 'REFERRAL_ACCEPTED')).status).toBe(403);
    expect(
      (await t.http().post(`/api/cases/${c.id}/clocks/pause`).set(auth(w.users.wardW)).send({ reason: 'x' })).status,
    ).toBe(403);
    expect((await t.http().get(`/api/cases/${c.id}/reporter`).set(auth(w.users.wardW))).status).toBe(403);
    // The list shows the referred case, masked as every list is.
    const list = (await t.http().get('/api/cases').query({ pageSize: 100 }).set(auth(w.users.wardW)).expect(200)).body
      .items;
    expect(list.map((i: { id: string; summary: string | null }) => [i.id, i.summary])).toEqual([[c.id, null]]);

    // The officer of another ward sees nothing of it.
    expect(await status(otherWardOfficer, c.id)).toEqual([404, 404, 404]);
    expect(await listed(otherWardOfficer)).toEqual([]);
    expect(await viewedBy(otherWardOfficer)).toEqual([]);
  });

  it('stays open to the ward while in service, and closes again when the referral ends', async () => {
    c = await move(t, tv(), c, 'REFERRAL_ACCEPTED');
    expect(c.state).toBe('referral.inService');
    expect(await status(w.users.wardW, c.id)).toEqual([200, 200, 200]);
    c = await move(t, tv(), c, 'REFERRAL_COMPLETED', { feedback: 'Phường đã hỗ trợ gia đình.' });
    expect(c.state).toBe('monitoring');
    expect(await status(w.users.wardW, c.id)).toEqual([404, 404, 404]);
    expect((await sendEvent(t, w.users.wardW, c, 'ADD_NOTE', { text: 'x' })).status).toBe(404);
    expect(await listed(w.users.wardW)).toEqual([]);
    expect(
      (await pg.query(`SELECT referred_to_ward_at FROM "case" WHERE id = $1`, [c.id])).rows[0].referred_to_ward_at,
    ).toBeNull();
  });

  it('a declined referral to the ward closes it too, and toWard must be a boolean', async () => {
    c = await move(t, tv(), c, 'REFER', { ...PAYLOADS.refer(clinic), toWard: true });
    expect(await status(w.users.wardW, c.id)).toEqual([200, 200, 200]);
    c = await move(t, tv(), c, 'REFERRAL_DECLINED', { reason: 'Phường chuyển về trường.' });
    expect(await status(w.users.wardW, c.id)).toEqual([404, 404, 404]);
    const bad = await sendEvent(t, tv(), c, 'REFER', { ...PAYLOADS.refer(clinic), toWard: 'có' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['payload.toWard']);
  });
});

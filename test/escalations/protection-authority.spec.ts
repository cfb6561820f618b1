import { auth, World } from '../support/fixtures';
import { CaseBody, move, openCase, sendEvent } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { DeadlineBody, useEscalationWorld } from '../support/escalation-helpers';

type Entry = { type: string; label: { vi: string; en: string }; details: Record<string, unknown> };

const concern = (carerSuspected: boolean) => ({
  kind: 'violence',
  facts: 'Em kể bị người lớn trong xóm đánh.',
  carerSuspected,
});
const notify = (recipient: string, notifiedAt: string) => ({ recipient, notifiedAt, notifiedBy: 'Cô Lan' });

// Law on Children Art. 51, Decree 56/2017 Art. 25: the duty is to report to an authority that receives such
// reports. Telling the family is worth recording, but it is not that report.
describe('a protection concern is satisfied only by a report to an authority', () => {
  let t: TestApp;
  let w: World;
  const { world, sweep, at, readCase: read, alertLevels } = useEscalationWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const kinds = (c: CaseBody) => (c.deadlines as DeadlineBody[]).map((d) => d.kind);
  const chronology = async (c: { id: string }) =>
    (await t.http().get(`/api/cases/${c.id}/chronology`).set(auth(w.users.supervisorA)).expect(200)).body
      .items as Entry[];

  it('keeps the concern open, its clock running and escalating, after the family is told; Phòng Văn hóa – Xã hội closes it', async () => {
    const { counsellorA: tv, principalA: ht, wardW: vh } = w.users;
    at('2026-03-02T09:00:00+07:00'); // Monday
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', concern(false));

    at('2026-03-02T10:00:00+07:00');
    c = await move(t, tv, c, 'RECORD_PROTECTION_NOTIFICATION', notify('gia_dinh', '2026-03-02T09:45:00+07:00'));
    expect(c).toMatchObject({ protection: 'open', state: 'assessment' });
    expect(kinds(c)).toContain('protection_notification');
    expect(c.allowedEvents).toContain('RECORD_PROTECTION_NOTIFICATION');
    const blocked = await sendEvent(t, tv, c, 'CLOSE', { outcome: 'Gia đình đã biết.' });
    expect(blocked.status).toBe(422);
    expect(blocked.body.details.reason).toBe('protection_concern_open');

    // Mon 09:00 + 12 working hours = Tue 15:30: the principal hears at once, the ward a working day later,
    // at the close of that day (17:00 Wed).
    at('2026-03-03T15:30:00+07:00');
    await sweep();
    expect(await alertLevels(ht, c)).toEqual(['principal']);
    at('2026-03-04T16:59:00+07:00');
    await sweep();
    expect(await alertLevels(vh, c)).toEqual([]);
    at('2026-03-04T17:00:00+07:00');
    await sweep();
    expect(await alertLevels(vh, c)).toEqual(['ward']);

    c = await read(c);
    c = await move(t, tv, c, 'RECORD_PROTECTION_NOTIFICATION', notify('phong_vhxh', '2026-03-04T17:10:00+07:00'));
    expect(c).toMatchObject({ protection: 'notified' });
    expect(kinds(c)).not.toContain('protection_notification');

    const told = (await chronology(c)).filter((e) => e.type === 'RECORD_PROTECTION_NOTIFICATION');
    expect(told.map((e) => e.details.recipient)).toEqual(['gia_dinh', 'phong_vhxh']);
    expect(told[0].label.vi).not.toMatch(/cơ quan có thẩm quyền/);
    expect(told[0].label.vi).toMatch(/gia đình/);
    expect(told[1].label.vi).toMatch(/cơ quan có thẩm quyền/);
  });

  it.each(['tong_dai_111', 'ubnd_phuong', 'cong_an', 'phong_vhxh'])(
    'a report to %s satisfies the concern',
    async (recipient) => {
      const { counsellorA: tv } = w.users;
      at('2026-03-09T09:00:00+07:00');
      let c = await openCase(t, w);
      c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', concern(false));
      c = await move(t, tv, c, 'RECORD_PROTECTION_NOTIFICATION', notify(recipient, '2026-03-09T09:30:00+07:00'));
      expect(c).toMatchObject({ protection: 'notified' });
      expect(kinds(c)).not.toContain('protection_notification');
    },
  );

  it('raises a concern with the carer suspected to critical, with the critical-risk alerts, and refuses the family as recipient', async () => {
    const { counsellorA: tv, supervisorA: tt, principalA: ht } = w.users;
    at('2026-03-16T09:00:00+07:00'); // Monday
    let c = await openCase(t, w, { riskLevel: 'medium' });
    at('2026-03-16T10:00:00+07:00');
    c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', { ...concern(true), kind: 'abuse' });
    expect(c).toMatchObject({ riskLevel: 'critical', protection: 'open' });
    expect(await alertLevels(tt, c)).toEqual(['critical_risk']);
    expect(await alertLevels(ht, c)).toEqual(['critical_risk']);
    // Critical at intake: first contact the same working day, as opening at that risk gives.
    expect((c.deadlines as DeadlineBody[]).find((d) => d.kind === 'first_contact')?.dueAt).toBe(
      '2026-03-16T10:00:00.000Z',
    );

    const raised = (await chronology(c)).find((e) => e.type === 'RAISE_PROTECTION_CONCERN') as Entry;
    expect(raised.details.riskRaised).toEqual({ from: 'medium', to: 'critical' });

    const family = await sendEvent(
      t,
      tv,
      c,
      'RECORD_PROTECTION_NOTIFICATION',
      notify('gia_dinh', '2026-03-16T10:05:00+07:00'),
    );
    expect(family.status).toBe(422);
    expect(family.body.details).toMatchObject({ reason: 'family_is_suspected', fields: ['recipient'] });
    expect((await read(c)).version).toBe(c.version);
  });

  it('raises no second critical-risk alert for a case already critical', async () => {
    const { counsellorA: tv, supervisorA: tt } = w.users;
    at('2026-03-23T09:00:00+07:00');
    let c = await openCase(t, w, { riskLevel: 'critical' });
    const before = await alertLevels(tt, c);
    c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', { ...concern(true), kind: 'abuse' });
    expect(c).toMatchObject({ riskLevel: 'critical', protection: 'open' });
    expect(await alertLevels(tt, c)).toEqual(before);
  });

  it('refuses a recipient outside the list with a 400 naming the field, and changes nothing', async () => {
    const { counsellorA: tv } = w.users;
    at('2026-03-23T09:00:00+07:00');
    let c = await openCase(t, w);
    c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', concern(false));
    const bad = await sendEvent(
      t,
      tv,
      c,
      'RECORD_PROTECTION_NOTIFICATION',
      notify('hang_xom', '2026-03-23T09:10:00+07:00'),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('recipient');
    expect((await read(c)).version).toBe(c.version);
  });
});

import { Client } from 'pg';
import { CaseService } from '@dh/cases';
import { EscalationSweepService } from '@dh/escalations';
import { auth, Login, World } from '../support/fixtures';
import { createLearner, historyOf, move, openCase, sendEvent, verifyOf } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';
import { useCliAgainst } from '../support/cli';

const concern = { kind: 'abuse', facts: 'Em có vết bầm, nói bị bố đánh.', carerSuspected: true };
const notify = (recipient: string) => ({ recipient, notifiedAt: '2026-03-03T10:00:00+07:00', notifiedBy: 'Cô Lan' });

describe('case@2 protection concern, and case@1 cases beside it', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const levels = async (who: Login, caseId: string) =>
    (await t.http().get('/api/alerts').query({ caseId }).set(auth(who)).expect(200)).body.items
      .map((a: { level: string }) => a.level)
      .sort();

  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });
  const cli = useCliAgainst(() => t);

  it('runs the 12-working-hour notification clock straight to the principal, and blocks closure until notified', async () => {
    const { counsellorA: tv, principalA: ht, wardW: vh, supervisorA: tt } = w.users;
    t.clock.set('2026-03-02T09:00:00+07:00');
    let c = await openCase(t, w);
    expect(c).toMatchObject({ machineVersion: 'case@2', protection: 'none' });
    c = await move(t, tv, c, 'START_ASSESSMENT');
    c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', concern);
    // Mon 09:00 + 12 working hours: Mon 6h, Tue 07:30–11:30 4h, 13:30–15:30 2h.
    expect(c).toMatchObject({ protection: 'open', state: 'assessment' });
    expect((c as unknown as { deadlines: { kind: string; dueAt: string }[] }).deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'protection_notification',
          dueAt: new Date('2026-03-03T15:30:00+07:00').toISOString(),
        }),
        expect.objectContaining({ kind: 'assessment_due' }),
      ]),
    );

    t.clock.set('2026-03-03T15:30:00+07:00');
    await t.app.get(EscalationSweepService).sweepOnce();
    // The carer is suspected: the concern made the case critical, and a critical case overdue reaches the ward at once.
    expect(await levels(ht, c.id)).toEqual(['critical_risk', 'principal']);
    expect(await levels(tt, c.id)).toEqual(['critical_risk', 'overdue']);
    expect(await levels(vh, c.id)).toEqual(['overdue']);
    // The ward rung, a working day after the due time, falls at the close of that day.
    t.clock.set('2026-03-04T17:00:00+07:00');
    await t.app.get(EscalationSweepService).sweepOnce();
    expect(await levels(vh, c.id)).toEqual(['overdue', 'ward']);

    const blocked = await sendEvent(t, tv, c, 'CLOSE', { outcome: 'Đã ổn.' });
    expect(blocked.status).toBe(422);
    expect(blocked.body.details.reason).toBe('protection_concern_open');
    const family = await sendEvent(t, tv, c, 'RECORD_PROTECTION_NOTIFICATION', notify('gia_dinh'));
    expect(family.status).toBe(422);
    expect(family.body.details.reason).toBe('family_is_suspected');
    expect(family.body.message).toMatch(/gia đình/);
    c = await move(t, tv, c, 'RECORD_PROTECTION_NOTIFICATION', notify('tong_dai_111'));
    expect((c as unknown as { deadlines: { kind: string }[] }).deadlines.map((d) => d.kind)).toEqual([
      'assessment_due',
    ]);
    // Reported, the concern no longer blocks closure; the case still closes only with a supervisor's approval.
    c = await move(t, tv, c, 'CLOSE', { outcome: 'Đã chuyển cơ quan chức năng xử lý.' });
    expect(c.state).toBe('closureReview');
    c = await move(t, tt, c, 'APPROVE_CLOSURE', {});
    expect(c.state).toBe('closed.followUp');
    expect((await verifyOf(t, tt, c.id)).valid).toBe(true);
  });

  it('keeps a case@1 case on case@1, and migrates it to case@2 only when told, dry run first, in its chain', async () => {
    const { counsellorA: tv, supervisorA: tt } = w.users;
    const learner = await createLearner(t, tv, w.schoolA);
    const callerA = {
      id: tv.id,
      username: tv.username,
      fullName: 'x',
      roles: ['counsellor' as const],
      schoolIds: [w.schoolA],
      wardId: null,
      requestId: 'test',
    };
    const old = await t.app.get(CaseService).open(
      callerA,
      {
        schoolId: w.schoolA,
        learnerId: learner.id,
        areas: [{ code: 'tam_ly', priority: 1 }],
        channel: 'truc_tiep',
        summary: 'Hồ sơ mở trước khi có case@2.',
        riskLevel: 'medium',
        riskRationale: 'Ban đầu.',
      },
      'case@1',
    );
    let c = await move(t, tv, old, 'START_ASSESSMENT');
    expect(c).toMatchObject({ machineVersion: 'case@1', protection: null, state: 'assessment' });
    expect((await sendEvent(t, tv, c, 'RAISE_PROTECTION_CONCERN', concern)).status).toBe(409);

    const dry = await cli(['migrate-cases', '--to', 'case@2', c.id]);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toContain('WOULD MIGRATE');
    expect((await pg.query(`SELECT machine_version FROM "case" WHERE id = $1`, [c.id])).rows[0].machine_version).toBe(
      'case@1',
    );

    const applied = await cli(['migrate-cases', '--to', 'case@2', '--apply', c.id]);
    expect(applied.code).toBe(0);
    const now = (await t.http().get(`/api/cases/${c.id}`).set(auth(tv)).expect(200)).body;
    expect(now).toMatchObject({
      machineVersion: 'case@2',
      protection: 'none',
      state: 'assessment',
      version: c.version + 1,
    });
    const history = (await historyOf(t, tt, c.id)).filter((h) => h.type !== 'VIEWED');
    expect(history.map((h) => h.type)).toEqual(['CASE_OPENED', 'START_ASSESSMENT', 'MACHINE_MIGRATED']);
    expect(history[2]).toMatchObject({ actorRole: 'system', payload: { from: 'case@1', to: 'case@2' } });
    expect((await verifyOf(t, tt, c.id)).valid).toBe(true);
    c = await move(t, tv, now, 'RAISE_PROTECTION_CONCERN', { ...concern, carerSuspected: false });
    expect((c as unknown as { protection: string }).protection).toBe('open');
  });

  it('refuses to migrate a case whose stored state has no counterpart, and changes nothing', async () => {
    const { counsellorA: tv } = w.users;
    const learner = await createLearner(t, tv, w.schoolA);
    const callerA = {
      id: tv.id,
      username: tv.username,
      fullName: 'x',
      roles: ['counsellor' as const],
      schoolIds: [w.schoolA],
      wardId: null,
      requestId: 'test',
    };
    const old = await t.app.get(CaseService).open(
      callerA,
      {
        schoolId: w.schoolA,
        learnerId: learner.id,
        areas: [{ code: 'tam_ly', priority: 1 }],
        channel: 'truc_tiep',
        summary: 'Hồ sơ cũ.',
        riskLevel: 'low',
        riskRationale: 'Ban đầu.',
      },
      'case@1',
    );
    await pg.query(`UPDATE "case" SET snapshot = jsonb_set(snapshot, '{value}', '"triage"') WHERE id = $1`, [old.id]);
    const before = (await pg.query(`SELECT c::text FROM "case" c WHERE id = $1`, [old.id])).rows;
    const refused = await cli(['migrate-cases', '--to', 'case@2', '--apply', old.id]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('REFUSED');
    expect((await pg.query(`SELECT c::text FROM "case" c WHERE id = $1`, [old.id])).rows).toEqual(before);
  });
});

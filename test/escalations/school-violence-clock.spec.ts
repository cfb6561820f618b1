import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auth, buildWorld, World } from '../support/fixtures';
import { CaseBody, createLearner, move, openCase, PAYLOADS } from '../support/case-helpers';
import { startTestApp, TestApp } from '../support/test-app';
import { DeadlineBody, useEscalationWorld } from '../support/escalation-helpers';

const KIND = 'school_violence_family';
const schoolViolence = {
  kind: 'school_violence',
  facts: 'Em bị nhóm bạn cùng lớp đánh trong giờ ra chơi.',
  carerSuspected: false,
};

// Decree 80/2017 (safe schools): when a case records school violence, the family is to be told within 24 hours
// (DOMAIN.md's default), and the principal hears when it is not.
describe('school violence: the family informed within 24 hours', () => {
  let t: TestApp;
  let w: World;
  const { world, sweep, at, readCase: read, alertLevels } = useEscalationWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });

  const clock = (c: CaseBody) => (c.deadlines as DeadlineBody[]).find((d) => d.kind === KIND);
  const contactFamily = (c: { id: string }, contactedAt: string) =>
    t
      .http()
      .post(`/api/cases/${c.id}/family-contacts`)
      .set(auth(w.users.counsellorA))
      .send({ ...PAYLOADS.familyContact, contactedAt })
      .expect(201);

  it('a school-violence concern starts the clock, which reaches the principal; only a family contact made after it answers it', async () => {
    const { counsellorA: tv, principalA: ht, supervisorA: tt } = w.users;
    at('2026-03-02T09:00:00+07:00'); // Monday
    let c = await openCase(t, w);
    expect(c).toMatchObject({ schoolViolence: false });
    at('2026-03-02T10:00:00+07:00');
    c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', schoolViolence);
    expect(c).toMatchObject({ schoolViolence: true });
    expect(clock(c)).toMatchObject({ dueAt: new Date('2026-03-03T10:00:00+07:00').toISOString() });

    // A call made before the incident was recorded says nothing about it.
    await contactFamily(c, '2026-03-02T08:00:00+07:00');
    expect(clock(await read(c))).toBeDefined();

    at('2026-03-03T09:59:00+07:00');
    await sweep();
    expect(await alertLevels(ht, c)).toEqual([]);
    at('2026-03-03T10:00:00+07:00');
    await sweep();
    expect(await alertLevels(tv, c)).toContain('overdue');
    expect(await alertLevels(tt, c)).toContain('overdue');
    expect(await alertLevels(ht, c)).toEqual(['principal']);

    at('2026-03-03T11:00:00+07:00');
    await contactFamily(c, '2026-03-03T10:30:00+07:00');
    c = await read(c);
    expect(clock(c)).toBeUndefined();
    // Telling the family is not the report to an authority: the concern stays open.
    expect(c).toMatchObject({ protection: 'open', schoolViolence: true });
    const history = (await t.http().get(`/api/cases/${c.id}/history`).set(auth(tt)).expect(200)).body.items as {
      type: string;
      payload: Record<string, unknown>;
    }[];
    expect(
      history.filter((e) => e.type === 'FAMILY_CONTACT_RECORDED').map((e) => e.payload.closedDeadline ?? null),
    ).toEqual([null, KIND]);
  });

  it('a flag at intake starts the same clock; a family notification recorded on the concern answers it too', async () => {
    const { counsellorA: tv } = w.users;
    at('2026-03-04T09:00:00+07:00'); // Wednesday
    const learner = await createLearner(t, tv, w.schoolA);
    const opened = await t
      .http()
      .post('/api/cases')
      .set(auth(tv))
      .send({
        schoolId: w.schoolA,
        learnerId: learner.id,
        areas: [{ code: 'tam_ly', priority: 1 }],
        channel: 'giao_vien',
        summary: 'Giáo viên chủ nhiệm báo em bị bạn đánh trong giờ ra chơi.',
        riskLevel: 'medium',
        riskRationale: 'Có thương tích nhẹ.',
        schoolViolence: true,
      })
      .expect(201);
    let c = opened.body as CaseBody;
    expect(c).toMatchObject({ schoolViolence: true, protection: 'none' });
    expect(clock(c)).toMatchObject({ dueAt: new Date('2026-03-05T09:00:00+07:00').toISOString() });

    // A school-violence concern on the same incident does not start a second clock.
    c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', schoolViolence);
    expect((c.deadlines as DeadlineBody[]).filter((d) => d.kind === KIND)).toHaveLength(1);
    c = await move(t, tv, c, 'RECORD_PROTECTION_NOTIFICATION', {
      recipient: 'gia_dinh',
      notifiedAt: '2026-03-04T09:30:00+07:00',
      notifiedBy: 'Cô Lan',
    });
    expect(clock(c)).toBeUndefined();
    expect(c).toMatchObject({ protection: 'open' });
  });

  it('starts no clock for a case without school violence, nor for a concern of another kind', async () => {
    const { counsellorA: tv } = w.users;
    at('2026-03-09T09:00:00+07:00');
    let c = await openCase(t, w);
    expect(clock(c)).toBeUndefined();
    c = await move(t, tv, c, 'RAISE_PROTECTION_CONCERN', { ...schoolViolence, kind: 'neglect' });
    expect(clock(c)).toBeUndefined();
    expect(c).toMatchObject({ schoolViolence: false });
  });

  it('refuses a flag that is not a boolean with a 400 naming the field, and opens nothing', async () => {
    const { counsellorA: tv } = w.users;
    const learner = await createLearner(t, tv, w.schoolA);
    const bad = await t
      .http()
      .post('/api/cases')
      .set(auth(tv))
      .send({
        schoolId: w.schoolA,
        learnerId: learner.id,
        areas: [{ code: 'tam_ly', priority: 1 }],
        channel: 'giao_vien',
        summary: 'Bị bạn đánh.',
        riskLevel: 'medium',
        riskRationale: 'r',
        schoolViolence: 'có',
      });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('schoolViolence');
  });
});

describe('a ward’s SLA policy sets how long the family may wait after school violence', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    const file = join(tmpdir(), `dh-school-violence-policy-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ deadlines: { [KIND]: { due: { workingHours: 4 } } } }));
    t = await startTestApp({ SLA_POLICY_FILE: file });
    w = await buildWorld(t.app);
  });
  afterAll(() => t?.close());

  it('replaces the 24-hour default', async () => {
    t.clock.set('2026-03-02T09:00:00+07:00'); // Monday: 09:00 + 4 working hours = 15:00 (2.5 h before the lunch break, 1.5 h after)
    let c = await openCase(t, w);
    c = await move(t, w.users.counsellorA, c, 'RAISE_PROTECTION_CONCERN', schoolViolence);
    expect((c.deadlines as DeadlineBody[]).find((d) => d.kind === KIND)).toMatchObject({
      dueAt: new Date('2026-03-02T15:00:00+07:00').toISOString(),
    });
  });
});

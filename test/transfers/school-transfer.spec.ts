import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EscalationSweepService } from '@dh/escalations';
import { packageRefusalOf } from '@dh/transfers';
import { auth, Login, World } from '../support/fixtures';
import { useCliAgainst } from '../support/cli';
import { CaseBody, historyOf, move, openCase, verifyOf } from '../support/case-helpers';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

const PURPOSE = 'Chuyển hồ sơ tư vấn sang trường mới của em.';
const consent = (givenBy: 'guardian' | 'learner') => ({
  givenBy,
  ...(givenBy === 'guardian' ? { guardian: { fullName: 'Trần Thị Mai', relationship: 'mẹ' } } : {}),
  scope: { kind: 'school_transfer', purpose: PURPOSE },
  givenAt: '2026-03-01',
  how: 'van_ban',
});

describe('moving a learner and their open cases to another school', () => {
  let t: TestApp;
  let w: World;
  let pg: Client;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w, pg } = world);
  });
  const cli = useCliAgainst(() => t);

  const post = (by: Login, path: string, body: Record<string, unknown> = {}) =>
    t.http().post(path).set(auth(by)).send(body);
  const caseOf = async (id: string) =>
    (await pg.query(`SELECT school_id, assignee_id, state, version, audit_head_seq FROM "case" WHERE id = $1`, [id]))
      .rows[0];
  const learnerOf = async (caseId: string) =>
    (await pg.query(`SELECT learner_id FROM "case" WHERE id = $1`, [caseId])).rows[0].learner_id as string;
  const deadlinesOf = async (id: string) =>
    (await pg.query(`SELECT kind, due_at, school_id FROM deadline WHERE case_id = $1 ORDER BY kind, due_at`, [id]))
      .rows;
  const moveLearner = async (c: CaseBody) => {
    const asked = await post(w.users.supervisorA, `/api/learners/${await learnerOf(c.id)}/transfers`, {
      toSchoolId: w.schoolB,
    }).expect(201);
    await post(w.users.supervisorB, `/api/transfers/${asked.body.id}/accept`).expect(200);
  };

  it('refuses to move a case without the family’s consent, and changes nothing', async () => {
    const c = await openCase(t, w);
    const before = { row: await caseOf(c.id), deadlines: await deadlinesOf(c.id) };
    const refused = await post(w.users.supervisorA, `/api/cases/${c.id}/transfers`, { toSchoolId: w.schoolB });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'CONSENT_MISSING', details: { missing: ['guardian', 'learner'] } });
    expect(refused.body.message).toContain('cha mẹ hoặc người giám hộ và học sinh');
    // Only the guardian's: the learner, aged 12, must agree too.
    await post(w.users.counsellorA, `/api/cases/${c.id}/consents`, consent('guardian')).expect(201);
    const still = await post(w.users.supervisorA, `/api/cases/${c.id}/transfers`, { toSchoolId: w.schoolB });
    expect(still.status).toBe(422);
    expect(still.body).toMatchObject({ code: 'CONSENT_MISSING', details: { missing: ['learner'] } });
    const rows = await pg.query(`SELECT count(*) FROM case_transfer WHERE case_id = $1`, [c.id]);
    expect(Number(rows.rows[0].count)).toBe(0);
    expect((await caseOf(c.id)).school_id).toBe(before.row.school_id);
    expect(await deadlinesOf(c.id)).toEqual(before.deadlines);
    // A counsellor may not ask at all; bad input names its field.
    await post(w.users.counsellorA, `/api/cases/${c.id}/transfers`, { toSchoolId: w.schoolB }).expect(403);
    const bad = await post(w.users.supervisorA, `/api/cases/${c.id}/transfers`, { toSchoolId: 'x' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('toSchoolId');
  });

  it('moves a consented case on acceptance: new school and assignee, one chain, deadlines kept, the sending school reads only what came before', async () => {
    const c = await openCase(t, w);
    await post(w.users.counsellorA, `/api/cases/${c.id}/consents`, consent('guardian')).expect(201);
    await post(w.users.counsellorA, `/api/cases/${c.id}/consents`, consent('learner')).expect(201);
    const deadlinesBefore = await deadlinesOf(c.id);
    expect(deadlinesBefore.length).toBeGreaterThan(0);

    const asked = await post(w.users.supervisorA, `/api/cases/${c.id}/transfers`, { toSchoolId: w.schoolB }).expect(
      201,
    );
    expect(asked.body).toMatchObject({ kind: 'case', status: 'requested', legalBasis: null });
    expect(asked.body.consentIds).toHaveLength(2);
    // A second request while one waits is refused.
    await post(w.users.supervisorA, `/api/cases/${c.id}/transfers`, { toSchoolId: w.schoolB }).expect(409);

    // The receiving supervisor sees it with its summary; the sending school's list shows it as sent.
    const incoming = await t.http().get('/api/transfers?incoming=true').set(auth(w.users.supervisorB)).expect(200);
    const seen = incoming.body.items.find((i: { id: string }) => i.id === asked.body.id);
    expect(seen.summary).toMatchObject({
      code: c.code,
      state: 'intake',
      riskLevel: 'medium',
      areas: ['tam_ly', 'hoc_tap'],
      protection: false,
    });
    expect(seen.summary.deadlines.length).toBe(deadlinesBefore.length);
    const outgoingB = await t.http().get('/api/transfers').set(auth(w.users.supervisorB)).expect(200);
    expect(outgoingB.body.items.some((i: { id: string }) => i.id === asked.body.id)).toBe(false);

    // Only the receiving school answers; the learner must move first; the assignee must be its counsellor.
    await post(w.users.supervisorA, `/api/transfers/${asked.body.id}/accept`, {
      assigneeId: w.users.counsellorB.id,
    }).expect(404);
    await post(w.users.supervisorB, `/api/transfers/${asked.body.id}/accept`, {
      assigneeId: w.users.counsellorB.id,
    }).expect(409);
    await moveLearner(c);
    await post(w.users.supervisorB, `/api/transfers/${asked.body.id}/accept`, {
      assigneeId: w.users.counsellorA.id,
    }).expect(422);
    const accepted = await post(w.users.supervisorB, `/api/transfers/${asked.body.id}/accept`, {
      assigneeId: w.users.counsellorB.id,
    }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', assigneeId: w.users.counsellorB.id });

    const row = await caseOf(c.id);
    expect(row).toMatchObject({ school_id: w.schoolB, assignee_id: w.users.counsellorB.id });
    expect((await deadlinesOf(c.id)).map((d) => ({ ...d, school_id: w.schoolA }))).toEqual(deadlinesBefore);
    expect((await deadlinesOf(c.id)).every((d) => d.school_id === w.schoolB)).toBe(true);

    // The receiving counsellor works the case.
    const atB = (await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.counsellorB)).expect(200)).body;
    const assessing = await move(t, w.users.counsellorB, atB, 'START_ASSESSMENT');
    expect(assessing.state).toBe('assessment');

    // One chain across both schools, whole.
    const history = await historyOf(t, w.users.supervisorB, c.id);
    const transferred = history.find((h) => h.type === 'CASE_TRANSFERRED');
    expect(transferred?.seq).toBe(accepted.body.transferSeq);
    expect(transferred?.payload).toMatchObject({ fromSchoolId: w.schoolA, toSchoolId: w.schoolB });
    // The receiving supervisor's REASSIGN right after it, then the receiving counsellor's own work.
    const types = history.map((h) => h.type);
    const at = types.indexOf('CASE_TRANSFERRED');
    expect(types[at + 1]).toBe('REASSIGN');
    expect(history[at + 1].payload).toMatchObject({ assigneeId: w.users.counsellorB.id });
    expect(types.at(-1)).toBe('START_ASSESSMENT');
    expect((await verifyOf(t, w.users.supervisorB, c.id)).valid).toBe(true);

    // The sending school: the case is gone from its reach, its trail up to the transfer still read.
    await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.supervisorA)).expect(404);
    await t.http().get(`/api/cases/${c.id}/history`).set(auth(w.users.supervisorA)).expect(404);
    const kept = await t
      .http()
      .get(`/api/transfers/${asked.body.id}/history`)
      .set(auth(w.users.supervisorA))
      .expect(200);
    const keptTypes = kept.body.items.map((i: { type: string }) => i.type);
    expect(keptTypes[0]).toBe('CASE_OPENED');
    expect(keptTypes.at(-1)).toBe('CASE_TRANSFERRED');
    expect(keptTypes).not.toContain('START_ASSESSMENT');
    expect(Math.max(...kept.body.items.map((i: { seq: number }) => i.seq))).toBe(accepted.body.transferSeq);
    // Nobody else reads it through the transfer: another school's, or one who never held the case.
    await t.http().get(`/api/transfers/${asked.body.id}/history`).set(auth(w.users.counsellorB)).expect(404);
  });

  it('moves a case with a protection concern without consent, its legal basis recorded', async () => {
    let c = await openCase(t, w);
    c = await move(t, w.users.counsellorA, c, 'RAISE_PROTECTION_CONCERN', {
      kind: 'abuse',
      facts: 'Em có vết bầm tím, kể bị đánh.',
      carerSuspected: true,
    });
    const asked = await post(w.users.supervisorA, `/api/cases/${c.id}/transfers`, { toSchoolId: w.schoolB }).expect(
      201,
    );
    expect(asked.body.legalBasis).toMatchObject({ consentRequired: false, basis: expect.stringContaining('Điều 51') });
    expect(asked.body.consentIds).toEqual([]);
    await moveLearner(c);
    const accepted = await post(w.users.supervisorB, `/api/transfers/${asked.body.id}/accept`, {
      assigneeId: w.users.counsellorB.id,
    }).expect(200);
    expect(accepted.body.legalBasis).toMatchObject({ consentRequired: false });
    const history = await historyOf(t, w.users.supervisorB, c.id);
    expect(history.find((h) => h.type === 'CASE_TRANSFERRED')?.payload).toMatchObject({
      legalBasis: { consentRequired: false },
      consentIds: [],
    });
    expect((await verifyOf(t, w.users.supervisorB, c.id)).valid).toBe(true);
  });

  it('a declined request leaves the case as it was', async () => {
    const c = await openCase(t, w);
    await post(w.users.counsellorA, `/api/cases/${c.id}/consents`, consent('guardian')).expect(201);
    await post(w.users.counsellorA, `/api/cases/${c.id}/consents`, consent('learner')).expect(201);
    const asked = await post(w.users.supervisorA, `/api/cases/${c.id}/transfers`, { toSchoolId: w.schoolB }).expect(
      201,
    );
    const before = { row: await caseOf(c.id), deadlines: await deadlinesOf(c.id) };
    await post(w.users.supervisorB, `/api/transfers/${asked.body.id}/decline`, { reason: '' }).expect(400);
    const declined = await post(w.users.supervisorB, `/api/transfers/${asked.body.id}/decline`, {
      reason: 'Học sinh chưa nhập học tại trường.',
    }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Học sinh chưa nhập học tại trường.' });
    // The reason is sealed where it is stored, the row and the case's trail, and the chronology shows it masked.
    const row = await pg.query(`SELECT decline_reason FROM case_transfer WHERE id = $1`, [asked.body.id]);
    expect(row.rows[0].decline_reason).toMatch(/^dh1:/);
    const event = await pg.query(
      `SELECT payload FROM audit_event WHERE case_id = $1 AND type = 'CASE_TRANSFER_DECLINED'`,
      [c.id],
    );
    expect(event.rows[0].payload.reason).toMatch(/^dh1:/);
    const chronology = await t.http().get(`/api/cases/${c.id}/chronology`).set(auth(w.users.supervisorA)).expect(200);
    expect(JSON.stringify(chronology.body)).toContain('Trường nhận từ chối chuyển hồ sơ');
    expect(JSON.stringify(chronology.body)).not.toContain('chưa nhập học');
    // Both schools still read it on the request.
    const seen = await t.http().get(`/api/transfers/${asked.body.id}`).set(auth(w.users.supervisorA)).expect(200);
    expect(seen.body.declineReason).toBe('Học sinh chưa nhập học tại trường.');
    const after = await caseOf(c.id);
    expect({ ...after, audit_head_seq: 0 }).toEqual({ ...before.row, audit_head_seq: 0 });
    expect(await deadlinesOf(c.id)).toEqual(before.deadlines);
    await post(w.users.supervisorB, `/api/transfers/${asked.body.id}/accept`, {
      assigneeId: w.users.counsellorB.id,
    }).expect(409);
    await t.http().get(`/api/cases/${c.id}`).set(auth(w.users.counsellorA)).expect(200);
    expect((await verifyOf(t, w.users.supervisorA, c.id)).valid).toBe(true);
  });

  it('builds a transfer package whose signed JSON verifies, and a tampered one does not', async () => {
    const c = await openCase(t, w);
    await post(w.users.supervisorA, `/api/cases/${c.id}/transfer-package`).expect(422);
    await post(w.users.counsellorA, `/api/cases/${c.id}/consents`, consent('guardian')).expect(201);
    await post(w.users.counsellorA, `/api/cases/${c.id}/consents`, consent('learner')).expect(201);
    const res = await post(w.users.supervisorA, `/api/cases/${c.id}/transfer-package`).expect(200);
    const pkg = res.body.package;
    expect(Buffer.from(res.body.summaryDocx, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(pkg.case).toMatchObject({ code: c.code, summary: 'Giáo viên chủ nhiệm báo em thường xuyên buồn bã.' });
    expect(pkg.events.at(-1).type).toBe('CASE_EXPORTED');
    expect(packageRefusalOf(pkg)).toBeNull();
    // The export is in the case's own chain, which still verifies.
    const history = await historyOf(t, w.users.supervisorA, c.id);
    expect(history.at(-1)?.type).toBe('CASE_EXPORTED');
    expect((await verifyOf(t, w.users.supervisorA, c.id)).valid).toBe(true);

    const changed = structuredClone(pkg);
    changed.case.riskLevel = 'low';
    expect(packageRefusalOf(changed)).toMatch(/digest/);
    // Re-digested after the change, the signature no longer holds.
    const { packageDigestOf } = await import('@dh/transfers');
    const redigested = structuredClone(pkg);
    redigested.events[0].payload.summary = 'khác';
    redigested.digest = packageDigestOf(redigested);
    expect(packageRefusalOf(redigested)).toMatch(/signature/);

    // The operator's CLI checks a package file offline, as the receiving installation would.
    const dir = mkdtempSync(join(tmpdir(), 'dh-package-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(pkg));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(changed));
    const good = await cli(['verify', '--package', join(dir, 'good.json')]);
    expect(good).toMatchObject({ code: 0 });
    expect(good.out).toContain(pkg.keyFingerprint);
    const bad = await cli(['verify', '--package', join(dir, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('digest does not match');
  });

  // Last in the file: it moves the world's clock on by weeks.
  it('a request left unanswered for ten working days expires at the sweep, and the sending school is told', async () => {
    const c = await openCase(t, w);
    await post(w.users.counsellorA, `/api/cases/${c.id}/consents`, consent('guardian')).expect(201);
    await post(w.users.counsellorA, `/api/cases/${c.id}/consents`, consent('learner')).expect(201);
    t.clock.set('2026-03-02T02:00:00Z'); // Monday 09:00 in Hà Nội
    const asked = await post(w.users.supervisorA, `/api/cases/${c.id}/transfers`, { toSchoolId: w.schoolB }).expect(
      201,
    );
    const learnerAsked = await post(w.users.supervisorA, `/api/learners/${await learnerOf(c.id)}/transfers`, {
      toSchoolId: w.schoolB,
    }).expect(201);
    const sweep = () => t.app.get(EscalationSweepService).sweepOnce();
    const statusOf = async () =>
      (await t.http().get(`/api/transfers/${asked.body.id}`).set(auth(w.users.supervisorA)).expect(200)).body;

    // Ten working days on the calendar run to the end of Monday 16 March's working day: still waiting at its 16:00.
    t.clock.set('2026-03-16T09:00:00Z');
    await sweep();
    expect((await statusOf()).status).toBe('requested');

    // Tuesday 09:00: past them, expired at the sweep.
    t.clock.set('2026-03-17T02:00:00Z');
    await sweep();
    const expired = await statusOf();
    expect(expired).toMatchObject({ status: 'expired', answeredBy: null, answeredAt: '2026-03-17T02:00:00.000Z' });
    const outgoing = await t.http().get('/api/transfers').set(auth(w.users.supervisorA)).expect(200);
    expect(outgoing.body.items.find((i: { id: string }) => i.id === asked.body.id)?.status).toBe('expired');
    // The learner's record's request too, recorded in the admin chain.
    expect(outgoing.body.items.find((i: { id: string }) => i.id === learnerAsked.body.id)?.status).toBe('expired');
    const adminEvents = await pg.query(
      `SELECT actor_role FROM admin_audit_event WHERE type = 'LEARNER_TRANSFER_EXPIRED' AND payload->>'transferId' = $1`,
      [learnerAsked.body.id],
    );
    expect(adminEvents.rows).toEqual([{ actor_role: 'system' }]);

    // The receiving school can no longer answer it; the sending school may ask again.
    await post(w.users.supervisorB, `/api/transfers/${asked.body.id}/accept`, {
      assigneeId: w.users.counsellorB.id,
    }).expect(409);
    const history = await historyOf(t, w.users.supervisorA, c.id);
    expect(history.at(-1)).toMatchObject({ type: 'CASE_TRANSFER_EXPIRED', actorRole: 'system' });
    expect((await verifyOf(t, w.users.supervisorA, c.id)).valid).toBe(true);
    const alerts = await t
      .http()
      .get('/api/alerts')
      .query({ level: 'transfer_expired', caseId: c.id })
      .set(auth(w.users.supervisorA))
      .expect(200);
    expect(alerts.body.items).toHaveLength(1);
    expect(alerts.body.items[0].reason).toContain(`Đề nghị chuyển hồ sơ ${c.code}`);
    expect(alerts.body.items[0].reason).toContain('10 ngày làm việc');

    // A second sweep changes nothing more; a new request is taken.
    await sweep();
    const again = await historyOf(t, w.users.supervisorA, c.id);
    expect(again.filter((h) => h.type === 'CASE_TRANSFER_EXPIRED')).toHaveLength(1);
    await post(w.users.supervisorA, `/api/cases/${c.id}/transfers`, { toSchoolId: w.schoolB }).expect(201);
  });
});

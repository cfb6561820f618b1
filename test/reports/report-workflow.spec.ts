import { AuditService, hashEvent } from '@dh/audit';
import { EscalationSweepService } from '@dh/escalations';
import { auth, Login, World } from '../support/fixtures';
import { CaseBody, openCase } from '../support/case-helpers';
import { useCliAgainst } from '../support/cli';
import { TestApp } from '../support/test-app';
import { useTestWorld } from '../support/test-world';

const YEAR = '2026-2027';

type ReportBody = {
  id: string;
  status: string;
  version: number;
  figures: { casesOpened: { total: number | string } };
  texts: Record<string, string>;
  anchorDigest: string | null;
  anchoredChains: number;
  contentDigest: string;
  history: { kind: string; reason: string | null; anchorDigest: string | null }[];
};

// A school's semester I report from draft to accepted, every refused step on the way, and its anchor: after
// someone rewrites a case's past and makes the chain consistent again, the digest on the paper still tells.
describe('a school’s report to the ward', () => {
  let t: TestApp;
  let w: World;
  const world = useTestWorld();
  beforeAll(() => {
    ({ t, w } = world);
  });
  const cli = useCliAgainst(() => world.t);

  const post = (who: Login, path: string, body: object) => t.http().post(path).set(auth(who)).send(body);
  const read = async (who: Login, id: string): Promise<ReportBody> =>
    (await t.http().get(`/api/reports/${id}`).set(auth(who)).expect(200)).body;
  const clockClosed = async (schoolId: string) =>
    (
      await world.pg.query(`SELECT closed_at FROM deadline WHERE school_id = $1 AND kind = 'report_semester1'`, [
        schoolId,
      ])
    ).rows.map((r) => r.closed_at !== null);

  let report: ReportBody;
  const cases: CaseBody[] = [];

  it('is drafted by a school leader, its figures frozen until refreshed, its texts edited with the version read', async () => {
    const { supervisorA: tt, counsellorA: tv, principalB: htB, wardW: vh } = w.users;
    t.clock.set('2026-12-01T09:00:00+07:00');
    await t.app.get(EscalationSweepService).sweepOnce();
    cases.push(await openCase(t, w));
    const body = { schoolId: w.schoolA, kind: 'semester_1', schoolYear: YEAR };

    await post(tv, '/api/reports', body).expect(403);
    await post(vh, '/api/reports', body).expect(403);
    await post(htB, '/api/reports', body).expect(404);
    const bad = await post(tt, '/api/reports', { ...body, kind: 'monthly', schoolYear: '2026-2028' }).expect(400);
    expect(bad.body.details.map((f: { field: string }) => f.field).sort()).toEqual(['kind', 'schoolYear']);
    const noIncident = await post(tt, '/api/reports', { ...body, kind: 'incident' }).expect(400);
    expect(noIncident.body.details.map((f: { field: string }) => f.field)).toEqual(['incident']);
    expect((await world.pg.query(`SELECT count(*)::int AS n FROM report`)).rows[0].n).toBe(0);

    report = (await post(tt, '/api/reports', body).expect(201)).body;
    expect(report).toMatchObject({ status: 'draft', version: 1, anchorDigest: null });
    expect(report.figures.casesOpened.total).toBe(1);
    expect((await post(tt, '/api/reports', body).expect(409)).body.code).toBe('REPORT_EXISTS');

    cases.push(await openCase(t, w));
    expect((await read(tt, report.id)).figures.casesOpened.total).toBe(1);
    report = (await post(tt, `/api/reports/${report.id}/refresh`, { version: 1 }).expect(200)).body;
    expect(report.figures.casesOpened.total).toBe(2);

    const edit = (version: number, texts: object) =>
      t.http().patch(`/api/reports/${report.id}`).set(auth(tt)).send({ version, texts });
    const long = await edit(report.version, { direction: 'x'.repeat(10_001) }).expect(400);
    expect(long.body.details.map((f: { field: string }) => f.field)).toEqual(['texts.direction']);
    report = (
      await edit(report.version, { direction: 'Triển khai theo Thông tư 18/2025.', results: 'Tốt.' }).expect(200)
    ).body;
    expect(report.texts).toMatchObject({
      direction: 'Triển khai theo Thông tư 18/2025.',
      results: 'Tốt.',
      proposals: '',
    });
    expect((await edit(report.version - 1, { results: 'Khác.' }).expect(409)).body.code).toBe('STALE_REPORT');
    // Not sent yet: the ward does not see it.
    await t.http().get(`/api/reports/${report.id}`).set(auth(vh)).expect(404);
  });

  it('is submitted by the principal only: frozen, anchored, its clock stopped; the ward reads it suppressed', async () => {
    const { supervisorA: tt, principalA: ht, wardW: vh } = w.users;
    await post(tt, `/api/reports/${report.id}/submit`, { version: report.version }).expect(403);
    report = (await post(ht, `/api/reports/${report.id}/submit`, { version: report.version }).expect(200)).body;
    expect(report.status).toBe('submitted');
    expect(report.anchorDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(report.anchoredChains).toBe(2);
    expect(await clockClosed(w.schoolA)).toEqual([true]);
    expect(await clockClosed(w.schoolB)).toEqual([false]);
    const locked = await t
      .http()
      .patch(`/api/reports/${report.id}`)
      .set(auth(ht))
      .send({ version: report.version, texts: { results: 'Sửa sau khi nộp.' } })
      .expect(409);
    expect(locked.body.code).toBe('REPORT_NOT_DRAFT');

    const seen = await read(vh, report.id);
    // Two cases: a count of learners the ward may not read exactly.
    expect(seen.figures.casesOpened.total).toBe('<5');
    expect(seen.texts.direction).toBe('Triển khai theo Thông tư 18/2025.');
  });

  it('is returned by the ward officer with a reason, submitted again and accepted, then locked; each step recorded', async () => {
    const { principalA: ht, wardW: vh } = w.users;
    await post(ht, `/api/reports/${report.id}/return`, { version: report.version, reason: 'Thiếu số liệu.' }).expect(
      403,
    );
    const noReason = await post(vh, `/api/reports/${report.id}/return`, { version: report.version }).expect(400);
    expect(noReason.body.details.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const firstAnchor = report.anchorDigest;
    report = (
      await post(vh, `/api/reports/${report.id}/return`, {
        version: report.version,
        reason: 'Bổ sung phần khó khăn.',
      }).expect(200)
    ).body;
    expect(report.status).toBe('draft');
    expect(await clockClosed(w.schoolA)).toEqual([true]);
    // Returned, it stays readable by the ward.
    await read(vh, report.id);
    await post(vh, `/api/reports/${report.id}/accept`, { version: report.version }).expect(409);

    report = (
      await t
        .http()
        .patch(`/api/reports/${report.id}`)
        .set(auth(ht))
        .send({ version: report.version, texts: { difficulties: 'Thiếu phòng tư vấn riêng.' } })
        .expect(200)
    ).body;
    report = (await post(ht, `/api/reports/${report.id}/submit`, { version: report.version }).expect(200)).body;
    report = (await post(vh, `/api/reports/${report.id}/accept`, { version: report.version }).expect(200)).body;
    expect(report.status).toBe('accepted');
    const again = await post(vh, `/api/reports/${report.id}/return`, { version: report.version, reason: 'Lại.' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REPORT_NOT_SUBMITTED');

    expect(report.history.map((h) => h.kind)).toEqual([
      'created',
      'refreshed',
      'edited',
      'submitted',
      'returned',
      'edited',
      'submitted',
      'accepted',
    ]);
    expect(report.history[3].anchorDigest).toBe(firstAnchor);
    expect(report.history[4].reason).toBe('Bổ sung phần khó khăn.');
    const chain = await world.pg.query(
      `SELECT type, payload->>'contentDigest' AS digest FROM admin_audit_event WHERE subject_id = $1 ORDER BY seq`,
      [report.id],
    );
    expect(chain.rows.map((r) => r.type)).toEqual(report.history.map((h) => `REPORT_${h.kind.toUpperCase()}`));
    expect(chain.rows.at(-1).digest).toBe(report.contentDigest);
  });

  it('its anchor names a case whose past was rewritten and made consistent again; an untouched school passes', async () => {
    const { principalA: ht, principalB: htB } = w.users;
    const verify = async () =>
      (await t.http().get(`/api/reports/${report.id}/anchor/verify`).set(auth(ht)).expect(200)).body;
    expect(await verify()).toMatchObject({ ok: true, anchorIntact: true, checked: 2, broken: [] });

    // School B anchors its own report, with a case of its own.
    const caseB = await openCase(t, w, { by: w.users.counsellorB, schoolId: w.schoolB });
    const reportB = (
      await post(htB, '/api/reports', { schoolId: w.schoolB, kind: 'semester_1', schoolYear: YEAR }).expect(201)
    ).body;
    const submittedB = (await post(htB, `/api/reports/${reportB.id}/submit`, { version: 1 }).expect(200)).body;
    expect(submittedB.anchoredChains).toBe(1);
    void caseB;

    // Someone with the database's keys moves the first event of a case a day back, then rehashes the chain and
    // the case's head so that the chain alone verifies.
    const victim = cases[0];
    const events = await t.app.get(AuditService).history(victim.id);
    events[0].at = new Date(events[0].at.getTime() - 86_400_000);
    await world.pg.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
    try {
      let prev: string | null = null;
      for (const e of events) {
        e.prevHash = prev;
        e.hash = hashEvent(e);
        prev = e.hash;
        await world.pg.query(
          `UPDATE audit_event SET at = $3, prev_hash = $4, hash = $5 WHERE case_id = $1 AND seq = $2`,
          [e.caseId, e.seq, e.at, e.prevHash, e.hash],
        );
      }
    } finally {
      await world.pg.query(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    }
    await world.pg.query(`UPDATE "case" SET audit_head_hash = $2 WHERE id = $1`, [victim.id, events.at(-1)!.hash]);
    const chainAlone = await cli(['verify', victim.id]);
    expect(chainAlone.code).toBe(0);

    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: false, anchorIntact: true, checked: 2 });
    expect(verdict.broken).toEqual([expect.objectContaining({ caseId: victim.id, code: victim.code as string })]);

    const byDigest = await cli(['verify', '--against', report.anchorDigest!]);
    expect(byDigest.code).toBe(1);
    expect(byDigest.err).toContain(`HỎNG / BROKEN case ${victim.id} (${victim.code})`);
    expect(byDigest.err).not.toContain(cases[1].id);
    const untouched = await cli(['verify', '--against', submittedB.anchorDigest]);
    expect(untouched.err).toBe('');
    expect(untouched.code).toBe(0);
    const unknown = await cli(['verify', '--against', 'f'.repeat(64)]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('NOT FOUND');
  });
});

// Cost of one case transition through the engine (lock, machine, row, audit chain, commit),
// against a baseline measured in the same run: the bare SQL of the same writes, without the engine.
// Run: npm run build && node dist/bench/transition.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { CaseService, CaseTransitionService } from '@dh/cases';
import { Caller, UserService } from '@dh/identity';
import { LearnerService } from '@dh/learners';
import { withBenchApp } from './bench-app';

const N = Number(process.env.BENCH_N ?? 500);

const main = (): Promise<void> =>
  withBenchApp('transition', async (app, url) => {
    const users = app.get(UserService);
    const ward = await users.createWard('B', 'Bench');
    const school = await users.createSchool(ward.id, 'BB', 'Bench school');
    const u = await users.createUser({
      username: 'bench',
      fullName: 'Bench',
      password: 'bench-password',
      roles: ['counsellor'],
      schoolIds: [school.id],
    });
    const caller: Caller = {
      id: u.id,
      username: 'bench',
      fullName: 'Bench',
      roles: ['counsellor'],
      schoolIds: [school.id],
      wardId: null,
      requestId: 'bench',
    };
    const learner = await app.get(LearnerService).create(caller, {
      schoolId: school.id,
      fullName: 'Bench Learner',
      dateOfBirth: '2013-01-01',
      sex: 'nam',
      className: '7A',
    });
    const opened = await app.get(CaseService).open(caller, {
      schoolId: school.id,
      learnerId: learner.id,
      areas: [{ code: 'tam_ly', priority: 1 }],
      channel: 'truc_tiep',
      summary: 'bench',
      riskLevel: 'low',
      riskRationale: 'bench',
    });
    const transitions = app.get(CaseTransitionService);
    let c = await transitions.apply(caller, opened.id, { type: 'START_ASSESSMENT', payload: {}, expectedVersion: 1 });

    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) {
      c = await transitions.apply(caller, c.id, {
        type: 'ADD_NOTE',
        payload: { text: `ghi chú ${i}` },
        expectedVersion: c.version,
      });
    }
    const engineMs = Number(process.hrtime.bigint() - t0) / 1e6;

    // Transitions that also keep a record row (libs/records' hook, sealed columns): a plan submitted and revised
    // in turn, each a support_plan row beside the case row and the audit event.
    c = await transitions.apply(caller, c.id, {
      type: 'COMPLETE_ASSESSMENT',
      payload: { riskLevel: 'low', riskRationale: 'bench', difficulties: 'bench', needs: 'bench' },
      expectedVersion: c.version,
    });
    const plan = {
      goals: ['Ổn định giấc ngủ'],
      responsible: 'Cô Lan',
      reviewDate: '2026-04-15',
      activities: ['Tham vấn cá nhân'],
      timeAndPlace: 'Phòng tư vấn',
    };
    const t2 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) {
      const revise = c.state === 'monitoring';
      c = await transitions.apply(caller, c.id, {
        type: revise ? 'REVISE_PLAN' : 'SUBMIT_PLAN',
        payload: revise ? { ...plan, reason: `lần ${i}` } : plan,
        expectedVersion: c.version,
      });
    }
    const recordsMs = Number(process.hrtime.bigint() - t2) / 1e6;

    // Baseline: the same statements by hand (lock, update, append), no machine, no hashing, no ORM.
    const pg = new Client({ connectionString: url });
    await pg.connect();
    const t1 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) {
      await pg.query('BEGIN');
      const { rows } = await pg.query(`SELECT version FROM "case" WHERE id = $1 FOR UPDATE`, [c.id]);
      const { rows: last } = await pg.query(`SELECT max(seq) AS seq FROM audit_event WHERE case_id = $1`, [c.id]);
      await pg.query(`UPDATE "case" SET version = $2, updated_at = now() WHERE id = $1`, [c.id, rows[0].version + 1]);
      await pg.query(
        `INSERT INTO audit_event (case_id, seq, school_id, type, payload, at, hash) VALUES ($1, $2, $3, 'BASELINE', $4, now(), $5)`,
        [c.id, last[0].seq + 1, school.id, JSON.stringify({ text: `ghi chú ${i}` }), randomUUID()],
      );
      await pg.query('COMMIT');
    }
    const baselineMs = Number(process.hrtime.bigint() - t1) / 1e6;
    await pg.end();

    console.log(`transitions: ${N}`);
    console.log(
      `engine:   ${engineMs.toFixed(0)} ms, ${(engineMs / N).toFixed(2)} ms per transition, ${((N * 1000) / engineMs).toFixed(0)}/s`,
    );
    console.log(`baseline: ${baselineMs.toFixed(0)} ms, ${(baselineMs / N).toFixed(2)} ms per transaction (bare SQL)`);
    console.log(`ratio engine/baseline: ${(engineMs / baselineMs).toFixed(2)}`);
    console.log(
      `with a record row (SUBMIT_PLAN / REVISE_PLAN): ${recordsMs.toFixed(0)} ms, ${(recordsMs / N).toFixed(2)} ms per transition`,
    );
    console.log(`ratio records/baseline: ${(recordsMs / baselineMs).toFixed(2)}`);
  });

void main();

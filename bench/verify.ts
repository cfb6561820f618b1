// `verify` over every chain: 200,000 events in 20,000 valid chains of ten, planted with the real hash function, then
// CaseChainVerifier.verifyAll timed (median of five sweeps after a first one, which starts the threads and is printed
// apart). The baseline: SHA-256 of the same canonical bytes in one thread, no database (median of five). Prints
// events/s of both and the ratio.
// BENCH_WORKERS sets the sweep's threads, each reading and hashing on a connection of its own (default: one per
// core; 0: all in the sweep's own thread).
// Run: npm run build && node dist/bench/verify.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { ChainedFields, hashEvent } from '@dh/audit';
import { CaseChainVerifier } from '@dh/cases';
import { UserService } from '@dh/identity';
import { withBenchApp } from './bench-app';

const CASES = 20_000;
const PER_CASE = 10;
const ROUNDS = 5;
const INSERT_ROWS = 10_000;
const workers = process.env.BENCH_WORKERS === undefined ? undefined : Number(process.env.BENCH_WORKERS);

const NOTES = [
  'Học sinh trao đổi về áp lực học tập trước kỳ kiểm tra giữa kỳ; đã hẹn buổi tiếp theo.',
  'Gọi điện cho phụ huynh: gia đình đồng ý phối hợp theo dõi việc đi học đều.',
  'Giáo viên chủ nhiệm báo em đã ổn định hơn, bạn bè trong lớp hỗ trợ tích cực.',
  'Em chia sẻ về mâu thuẫn với bạn cùng bàn; thống nhất cách nói chuyện khi căng thẳng.',
];

// One case's chain as the engine writes it: opened, assessment started, then notes, each linked to the one before.
const chainOf = (caseId: string, schoolId: string, actorId: string, learnerId: string, n: number): ChainedFields[] => {
  const start = Date.UTC(2026, 8, 7, 1, 0, 0) + n * 60_000;
  const out: (ChainedFields & { hash: string })[] = [];
  for (let seq = 1; seq <= PER_CASE; seq++) {
    const [type, fromState, toState, payload]: [string, string | null, string, Record<string, unknown>] =
      seq === 1
        ? [
            'CASE_OPENED',
            null,
            'intake',
            {
              code: `B-${n}`,
              learnerId,
              areas: [{ code: 'hoc_tap', priority: 1 }],
              channel: 'giao_vien',
              summary: 'Giáo viên chủ nhiệm báo học sinh nghỉ học nhiều buổi, thiếu tập trung trong giờ học.',
              riskLevel: 'medium',
              riskRationale: 'Nghỉ học kéo dài, chưa có dấu hiệu nguy hiểm trước mắt.',
              assigneeId: actorId,
              machineVersion: 'v2',
              reporter: { anonymous: false },
              receivedAt: new Date(start).toISOString(),
            },
          ]
        : seq === 2
          ? ['START_ASSESSMENT', 'intake', 'assessment', {}]
          : ['ADD_NOTE', 'assessment', 'assessment', { text: NOTES[(n + seq) % NOTES.length] }];
    const fields: ChainedFields = {
      caseId,
      seq,
      schoolId,
      type,
      fromState,
      toState,
      actorId,
      actorRole: 'counsellor',
      payload,
      requestId: `bench-${n}-${seq}`,
      at: new Date(start + seq * 3_600_000 + (n % 1000)),
      prevHash: out[seq - 2]?.hash ?? null,
    };
    out.push({ ...fields, hash: hashEvent(fields) });
  }
  return out;
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = async (fn: () => unknown): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const rounds = async (fn: () => unknown): Promise<number> => {
  await fn(); // warm-up: connections, plans, threads and compiled code, paid once on both sides
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) out.push(await timed(fn));
  return median(out);
};

const main = (): Promise<void> =>
  withBenchApp('verify', async (app, url) => {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      const users = app.get(UserService);
      const ward = await users.createWard('B', 'Phường Bench');
      const school = await users.createSchool(ward.id, 'S001', 'Trường Bench');
      const counsellor = await users.createUser({
        username: 'tv.bench',
        fullName: 'Tư vấn viên',
        password: 'bench-password',
        roles: ['counsellor'],
        schoolIds: [school.id],
      });

      // Cases and learners by SQL; then each chain hashed here and written 10,000 rows a statement.
      const seeding = await timed(async () => {
        const cases = (
          await pg.query(
            `WITH p AS (SELECT gen_random_uuid() AS case_id, gen_random_uuid() AS learner_id, g
                          FROM generate_series(1, $2::int) g),
                  l AS (INSERT INTO learner (id, school_id, full_name, name_key, date_of_birth, sex, class_name,
                                             guardians, skeleton_key)
                        SELECT learner_id, $1, 'Học sinh ' || g, 'hoc sinh ' || g, date '2012-01-01', 'nam', '7A',
                               '[]', 'hs' || g FROM p)
             SELECT case_id, learner_id, g FROM p ORDER BY g`,
            [school.id, CASES],
          )
        ).rows as { case_id: string; learner_id: string; g: number }[];
        const chains = cases.map((c) => chainOf(c.case_id, school.id, counsellor.id, c.learner_id, c.g));
        const opened = new Date(Date.UTC(2026, 8, 7));
        await pg.query(
          `INSERT INTO "case" (id, school_id, code, learner_id, areas, channel, summary, risk_level, risk_rationale,
                               assignee_id, opened_by, state, snapshot, machine_version, version, created_at,
                               updated_at, received_at, audit_head_seq, audit_head_hash)
           SELECT id, $1, 'B-' || n, learner, '[{"code":"hoc_tap","priority":1}]', 'giao_vien', 'Bench', 'medium',
                  'Bench', $2, $2, 'assessment', '{}', 'v2', $3, $4, $4, $4, $3, head
             FROM unnest($5::uuid[], $6::uuid[], $7::int[], $8::text[]) AS u(id, learner, n, head)`,
          [
            school.id,
            counsellor.id,
            PER_CASE,
            opened,
            cases.map((c) => c.case_id),
            cases.map((c) => c.learner_id),
            cases.map((c) => c.g),
            chains.map((ch) => (ch[ch.length - 1] as ChainedFields & { hash: string }).hash),
          ],
        );
        const events = chains.flat() as (ChainedFields & { hash: string })[];
        for (let i = 0; i < events.length; i += INSERT_ROWS) {
          const part = events.slice(i, i + INSERT_ROWS);
          const column = <T>(f: (e: (typeof part)[number]) => T): T[] => part.map(f);
          await pg.query(
            `INSERT INTO audit_event (case_id, seq, school_id, type, from_state, to_state, actor_id, actor_role,
                                      payload, request_id, at, prev_hash, hash)
             SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                                  $8::text[], $9::jsonb[], $10::text[], $11::timestamptz[], $12::text[], $13::text[])`,
            [
              column((e) => e.caseId),
              column((e) => e.seq),
              column((e) => e.schoolId),
              column((e) => e.type),
              column((e) => e.fromState),
              column((e) => e.toState),
              column((e) => e.actorId),
              column((e) => e.actorRole),
              column((e) => JSON.stringify(e.payload)),
              column((e) => e.requestId),
              column((e) => e.at.toISOString()),
              column((e) => e.prevHash),
              column((e) => e.hash),
            ],
          );
        }
        await pg.query('VACUUM ANALYZE audit_event');
        await pg.query('VACUUM ANALYZE "case"');
        await pg.query('CHECKPOINT');
      });

      // The baseline's bytes: the canonical JSON every stored hash was taken over (checked against them).
      const { rows } = await pg.query(
        `SELECT case_id AS "caseId", seq, school_id AS "schoolId", type, from_state AS "fromState",
                to_state AS "toState", actor_id AS "actorId", actor_role AS "actorRole", payload,
                request_id AS "requestId", at, prev_hash AS "prevHash", hash
           FROM audit_event ORDER BY case_id, seq`,
      );
      const bytes = (rows as (ChainedFields & { hash: string })[]).map((e) => {
        const { hash, ...fields } = e;
        const b = Buffer.from(canonicalize({ ...fields, at: e.at.toISOString() }) as string, 'utf8');
        if (createHash('sha256').update(b).digest('hex') !== hash) throw new Error(`bytes differ at ${e.caseId}`);
        return b;
      });
      const totalBytes = bytes.reduce((n, b) => n + b.length, 0);

      const chains = app.get(CaseChainVerifier);
      let verdicts = { chains: 0, events: 0, broken: 0 };
      // The first sweep starts the threads the next ones reuse: timed apart, as a one-off `verify` pays it.
      let first = 0;
      const sweep = await rounds(async () => {
        const t0 = process.hrtime.bigint();
        const seen = { chains: 0, events: 0, broken: 0 };
        const all = workers === undefined ? chains.verifyAll() : chains.verifyAll({ workers });
        for await (const v of all) {
          seen.chains += 1;
          seen.events += v.events;
          if (!v.valid) seen.broken += 1;
        }
        verdicts = seen;
        first ||= Number(process.hrtime.bigint() - t0) / 1e6;
      });
      if (verdicts.broken > 0 || verdicts.events !== CASES * PER_CASE)
        throw new Error(`the planted chains did not verify: ${JSON.stringify(verdicts)}`);
      const plain = await rounds(() => {
        for (const b of bytes) createHash('sha256').update(b).digest('hex');
      });

      const n = (x: number) => Math.round(x).toLocaleString('en-US');
      const perSecond = (ms: number) => (verdicts.events / ms) * 1000;
      console.log(
        `planted ${n(verdicts.chains)} chains, ${n(verdicts.events)} events (${n(totalBytes / verdicts.events)} canonical bytes each) in ${(seeding / 1000).toFixed(1)} s`,
      );
      console.log(`medians of ${ROUNDS} rounds (load average ${loadavg()[0].toFixed(2)} at the end):`);
      console.log(
        `  verifyAll (${workers ?? 'default'} threads): ${sweep.toFixed(0)} ms, ${n(perSecond(sweep))} events/s (target ≥ 200,000)`,
      );
      console.log(`  first sweep, threads started: ${first.toFixed(0)} ms, ${n(perSecond(first))} events/s`);
      console.log(`  plain SHA-256, one thread:  ${plain.toFixed(0)} ms, ${n(perSecond(plain))} events/s`);
      console.log(`ratio verifyAll / plain SHA-256 (events/s): ${(plain / sweep).toFixed(2)}`);
    } finally {
      await pg.end();
    }
  });

void main();

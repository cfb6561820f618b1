// A school's report at scale: 100 schools × 5 school years × 200 cases, the measured school with 2,000 cases in its
// last school year. Prints, as medians of five rounds in one process: the report's figure SQL run bare (the same
// ten queries in one transaction), the report generated (counted, frozen, its chain event written), its .docx and
// .xlsx rendered, and the ratio of generation to bare SQL. Target: generation and both files under 2 s.
// Run: npm run build && node dist/bench/report.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { UserService } from '@dh/identity';
import { Clock } from '@dh/clock';
import { figureQueries, reportPeriod, ReportService } from '@dh/reports';
import { ReportExportService } from '../libs/reports/src/report-export/report-export.service';
import { withBenchApp } from './bench-app';

const SCHOOLS = 100;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const PER_YEAR = 200;
const MEASURED = 2000;
const SCHOOL_YEAR = '2025-2026';
const ROUNDS = 5;

// One row per case to plant: its school, school year and number in that year, spread over the year's 240 days.
const PLAN_SQL = `
CREATE TABLE bench_plan AS
SELECT gen_random_uuid() AS case_id, gen_random_uuid() AS learner_id, s.id AS school_id, s.n, y, g,
       make_timestamptz(y, 9, 6, 8, 0, 0, 'Asia/Ho_Chi_Minh')
         + (g * 240.0 / CASE WHEN s.n = 1 AND y = $1 THEN $2::int ELSE $3::int END)::float8 * interval '1 day' AS opened_at,
       g % 5 AS k
  FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM school) s
 CROSS JOIN unnest($4::int[]) y
 CROSS JOIN LATERAL generate_series(1, CASE WHEN s.n = 1 AND y = $1 THEN $2::int ELSE $3::int END) g`;

// Each case in one of five places: at intake, in assessment, planning, monitoring, or closed; its trail, clocks,
// alerts, sessions, follow-ups and referrals to match. $1: the counsellor who did all of it, $2: a receiver.
const SEED_SQL = [
  `INSERT INTO learner (id, school_id, full_name, name_key, date_of_birth, sex, class_name, guardians, skeleton_key)
   SELECT learner_id, school_id, 'Học sinh ' || g, 'hoc sinh ' || g, date '2012-01-01',
          (ARRAY['nam', 'nu', 'khong_ro'])[g % 3 + 1], (g % 9 + 1) || 'A', '[]', 'hs' || g
     FROM bench_plan`,
  `INSERT INTO "case" (id, school_id, code, learner_id, areas, channel, summary, risk_level, risk_rationale,
                       assignee_id, opened_by, state, snapshot, machine_version, created_at, updated_at, received_at,
                       audit_head_seq, audit_head_hash)
   SELECT case_id, school_id, 'B' || n || '-' || y || '-' || g, learner_id,
          jsonb_build_array(jsonb_build_object('code', (ARRAY['hoc_tap', 'gioi_quan_he', 'tam_ly', 'ky_nang_song',
            'huong_nghiep', 'chinh_sach_phap_luat', 'dich_vu_ctxh'])[g % 7 + 1], 'priority', 1)),
          (ARRAY['truc_tiep', 'giao_vien', 'cha_me', 'hom_thu', 'duong_day_nong', 'co_quan'])[g % 6 + 1],
          'Bench', (ARRAY['low', 'medium', 'high'])[g % 3 + 1], 'Bench', $1::uuid, $1::uuid,
          (ARRAY['intake', 'assessment', 'planning.drafting', 'monitoring', 'closed.followUp'])[k + 1], '{}', 'v2',
          opened_at, opened_at, opened_at, k + 1, 'bench-head'
     FROM bench_plan`,
  `INSERT INTO audit_event (case_id, seq, school_id, type, from_state, to_state, actor_id, actor_role, payload, at, hash)
   SELECT p.case_id, e.seq, p.school_id, e.type, e.from_state, e.to_state, $1::uuid, 'counsellor',
          jsonb_build_object('riskLevel', (ARRAY['low', 'medium', 'high', 'critical'])[(p.g + e.seq) % 4 + 1]),
          p.opened_at + e.after, 'bench'
     FROM bench_plan p
     JOIN (VALUES (1, 'CASE_OPENED', NULL, 'intake', interval '0'),
                  (2, 'START_ASSESSMENT', 'intake', 'assessment', interval '1 day'),
                  (3, 'COMPLETE_ASSESSMENT', 'assessment', 'planning.drafting', interval '3 days'),
                  (4, 'SUBMIT_PLAN', 'planning.drafting', 'monitoring', interval '6 days'),
                  (5, 'PROPOSE_CLOSURE', 'monitoring', 'closed.followUp', interval '30 days'))
          AS e(seq, type, from_state, to_state, after) ON e.seq <= p.k + 1`,
  `INSERT INTO audit_event (case_id, seq, school_id, type, actor_id, actor_role, payload, at, hash)
   SELECT case_id, 10, school_id, 'RAISE_PROTECTION_CONCERN', $1::uuid, 'counsellor',
          jsonb_build_object('carerSuspected', g % 100 = 0), opened_at + interval '2 days', 'bench'
     FROM bench_plan WHERE g % 50 = 0
   UNION ALL
   SELECT case_id, 11, school_id, 'RECORD_PROTECTION_NOTIFICATION', $1::uuid, 'counsellor',
          jsonb_build_object('recipient', 'cong_an', 'notifiedAt', opened_at + interval '2 days 3 hours'),
          opened_at + interval '2 days 3 hours', 'bench'
     FROM bench_plan WHERE g % 50 = 0`,
  `INSERT INTO deadline (school_id, case_id, kind, label, label_en, started_at, due_at, escalate_to, clock, closed_at,
                         closed_as, created_at)
   SELECT school_id, case_id, c.kind, c.kind, c.kind, opened_at, opened_at + c.due, ARRAY['supervisor'], 'working',
          CASE WHEN p.k > c.step THEN opened_at + c.due + CASE WHEN g % 4 = 0 THEN interval '1 day'
                                                                ELSE - interval '1 day' END END,
          CASE WHEN p.k > c.step THEN 'satisfied' END, opened_at
     FROM bench_plan p
     JOIN (VALUES (0, 'first_contact', interval '2 days'), (1, 'assessment_due', interval '5 days'),
                  (2, 'plan_due', interval '10 days'), (3, 'plan_review', interval '40 days'))
          AS c(step, kind, due) ON c.step <= p.k`,
  `INSERT INTO alert (recipient_id, school_id, case_id, level, reason, reason_en, created_at, acknowledged_at)
   SELECT $1::uuid, school_id, case_id, (ARRAY['reminder', 'overdue', 'principal'])[g % 3 + 1], 'Bench', 'Bench',
          opened_at + interval '3 days', CASE WHEN g % 2 = 0 THEN opened_at + interval '3 days 4 hours' END
     FROM bench_plan WHERE g % 3 = 0`,
  `INSERT INTO counselling_session (case_id, school_id, recorded_by, recorded_at, mode, place, channel, started_at,
                                    minutes, methods, evaluation, ending)
   SELECT case_id, school_id, $1::uuid, opened_at + i * interval '4 days', m.mode, m.place, m.channel,
          opened_at + i * interval '4 days', 30 + 15 * i, 'Bench', 'Bench', 'tiep_tuc'
     FROM bench_plan
    CROSS JOIN generate_series(1, 2) i
    CROSS JOIN LATERAL (SELECT CASE WHEN i = 1 THEN 'truc_tiep' ELSE 'truc_tuyen' END AS mode,
                               CASE WHEN i = 1 THEN 'Phòng tư vấn' END AS place,
                               CASE WHEN i = 2 THEN 'zalo' END AS channel) m
    WHERE k >= 1`,
  `INSERT INTO follow_up_contact (case_id, school_id, recorded_by, recorded_at, contacted_at, how, with_whom,
                                  result_kept, notes, closed_deadline)
   SELECT case_id, school_id, $1::uuid, opened_at + interval '60 days', opened_at + interval '60 days', 'dien_thoai',
          'Phụ huynh', true, 'Bench', 'follow_up_30'
     FROM bench_plan WHERE k = 4`,
  `INSERT INTO referral (case_id, seq, school_id, receiver_id, receiver_name, receiver_kind, sender_id, sender_name,
                         sender_unit, reason, areas, consent_ids, to_ward, status, sent_at, answered_at)
   SELECT case_id, 1, school_id, $2::uuid, 'Công an phường', 'cong_an', $1::uuid, 'Tư vấn viên', 'Trường', 'Bench',
          ARRAY['tam_ly'], ARRAY[]::uuid[], false, CASE WHEN g % 20 = 0 THEN 'accepted' ELSE 'sent' END,
          opened_at + interval '8 days', CASE WHEN g % 20 = 0 THEN opened_at + interval '9 days' END
     FROM bench_plan WHERE g % 10 = 0 AND k >= 1`,
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const rounds = async (fn: () => Promise<unknown>): Promise<number> => {
  await fn(); // warm-up: connections, plans and compiled code, paid once on both sides
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) out.push(await timed(fn));
  return median(out);
};
const drain = async (stream: Readable): Promise<number> => {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
};

const main = (): Promise<void> =>
  withBenchApp('report', async (app, url) => {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      const users = app.get(UserService);
      const ward = await users.createWard('B', 'Phường Bench');
      for (let i = 1; i <= SCHOOLS; i++)
        await users.createSchool(ward.id, `S${String(i).padStart(3, '0')}`, `Trường Bench ${i}`);
      const [measured] = (await pg.query(`SELECT id FROM school ORDER BY code LIMIT 1`)).rows as { id: string }[];
      const counsellor = await users.createUser({
        username: 'tv.bench',
        fullName: 'Tư vấn viên',
        password: 'bench-password',
        roles: ['counsellor'],
        schoolIds: [measured.id],
      });
      const principal = await users.createUser({
        username: 'ht.bench',
        fullName: 'Hiệu trưởng',
        password: 'bench-password',
        roles: ['principal'],
        schoolIds: [measured.id],
      });
      const now = new Date();
      const [provider] = (
        await pg.query(
          `INSERT INTO service_provider (ward_id, name, kind, search_key, created_at, updated_at)
           VALUES ($1, 'Công an phường', 'cong_an', 'cong an phuong', $2, $2) RETURNING id`,
          [ward.id, now],
        )
      ).rows as { id: string }[];

      const seeding = await timed(async () => {
        await pg.query(PLAN_SQL, [Number(SCHOOL_YEAR.slice(0, 4)), MEASURED, PER_YEAR, YEARS]);
        for (const sql of SEED_SQL) {
          const params = [counsellor.id, provider.id].slice(0, sql.includes('$2') ? 2 : sql.includes('$1') ? 1 : 0);
          await pg.query(sql, params);
        }
        await pg.query('DROP TABLE bench_plan');
        await pg.query('VACUUM ANALYZE');
      });
      const period = reportPeriod('school_year', SCHOOL_YEAR, 'Asia/Ho_Chi_Minh');
      const [{ cases }] = (await pg.query(`SELECT count(*)::int AS cases FROM "case"`)).rows as { cases: number }[];
      const [{ inYear }] = (
        await pg.query(
          `SELECT count(*)::int AS "inYear" FROM "case" WHERE school_id = $1 AND created_at BETWEEN $2 AND $3`,
          [measured.id, period.from, period.to],
        )
      ).rows as { inYear: number }[];

      // The baseline: the report's ten queries with the parameters the service gives them, nothing else, through
      // the application's own pool as the service runs them: only the service's work differs.
      const queries = Object.values(figureQueries(measured.id, period, app.get(Clock).now()));
      const rawSql = await rounds(() =>
        app.get(DataSource).transaction(async (tx) => {
          for (const [sql, params] of queries) await tx.query(sql, params);
        }),
      );

      const caller = {
        id: principal.id,
        username: 'ht.bench',
        fullName: 'Hiệu trưởng',
        roles: ['principal' as const],
        schoolIds: [measured.id],
        wardId: null,
        requestId: 'bench',
      };
      const reports = app.get(ReportService);
      const exports = app.get(ReportExportService);
      let report = await reports.create(caller, {
        schoolId: measured.id,
        kind: 'school_year',
        schoolYear: SCHOOL_YEAR,
      });
      const opened = (report.figures as { casesOpened: { total: number } }).casesOpened.total;
      const generation = await rounds(async () => {
        report = await reports.refresh(caller, report.id, report.version);
      });
      const bytes = { docx: 0, xlsx: 0 };
      const render = async (format: 'docx' | 'xlsx') =>
        rounds(async () => {
          bytes[format] = await drain((await exports.export(caller, report.id, format)).getStream());
        });
      const docx = await render('docx');
      const xlsx = await render('xlsx');
      const total = generation + docx + xlsx;

      const n = (x: number) => x.toLocaleString('en-US');
      console.log(
        `seeded ${n(cases)} cases (${SCHOOLS} schools × ${YEARS.length} school years × ${PER_YEAR}, the measured school ${n(inYear)} in ${SCHOOL_YEAR}) in ${(seeding / 1000).toFixed(0)} s`,
      );
      console.log(`report counts ${n(opened)} cases opened in ${SCHOOL_YEAR}; medians of ${ROUNDS} rounds:`);
      console.log(`  figure SQL alone (10 queries, one transaction): ${rawSql.toFixed(0)} ms`);
      console.log(`  report generated (counted, frozen, chain event): ${generation.toFixed(0)} ms`);
      console.log(`  .docx rendered: ${docx.toFixed(0)} ms (${n(bytes.docx)} bytes)`);
      console.log(`  .xlsx rendered: ${xlsx.toFixed(0)} ms (${n(bytes.xlsx)} bytes)`);
      console.log(`ratio generation / figure SQL: ${(generation / rawSql).toFixed(2)}`);
      console.log(`generation + .docx + .xlsx: ${total.toFixed(0)} ms (target < 2000 ms)`);
    } finally {
      await pg.end();
    }
  });

void main();

// The case list at scale (issue 18, point 4): one school with 20,000 cases, then 200,000 (and another school with
// 20,000 beside it). Prints medians of BENCH_ROUNDS (default 11) for page 1, the last page by cursor, page 500 by
// OFFSET and a search by name, each through CaseService.list beside two baselines measured in the same run: the
// same statements sent bare through pg (the ratio is the service's own cost), and 7feafb3's list (count DISTINCT,
// every case of the school sorted, OFFSET; then the same lookups for the cases shown), run without this branch's
// index as that schema had none.
// Run: npm run build && node dist/bench/list.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
import { Client } from 'pg';
import { Brackets, DataSource, In } from 'typeorm';
import { CaseEntity, CaseService, toCaseView } from '@dh/cases';
import { Clock } from '@dh/clock';
import { DeadlineService } from '@dh/escalations';
import { User, UserService } from '@dh/identity';
import { nameSearchWords } from '@dh/learners';
import { learnerNameKey } from '../libs/cases/src/learners/learner-name-key';
import { encodeCaseCursor } from '../libs/cases/src/list/case-cursor';
import { withBenchApp } from './bench-app';
import { benchSchool } from './bench-school';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const PAGE = 20;
const SIZES = [20_000, 200_000];
const NAMED = 'Nguyễn Minh Khang';
const Q = 'khang';
const NAMED_EVERY = 2_000; // one learner in 2,000 is named NAMED: 10 cases at 20k, 100 at 200k

const KEY_SQL = `to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// Cases g = from..to of a school, every one a copy of a case the service opened (its snapshot, so that the list
// computes each case's allowed events as for a real one), three at each instant so that the id breaks ties.
const PLANT_SQL = `
WITH plan AS (
  SELECT gen_random_uuid() AS case_id, gen_random_uuid() AS learner_id, g FROM generate_series($3::int, $4::int) g),
learners AS (
  INSERT INTO learner (id, school_id, full_name, name_key, date_of_birth, sex, class_name, guardians, skeleton_key)
  SELECT learner_id, $1, CASE WHEN g % ${NAMED_EVERY} = 0 THEN $6 ELSE 'Học Sinh ' || g END,
         CASE WHEN g % ${NAMED_EVERY} = 0 THEN $7 ELSE 'hoc sinh ' || g END, date '2012-01-01', 'nam', '7A', '[]',
         CASE WHEN g % ${NAMED_EVERY} = 0 THEN $7 ELSE 'hoc sinh ' || g END
    FROM plan)
INSERT INTO "case" (id, school_id, code, learner_id, areas, channel, summary, risk_level, risk_rationale, assignee_id,
                    opened_by, state, snapshot, machine_version, version, created_at, updated_at, received_at,
                    audit_head_seq, audit_head_hash)
SELECT p.case_id, $1, $5 || '-' || p.g, p.learner_id, t.areas, t.channel, t.summary, t.risk_level, t.risk_rationale,
       t.assignee_id, t.opened_by, t.state, t.snapshot, t.machine_version, 1,
       timestamptz '2024-09-01 08:00+07' + (p.g / 3) * interval '7 minutes',
       timestamptz '2024-09-01 08:00+07' + (p.g / 3) * interval '7 minutes',
       timestamptz '2024-09-01 08:00+07' + (p.g / 3) * interval '7 minutes', 0, NULL
  FROM plan p CROSS JOIN (SELECT * FROM "case" WHERE id = $2) t`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p50 = async (fn: () => Promise<unknown>): Promise<number> => {
  await fn(); // warm-up: connections, plans and compiled code, paid once on every side
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(out);
};

const main = (): Promise<void> =>
  withBenchApp('list', async (app, url) => {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      const { wardId, schoolId, caller, open: openCase } = await benchSchool(app, 'tv.bench');
      const school = { id: schoolId };
      const other = await app.get(UserService).createSchool(wardId, 'BO', 'Trường Bên Cạnh');
      const cases = app.get(CaseService);
      const template = await openCase();
      const nameKey = learnerNameKey(NAMED);
      const plant = async (schoolId: string, code: string, from: number, to: number) => {
        await pg.query(PLANT_SQL, [schoolId, template.id, from, to, code, NAMED, nameKey]);
      };
      await pg.query(`UPDATE "case" SET school_id = $1 WHERE id = $2`, [other.id, template.id]);
      await plant(other.id, 'BO', 1, 20_000);

      // The statements the service sends, bare: the count, then the page (one row more than shown).
      const countSql = `SELECT count(*) FROM "case" c WHERE c.school_id = $1`;
      const pageSql = (where: string) =>
        `SELECT c.*, ${KEY_SQL} AS key FROM "case" c WHERE c.school_id = $1 ${where}
          ORDER BY c.updated_at DESC, c.id DESC LIMIT ${PAGE + 1}`;
      const bareKeyset = (at: string, id: string) => async () => {
        await pg.query(countSql, [school.id]);
        await pg.query(
          pageSql(`AND c.updated_at <= $2::timestamptz AND (c.updated_at < $2::timestamptz OR c.id < $3::uuid)`),
          [school.id, at, id],
        );
      };
      const bareOffset = (offset: number) => async () => {
        await pg.query(countSql, [school.id]);
        await pg.query(`${pageSql('')} OFFSET ${offset}`, [school.id]);
      };
      const searchWhere = `AND (c.code COLLATE "C" ILIKE $2 ESCAPE '\\' OR c.learner_id IN (SELECT l.id FROM learner l
                             WHERE l.school_id = ANY($3) AND l.skeleton_key LIKE $4 ESCAPE '\\'))`;
      const searchParams = () => [school.id, `%${Q}%`, [school.id], ...nameSearchWords(Q)];
      // A search's statements: the matching ids in one pass (they give the total), then the page among them.
      const bareSearch = async () => {
        const { rows } = await pg.query(
          `SELECT c.id FROM "case" c WHERE c.school_id = $1 ${searchWhere} LIMIT 1001`,
          searchParams(),
        );
        await pg.query(pageSql(`${searchWhere} AND c.id = ANY($5)`), [
          ...searchParams(),
          rows.map((r: { id: string }) => r.id),
        ]);
      };
      // 7feafb3's CaseService.list: its query, then the same lookups for the cases shown as today's.
      const source = app.get(DataSource);
      const before = (page: number, q?: string) => async () => {
        const qb = source.getRepository(CaseEntity).createQueryBuilder('c');
        qb.andWhere(new Brackets((b) => b.orWhere('c.school_id = ANY(:schools)', { schools: [school.id] })));
        if (q) {
          const words = nameSearchWords(q);
          qb.andWhere(
            new Brackets((either) => {
              either.where(`c.code ILIKE :code ESCAPE '\\'`, { code: `%${q}%` });
              const named = words.map((_, i) => `l.skeleton_key LIKE :qw${i} ESCAPE '\\'`).join(' AND ');
              either.orWhere(
                `EXISTS (SELECT 1 FROM learner l WHERE l.id = c.learner_id AND l.school_id = ANY(:nameSchools) AND ${named})`,
                { nameSchools: [school.id], ...Object.fromEntries(words.map((w, i) => [`qw${i}`, w])) },
              );
            }),
          );
        }
        const [rows, total] = await qb
          .orderBy('c.updated_at', 'DESC')
          .addOrderBy('c.id', 'ASC')
          .skip((page - 1) * PAGE)
          .take(PAGE)
          .getManyAndCount();
        // and then, as now, each shown case's clocks, learner and assignee
        const now = app.get(Clock).now();
        const open = await app.get(DeadlineService).openOf(
          rows.map((r) => r.id),
          now,
        );
        const learners: { id: string; full_name: string }[] = await source.query(
          'SELECT id, full_name FROM learner WHERE id = ANY($1::uuid[]) AND school_id = ANY($2::uuid[])',
          [rows.flatMap((r) => (r.learnerId ? [r.learnerId] : [])), [school.id]],
        );
        const names = new Map(learners.map((l) => [l.id, l.full_name]));
        const staffIds = [...new Set(rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])))];
        const staff = staffIds.length
          ? await source.getRepository(User).find({ where: { id: In(staffIds) }, select: { id: true, fullName: true } })
          : [];
        const items = rows.map((r) => ({
          ...toCaseView(r, caller, open.get(r.id) ?? []),
          learnerName: (r.learnerId && names.get(r.learnerId)) || null,
          assigneeName: staff.find((u) => u.id === r.assigneeId)?.fullName ?? null,
        }));
        return { items, total };
      };
      const list = (query: { page?: number; cursor?: string; q?: string }) => () =>
        cases.list(caller, { page: 1, pageSize: PAGE, ...query });

      const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(9);
      const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}`.padStart(6);
      let planted = 0;
      for (const size of SIZES) {
        const t0 = Date.now();
        await plant(school.id, 'BL', planted + 1, size);
        planted = size;
        await pg.query('VACUUM ANALYZE');
        const seeded = (Date.now() - t0) / 1000;
        // The last page: the 20 oldest cases, after the key of the case just before them.
        const [edge] = (
          await pg.query(
            `SELECT ${KEY_SQL} AS at, c.id FROM "case" c WHERE c.school_id = $1
              ORDER BY c.updated_at DESC, c.id DESC OFFSET ${size - PAGE - 1} LIMIT 1`,
            [school.id],
          )
        ).rows as { at: string; id: string }[];
        const cursor = encodeCaseCursor({ updatedAt: edge.at, id: edge.id });
        const lastPage = size / PAGE;
        const deepest = (await cases.list(caller, { page: 1, pageSize: PAGE, cursor })).items.length;
        if (deepest !== PAGE) throw new Error(`the last page by cursor has ${deepest} cases`);

        const after = {
          first: await p50(list({})),
          cursor: await p50(list({ cursor })),
          offset500: await p50(list({ page: 500 })),
          search: await p50(list({ q: Q })),
        };
        const bare = {
          first: await p50(bareOffset(0)),
          cursor: await p50(bareKeyset(edge.at, edge.id)),
          offset500: await p50(bareOffset(499 * PAGE)),
          lastOffset: await p50(bareOffset(size - PAGE)),
          search: await p50(bareSearch),
          count: await p50(() => pg.query(countSql, [school.id])),
        };
        await pg.query('DROP INDEX case_school_updated_idx');
        const old = {
          first: await p50(before(1)),
          last: await p50(before(lastPage)),
          page500: await p50(before(500)),
          search: await p50(before(1, Q)),
        };
        await pg.query(`CREATE INDEX case_school_updated_idx ON "case" (school_id, updated_at DESC, id DESC)`);
        await pg.query('ANALYZE "case"');

        const n = size.toLocaleString('en-US');
        console.log(
          `\n${n} cases in the school (+20,000 in another; planted in ${seeded.toFixed(0)} s), p50 of ${ROUNDS}:`,
        );
        console.log(`                              service   bare SQL  svc/bare   7feafb3  7feafb3/svc`);
        const row = (label: string, svc: number, sql: number, was: number) =>
          console.log(
            `  ${label.padEnd(26)} ${ms(svc)} ${ms(sql)}  ${ratio(svc, sql)}  ${ms(was)}  ${ratio(was, svc)}`,
          );
        row('page 1', after.first, bare.first, old.first);
        row(`last page (${lastPage}) by cursor`, after.cursor, bare.cursor, old.last);
        row('page 500 by OFFSET', after.offset500, bare.offset500, old.page500);
        row(`search "${Q}", page 1`, after.search, bare.search, old.search);
        console.log(`  last page by OFFSET, bare SQL (the service refuses it): ${ms(bare.lastOffset)}`);
        console.log(`  of which count(*) alone: ${ms(bare.count)}`);
      }
    } finally {
      await pg.end();
    }
  });

void main();

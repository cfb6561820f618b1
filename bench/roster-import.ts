// A school's roster import (issue 20): a generated 5,000-row .xlsx (title rows, Vietnamese headers, a parent and a
// phone per learner, one in ten without a national ID) uploaded, confirmed and run to the end through
// RosterImportService, then the same file again (every row an update, matched by ID or look-alike). Prints rows/s
// of each beside a baseline measured in the same run: the same file read by exceljs and its rows inserted bare
// through pg in transactions of the same size (no checks, no sealing, no matching, no chain event): the floor.
// Run: npm run build && node dist/bench/roster-import.js   (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
//  or: node -r ./test/support/swc-register.js bench/roster-import.ts
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { Caller, UserService } from '@dh/identity';
import { RosterImportService } from '@dh/learners';
import { cellText } from '../libs/learners/src/roster-import/roster-file';
import { ROSTER_BATCH } from '../libs/learners/src/roster-import/roster-import.service';
import { withBenchApp } from './bench-app';
import { learnerAt, rosterXlsx, rowOf } from './roster-sample';

const ROWS = Number(process.env.BENCH_ROSTER_ROWS ?? 5_000);
// What the issue asks of a 5,000-row file on this machine.
const LIMIT_S = 30;

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

const main = (): Promise<void> =>
  withBenchApp('roster', async (app, url) => {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      const users = app.get(UserService);
      const ward = await users.createWard('R', 'Phường Bench');
      const school = await users.createSchool(ward.id, 'RB', 'Trường Bench');
      const baseSchool = await users.createSchool(ward.id, 'RC', 'Trường Đối Chứng');
      const user = await users.createUser({
        username: 'gs.bench',
        fullName: 'Giám sát Bench',
        password: 'bench-password',
        roles: ['supervisor'],
        schoolIds: [school.id],
      });
      const caller: Caller = {
        id: user.id,
        username: user.username,
        fullName: user.fullName,
        roles: ['supervisor'],
        schoolIds: [school.id],
        wardId: null,
        requestId: 'bench',
      };
      // Distinct names past 1,200: learnerAt numbers them.
      const file = await rosterXlsx(Array.from({ length: ROWS }, (_, i) => rowOf(learnerAt(i), i + 1)));
      const imports = app.get(RosterImportService);
      const run = async (): Promise<number> => {
        const t0 = process.hrtime.bigint();
        const up = await imports.upload(caller, school.id, {
          originalname: 'bench.xlsx',
          buffer: file,
          size: file.length,
        });
        await imports.confirm(caller, school.id, up.id, { mapping: up.mapping, fullRoster: true });
        await imports.settled(up.id);
        const done = await imports.get(caller, school.id, up.id);
        if (done.status !== 'done' || done.rowsTaken !== ROWS) throw new Error(`import ended ${done.status}`);
        return seconds(t0);
      };

      // The floor: exceljs reads the file, pg inserts its rows as they are, ROSTER_BATCH to a transaction.
      const baseline = async (): Promise<number> => {
        const t0 = process.hrtime.bigint();
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(file as unknown as ArrayBuffer);
        const rows: string[][] = [];
        book.worksheets[0].eachRow((row, n) => {
          if (n > 4) rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText));
        });
        for (let i = 0; i < rows.length; i += ROSTER_BATCH) {
          const batch = rows.slice(i, i + ROSTER_BATCH);
          await pg.query('BEGIN');
          await pg.query(
            `INSERT INTO learner (id, school_id, full_name, name_key, skeleton_key, date_of_birth, sex, class_name, guardians)
             SELECT v.id, $1, v.n, v.n, v.n, date '2012-01-01', 'nam', v.c, '[]'
               FROM unnest($2::uuid[], $3::text[], $4::text[]) AS v(id, n, c)`,
            [baseSchool.id, batch.map(() => randomUUID()), batch.map((r) => r[1]), batch.map((r) => r[4])],
          );
          await pg.query('COMMIT');
        }
        return seconds(t0);
      };

      const base = await baseline();
      const first = await run();
      const again = await run();
      const rate = (s: number) => `${Math.round(ROWS / s).toLocaleString('en-US')} rows/s`.padStart(14);
      console.log(`\n${ROWS.toLocaleString('en-US')}-row .xlsx (${(file.length / 1024).toFixed(0)} KiB):`);
      console.log(`  baseline (exceljs + bare INSERT)  ${base.toFixed(2)} s ${rate(base)}`);
      console.log(
        `  first import (all new)            ${first.toFixed(2)} s ${rate(first)}  ×${(first / base).toFixed(1)} of baseline`,
      );
      console.log(
        `  re-import (all updates)           ${again.toFixed(2)} s ${rate(again)}  ×${(again / base).toFixed(1)} of baseline`,
      );
      const worst = Math.max(first, again);
      console.log(
        `  ${worst < LIMIT_S ? 'within' : 'OVER'} the ${LIMIT_S} s asked for a ${ROWS.toLocaleString('en-US')}-row file`,
      );
      if (worst >= LIMIT_S) process.exitCode = 1;
    } finally {
      await pg.end();
    }
  });

void main();

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCase } from '../support/case-helpers';
import { auth } from '../support/fixtures';
import { useTestWorld } from '../support/test-world';
import { pdfOf, upload } from './attachment-helpers';

// Debian's clamd (apt-get install clamav-daemon). .ci/run sets DH_REQUIRE_CLAMD=1: there a missing clamd fails the
// run instead of skipping this file.
const CLAMD_PATH = process.env.CLAMD_PATH || '/usr/sbin/clamd';
const clamdMissing = (): string | null => {
  if (existsSync(CLAMD_PATH)) return null;
  const why = `no clamd at ${CLAMD_PATH} (apt-get install -y clamav-daemon, or set CLAMD_PATH)`;
  if (process.env.DH_REQUIRE_CLAMD === '1') throw new Error(why);
  return why;
};
const missing = clamdMissing();

// The standard anti-virus test file, built here so no scanner on a developer's machine takes this source for one.
const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join('');

// clamd answers PING with PONG once its database is loaded.
const ping = (socket: string) =>
  new Promise<boolean>((resolve) => {
    const s = connect(socket);
    let got = '';
    s.on('data', (b) => (got += b.toString()));
    s.on('error', () => resolve(false));
    s.on('close', () => resolve(got.includes('PONG')));
    s.on('connect', () => s.end('zPING\0'));
  });

const startClamd = async (dir: string, socket: string): Promise<ChildProcess> => {
  const db = join(dir, 'db');
  mkdirSync(db);
  // A database of one signature: EICAR anywhere in the stream. Nothing is downloaded (no freshclam).
  writeFileSync(join(db, 'eicar.ndb'), `Eicar-Test-Signature:0:*:${Buffer.from(EICAR, 'latin1').toString('hex')}\n`);
  const conf = join(dir, 'clamd.conf');
  writeFileSync(
    conf,
    [
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${db}`,
      `TemporaryDirectory ${dir}`,
      `PidFile ${join(dir, 'clamd.pid')}`,
      `LogFile ${join(dir, 'clamd.log')}`,
      'Foreground yes',
      'StreamMaxLength 30M',
      'SelfCheck 0',
    ].join('\n') + '\n',
  );
  const child = spawn(CLAMD_PATH, ['--config-file', conf], { stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    if (await ping(socket)) return child;
    if (child.exitCode !== null) throw new Error(`clamd exited with ${child.exitCode}; see ${join(dir, 'clamd.log')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('clamd did not answer PING within 30 s');
};

// Each store: a refused file leaves no row and no file behind.
const STORES = (['postgres', 'directory'] as const).map((store) => {
  const dir = mkdtempSync(join(tmpdir(), 'dh-clamd-'));
  const files = join(dir, 'files');
  if (store === 'directory') mkdirSync(files);
  return { store, dir, socket: join(dir, 'clamd.sock'), files: store === 'directory' ? files : null };
});

(missing ? describe.skip : describe).each(STORES)(
  'attachments scanned by clamd before they are stored, in $store',
  ({ dir, socket, files }) => {
    const world = useTestWorld({ CLAMD_SOCKET: socket, ...(files ? { ATTACHMENTS_DIR: files } : {}) });
    let clamd: ChildProcess | null = null;

    beforeAll(async () => {
      clamd = await startClamd(dir, socket);
    }, 60_000);
    afterAll(() => {
      clamd?.kill();
      rmSync(dir, { recursive: true, force: true });
    });

    it('refuses EICAR with 422 and alerts the administrators and the school’s supervisors; stores a clean PDF', async () => {
      const { t, w, pg } = world;
      const c = await openCase(t, w);
      // Chunk rows, or files (a half-written one included).
      const chunks = async () =>
        files
          ? readdirSync(files).length
          : Number((await pg.query(`SELECT count(*) AS n FROM case_attachment_chunk`)).rows[0].n);
      const before = await chunks();
      const infected = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.from(EICAR, 'latin1')]);
      const refused = await upload(t, w.users.counsellorA, c.id, infected, 'thu.pdf').expect(422);
      expect(refused.body).toMatchObject({ code: 'FILE_INFECTED', message: expect.stringContaining('mã độc') });
      expect(await chunks()).toBe(before);
      const { rows: alerts } = await pg.query(
        `SELECT recipient_id, reason FROM alert WHERE case_id = $1 AND level = 'malware_refused'`,
        [c.id],
      );
      const { rows: admins } = await pg.query(
        `SELECT id FROM app_user WHERE 'admin' = ANY(roles) AND disabled_at IS NULL`,
      );
      expect(admins.map((a) => a.id)).toContain(w.users.adminW.id);
      expect(alerts.map((a) => a.recipient_id).sort()).toEqual(
        [w.users.supervisorA.id, w.users.supervisorA2.id, ...admins.map((a) => a.id)].sort(),
      );
      for (const a of alerts) expect(a.reason).toContain('Eicar-Test-Signature');
      // The admin sees it among their own alerts, about the case's school.
      const mine = (
        await t.http().get('/api/alerts').query({ level: 'malware_refused' }).set(auth(w.users.adminW)).expect(200)
      ).body.items;
      expect(mine).toEqual([
        expect.objectContaining({ level: 'malware_refused', caseId: c.id, schoolId: w.schoolA, caseCode: c.code }),
      ]);
      // Nobody of the school but its supervisors: the principal and the counsellor are not alerted.
      await t
        .http()
        .get('/api/alerts')
        .query({ level: 'malware_refused' })
        .set(auth(w.users.principalA))
        .expect(200)
        .expect((r) => expect(r.body.items).toEqual([]));

      // A clean file of several chunks goes through the scanner and is stored.
      const clean = await upload(t, w.users.counsellorA, c.id, pdfOf(200_000, 'sach'), 'sach.pdf').expect(201);
      const { rows } = await pg.query(
        `SELECT payload FROM audit_event WHERE case_id = $1 AND type = 'ATTACHMENT_ADDED'`,
        [c.id],
      );
      expect(rows.map((r) => r.payload)).toEqual([
        expect.objectContaining({ attachmentId: clean.body.id, scanned: true }),
      ]);
      if (files) expect(readdirSync(files)).toEqual([clean.body.id]);
    });

    it('refuses to store anything while clamd does not answer (503), rather than store unscanned', async () => {
      const { t, w } = world;
      const c = await openCase(t, w);
      clamd?.kill();
      await new Promise<void>((resolve) =>
        clamd?.exitCode !== null ? resolve() : clamd.once('exit', () => resolve()),
      );
      clamd = null;
      rmSync(socket, { force: true });
      const before = files ? readdirSync(files) : [];
      const res = await upload(t, w.users.counsellorA, c.id, pdfOf(5000, 'x'), 'a.pdf').expect(503);
      expect(res.body.code).toBe('SCANNER_UNAVAILABLE');
      if (files) expect(readdirSync(files)).toEqual(before);
    });
  },
);

if (missing) it.skip(`clamd scanning: ${missing}`, () => undefined);

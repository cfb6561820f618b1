import { INestApplicationContext } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AdminAuditService, ChainFinding, describeFinding } from '@dh/audit';
import { WorkingCalendar } from '@dh/calendar';
import { ManualClock } from '@dh/clock';
import { CaseChainVerifier, CaseMigrationService, ReencryptService } from '@dh/cases';
import { CheckpointDocument, CheckpointService, CheckpointSigner, refusalOf } from '@dh/checkpoints';
import { KeyRing } from '@dh/crypto';
import { DemoSeedService } from '@dh/demo';
import { isMachineVersion } from '@dh/machines/case/registry';
import { DeliveryDispatcher } from '@dh/delivery';
import { EscalationSweepService } from '@dh/escalations';
import { ROLES, type Role, SecondFactorService, User, UserService } from '@dh/identity';
import { DirectoryException, DirectorySeedService } from '@dh/directory';
import { MIGRATION_RUN, MigrationRun } from '@dh/database';
import { DataSource } from 'typeorm';
import { ReportAnchorService } from '@dh/reports';
import { RetentionService } from '@dh/retention';
import { packageRefusalOf } from '@dh/transfers';

export type Output = { out: (line: string) => void; err: (line: string) => void };
export type Command = {
  summary: string;
  run: (app: INestApplicationContext, args: string[], io: Output, clock: ManualClock) => Promise<number>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGEST = /^[0-9a-f]{64}$/i;
// An --against that names no file: a report's anchor, by the digest printed on it or by the report's id.
const isAnchorRef = (a: string): boolean => (DIGEST.test(a) || UUID.test(a)) && !existsSync(a);

// The checkpoint files named by --against (a file, or a folder of them), read as they are: checked below.
const readCheckpoints = (paths: string[]): { file: string; document: unknown }[] =>
  paths.flatMap((p) => {
    const files = statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(p, f))
      : [p];
    return files.map((file) => ({ file, document: JSON.parse(readFileSync(file, 'utf8')) as unknown }));
  });

// A transfer package comes from another installation: its signature is checked under the key it carries, whose
// fingerprint is printed for the receiving school to compare with the one the sending school announces (and prints
// on the package's Word summary). Nothing of this installation's database is read.
const verifyPackages = (files: string[], io: Output): number => {
  if (files.length === 0 || files.some((f) => f.startsWith('--'))) {
    io.err('usage: verify --package <file>…');
    return 2;
  }
  let broken = 0;
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      io.err(`không đọc được gói / cannot read the package ${file}: ${(e as Error).message}`);
      broken += 1;
      continue;
    }
    const refusal = packageRefusalOf(doc);
    if (refusal) {
      io.err(`HỎNG / BROKEN package ${file}: ${refusal}`);
      broken += 1;
      continue;
    }
    const d = doc as { events: unknown[]; keyFingerprint: string };
    io.out(
      `gói / package ${file}: ${d.events.length} sự kiện nguyên vẹn / events intact, signed by key ${d.keyFingerprint}`,
    );
  }
  return broken === 0 ? 0 : 1;
};

// Exit code 1 names a broken chain: schedulers and inspectors script on it. Each check that fails is named.
const verify: Command = {
  summary:
    'verify [--against <checkpoint file|folder|report anchor digest|report id>]… [caseId…]   check every case chain against its case and the admin chain (or the named cases), and that each chain still extends the heads signed in the checkpoints or anchored by the reports given; exit 1 if any is broken. verify --package <file>…   check transfer packages from another installation offline',
  run: async (app, args, io) => {
    if (args[0] === '--package') return verifyPackages(args.slice(1), io);
    const named = args.flatMap((a, i) => (args[i - 1] === '--against' ? [a] : []));
    const anchors = named.filter(isAnchorRef);
    const against = named.filter((a) => !isAnchorRef(a));
    const ids = args.filter((a, i) => a !== '--against' && args[i - 1] !== '--against');
    if (args[args.length - 1] === '--against' || ids.some((id) => !UUID.test(id))) {
      io.err(`usage: ${verify.summary}`);
      return 2;
    }
    let checkpoints: { file: string; document: unknown }[];
    try {
      checkpoints = readCheckpoints(against);
    } catch (e) {
      io.err(`không đọc được điểm kiểm / cannot read the checkpoint: ${(e as Error).message}`);
      return 2;
    }
    const broken = new Set<string>();
    const report = (chain: string, findings: ChainFinding[]) => {
      for (const f of findings) io.err(`HỎNG / BROKEN ${chain}: ${describeFinding(f)}`);
      if (findings.length) broken.add(chain);
    };
    let checked = 0;
    const chains = app.get(CaseChainVerifier);
    const verdicts = ids.length ? ids.map((id) => chains.verify(id.toLowerCase())) : chains.verifyAll();
    for await (const v of verdicts) {
      checked += 1;
      report(`case ${v.caseId}`, v.findings);
    }
    if (ids.length === 0) {
      const admin = await app.get(AdminAuditService).verify();
      checked += 1;
      if (!admin.valid) {
        io.err(`HỎNG / BROKEN admin chain: first invalid event seq ${admin.firstInvalidSeq} of ${admin.events}`);
        broken.add('admin chain');
      }
    }
    const service = app.get(CheckpointService);
    const trusted = app.get(CheckpointSigner).fingerprint;
    for (const { file, document } of checkpoints) {
      const refusal = refusalOf(document, trusted);
      if (refusal) {
        io.err(`BỊ TỪ CHỐI / REFUSED checkpoint ${file}: ${refusal}`);
        broken.add(file);
        continue;
      }
      for (const c of await service.compare(
        document as CheckpointDocument,
        ids.length ? ids.map((id) => id.toLowerCase()) : undefined,
      )) {
        report(c.chain === 'admin' ? 'admin chain' : `case ${c.chain}`, c.findings);
      }
    }
    for (const ref of anchors) {
      const verdict = await app.get(ReportAnchorService).verifyAgainst(ref);
      if (!verdict) {
        io.err(`KHÔNG CÓ / NOT FOUND report anchor ${ref}: no submitted report carries it (altered, or never issued)`);
        broken.add(ref);
        continue;
      }
      if (!verdict.anchorIntact) {
        io.err(`HỎNG / BROKEN report anchor ${ref}: the stored anchor no longer hashes to ${verdict.digest}`);
        broken.add(ref);
      }
      for (const b of verdict.broken) {
        io.err(
          `HỎNG / BROKEN case ${b.caseId}${b.code ? ` (${b.code})` : ''} against report ${verdict.reportId}: ${b.reason}`,
        );
        broken.add(`case ${b.caseId}`);
      }
      io.out(`báo cáo / report ${verdict.reportId}: ${verdict.checked} chuỗi đã neo / anchored chains held`);
    }
    const tail = checkpoints.length ? `, ${checkpoints.length} điểm kiểm / checkpoints compared` : '';
    io.out(`${checked} chuỗi đã kiểm tra / chains checked, ${broken.size} hỏng / broken${tail}`);
    return broken.size === 0 ? 0 : 1;
  },
};

// On demand, beside the hourly one: the heads of the chains that moved, signed, written to CHECKPOINT_DIR.
const checkpoint: Command = {
  summary:
    'checkpoint         sign the heads of every chain that moved since the last checkpoint and write them to CHECKPOINT_DIR',
  run: async (app, _args, io) => {
    const result = await app.get(CheckpointService).take();
    if (!result.taken) {
      io.out(`không có gì thay đổi / nothing moved since checkpoint ${result.latest ?? '(none)'}: none written`);
      return 0;
    }
    const { document: d, file } = result;
    io.out(`điểm kiểm / checkpoint ${d.number} signed: ${d.chains.length} chains, admin chain at ${d.admin?.seq ?? 0}`);
    io.out(`  ${file}`);
    io.out(`  key ${d.keyFingerprint}; keep a copy outside this machine`);
    return 0;
  },
};

const seedDemo: Command = {
  summary: 'seed-demo          create the demo ward, schools, users and cases (once)',
  run: async (app, _args, io) => {
    const created = await app.get(DemoSeedService).seedOnce();
    io.out(created ? 'demo data created' : 'demo data already present: nothing changed');
    return 0;
  },
};

// Safe to repeat: a ward whose directory already holds receivers is left as it is.
const seedDirectory: Command = {
  summary:
    'seed-directory <wardId>   give a new ward the receivers of DIRECTORY_SEED_FILE (once; a ward with a directory is left as it is)',
  run: async (app, [wardId], io) => {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(wardId ?? '')) {
      io.err(`usage: ${seedDirectory.summary}`);
      return 2;
    }
    try {
      const { created } = await app
        .get(DirectorySeedService)
        .seedWard(wardId.toLowerCase(), null, 'cli:seed-directory');
      io.out(
        created
          ? `${created} đơn vị đã thêm vào danh bạ / receivers added to the directory of ward ${wardId}`
          : `danh bạ của phường đã có dữ liệu / the directory of ward ${wardId} is not empty: nothing changed`,
      );
      return 0;
    } catch (e) {
      if (!(e instanceof DirectoryException)) throw e;
      io.err(`${e.messageVi} / ${e.messageEn} (${wardId})`);
      return 1;
    }
  },
};

const createUser: Command = {
  summary: 'create-user <username> <full name> <role[,role]> [schoolId,…]   password from DH_NEW_PASSWORD',
  run: async (app, [username, typedName, roleList, schoolList], io) => {
    const password = process.env.DH_NEW_PASSWORD;
    // As the admin API does: a name of spaces is no name.
    const fullName = typedName?.trim();
    const roles = (roleList ?? '').split(',').filter(Boolean) as Role[];
    if (
      !username ||
      !fullName ||
      roles.length === 0 ||
      roles.some((r) => !ROLES.includes(r)) ||
      !password ||
      password.length < 8
    ) {
      io.err(`usage: ${createUser.summary}\nroles: ${ROLES.join(', ')}; DH_NEW_PASSWORD at least 8 characters`);
      return 2;
    }
    const user = await app.get(UserService).createUser({
      username,
      fullName,
      password,
      roles,
      schoolIds: (schoolList ?? '').split(',').filter(Boolean),
    });
    io.out(`user ${user.username} created: ${user.id}`);
    return 0;
  },
};

// The migrations ran as the CLI started (DatabaseModule): this says what they did and who got which rights.
const migrate: Command = {
  summary:
    "migrate            apply pending migrations as MIGRATION_DATABASE_URL's role (or DATABASE_URL's), grant DATABASE_URL's role",
  run: async (app, _args, io) => {
    const run = app.get<MigrationRun>(MIGRATION_RUN);
    io.out(
      run.ran.length
        ? `${run.ran.length} migration(s) applied as ${run.owner}: ${run.ran.join(', ')}`
        : `migrations are up to date (owner ${run.owner})`,
    );
    if (run.grants) {
      io.out(
        `runtime role ${run.grants.role}: SELECT, INSERT, UPDATE, DELETE on ${run.grants.ordinary} tables, SELECT, INSERT only on ${run.grants.appendOnly.join(', ')}`,
      );
    } else if (run.owner !== run.runtime) {
      io.out(
        `schema owned by ${run.owner}, nothing granted: set MIGRATION_DATABASE_URL to its URL to migrate and grant ${run.runtime}`,
      );
    } else {
      io.out(
        `one role (${run.owner}) owns and runs: nothing granted; set MIGRATION_DATABASE_URL to keep the audit trail out of the application's reach`,
      );
    }
    return 0;
  },
};

// One sweep now, or as of a given instant (--at 2026-03-09T09:00:00+07:00) to replay a catch-up.
const sweep: Command = {
  summary: 'sweep [--at ISO]   raise every escalation that has fallen due, once, then deliver the outbox',
  run: async (app, args, io, clock) => {
    const at = args[0] === '--at' ? new Date(args[1] ?? '') : null;
    if (at && Number.isNaN(at.getTime())) {
      io.err(`usage: ${sweep.summary}`);
      return 2;
    }
    if (at) clock.set(at);
    const result = await app.get(EscalationSweepService).sweepOnce();
    const outbox = await app.get(DeliveryDispatcher).drain();
    io.out(
      `${result.rungs} mức cảnh báo / rungs raised, ${result.alerts} cảnh báo / alerts, ${outbox.sent} đã gửi / sent, ${outbox.failed} thất bại / failed`,
    );
    return 0;
  },
};

const calendar: Command = {
  summary: 'calendar <year>    the effective working calendar of a year: days off and Saturdays worked',
  run: async (app, [year], io) => {
    if (!/^\d{4}$/.test(year ?? '')) {
      io.err(`usage: ${calendar.summary}`);
      return 2;
    }
    for (const d of app.get(WorkingCalendar).yearCalendar(Number(year))) {
      io.out(`${d.date}  ${d.kind.padEnd(16)} ${d.name}${d.decision ? `  (${d.decision})` : ''}`);
    }
    return 0;
  },
};

// Dry run unless --apply: operators read what would happen before it happens.
const migrateCases: Command = {
  summary:
    'migrate-cases --to case@2 [--apply] <caseId…>   move chosen cases to a newer machine (dry run first), audited',
  run: async (app, args, io) => {
    const toAt = args.indexOf('--to');
    const to = toAt >= 0 ? args[toAt + 1] : undefined;
    const apply = args.includes('--apply');
    const ids = args.filter((a, i) => !a.startsWith('--') && i !== toAt + 1);
    if (!to || !isMachineVersion(to) || ids.length === 0) {
      io.err(`usage: ${migrateCases.summary}`);
      return 2;
    }
    const service = app.get(CaseMigrationService);
    const lines = apply ? await service.apply(ids, to, 'cli:migrate-cases') : await service.plan(ids, to);
    for (const l of lines) {
      io.out(
        `${l.ok ? (apply ? 'MIGRATED' : 'WOULD MIGRATE') : 'REFUSED'}  ${l.caseId} ${l.code ?? ''} ${l.from ?? '?'} → ${l.to} (${l.state ?? '?'})${l.reason ? `: ${l.reason}` : ''}`,
      );
    }
    io.out(apply ? 'applied' : 'dry run: nothing changed; add --apply to migrate');
    return lines.every((l) => l.ok) ? 0 : 1;
  },
};

// Run with DATA_KEY set to the new key and DATA_KEY_PREVIOUS to the old one, while the servers (restarted
// with both) keep answering. Afterwards DATA_KEY alone opens everything; the rotation is in the admin chain.
const rotateDataKey: Command = {
  summary:
    'rotate-data-key    rewrap every data key under DATA_KEY (old one in DATA_KEY_PREVIOUS), start a new one, re-encrypt under it',
  run: async (app, _args, io, clock) => {
    const rotation = await app.get(KeyRing).rotate();
    const reencrypted = await app.get(ReencryptService).reencryptAll();
    await app.get(DataSource).transaction((tx) =>
      app.get(AdminAuditService).append(tx, {
        type: 'DATA_KEYS_ROTATED',
        actorId: null,
        actorRole: null,
        subjectId: null,
        payload: { ...rotation, reencrypted },
        requestId: 'cli:rotate-data-key',
        at: clock.now(),
      }),
    );
    io.out(
      `${rotation.rewrapped} khóa dữ liệu được bọc lại / data keys rewrapped under the new DATA_KEY; new data key ${rotation.newKeyId}`,
    );
    for (const [table, rows] of Object.entries(reencrypted)) io.out(`  ${table}: ${rows} rows re-encrypted`);
    io.out('audit events keep their data keys (now wrapped under the new DATA_KEY); DATA_KEY_PREVIOUS may be removed');
    return 0;
  },
};

// The first admin of an installation where second factors are enforced (production): nobody can enrol them in the
// app yet. Prints the secret and recovery codes once; the enrolment is in the admin chain as the operator's.
const enrolSecondFactor: Command = {
  summary: 'enrol-second-factor <username>   a TOTP secret and recovery codes for this user, shown once',
  run: async (app, [username], io) => {
    const user = username ? await app.get(DataSource).getRepository(User).findOneBy({ username }) : null;
    if (!user) {
      io.err(`usage: ${enrolSecondFactor.summary}\nno user named ${username ?? '(none)'}`);
      return 2;
    }
    const enrolment = await app.get(SecondFactorService).enrol(null, user.id);
    io.out(`khóa bí mật / secret (base32): ${enrolment.secret}`);
    io.out(`otpauth: ${enrolment.otpauthUri}`);
    io.out('mã khôi phục / recovery codes (shown once):');
    for (const code of enrolment.recoveryCodes) io.out(`  ${code}`);
    io.out('the user confirms with a first code at login');
    return 0;
  },
};

// After an upgrade to keys per case: moves every case's content written before under that case's own key, so the
// end of its retention period can destroy it. Safe to run again; the servers keep answering.
const reencrypt: Command = {
  summary:
    "reencrypt          re-seal every sealed column under the key it belongs under (a case's own, else the shared one)",
  run: async (app, _args, io) => {
    const reencrypted = await app.get(ReencryptService).reencryptAll();
    for (const [table, rows] of Object.entries(reencrypted)) io.out(`  ${table}: ${rows} rows re-encrypted`);
    return 0;
  },
};

// What the daily retention sweep would destroy now, or (--apply) destroys it: each case in the admin chain.
const retention: Command = {
  summary: 'retention          list the closed cases whose retention period is over; --apply destroys their content',
  run: async (app, args, io) => {
    const service = app.get(RetentionService);
    const cases = args.includes('--apply') ? (await service.sweep('cli:retention')).shredded : await service.due();
    for (const c of cases)
      io.out(
        `${args.includes('--apply') ? 'SHREDDED' : 'DUE'}  ${c.id} ${c.code} closed ${c.closedAt.toISOString()}, ${c.years} years (${c.kinds.join(', ')})`,
      );
    io.out(
      args.includes('--apply')
        ? `${cases.length} hồ sơ đã hủy nội dung / cases shredded`
        : `${cases.length} hồ sơ đến hạn hủy / cases due; add --apply to destroy their content`,
    );
    return 0;
  },
};

export const COMMANDS: Record<string, Command> = {
  verify,
  checkpoint,
  sweep,
  calendar,
  'migrate-cases': migrateCases,
  'seed-demo': seedDemo,
  'seed-directory': seedDirectory,
  'create-user': createUser,
  migrate,
  'rotate-data-key': rotateDataKey,
  reencrypt,
  retention,
  'enrol-second-factor': enrolSecondFactor,
};

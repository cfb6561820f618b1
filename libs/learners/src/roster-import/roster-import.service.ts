import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AdminAuditService } from '@dh/audit';
import { LocalTime } from '@dh/calendar';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { FieldCipher, type Sealer } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { FieldProblem, InputValidationException } from '@dh/errors';
import { assertAllowed, Caller, chainActor, POLICY, School, schoolNotFound } from '@dh/identity';
import { nameKey } from '@dh/labels';
import {
  GUARDIANS_SEALED_AS,
  NATIONAL_ID_SEALED_AS,
  ROSTER_OUTCOME_SEALED_AS,
  ROSTER_ROWS_SEALED_AS,
} from '../learner-sealed';
import { Guardian } from '../learner.entity';
import { LearnerException, LearnerExceptionCode } from '../learner.exception';
import { ChangeRosterMappingDto, ConfirmRosterImportDto } from './dtos/roster-import.dto';
import { proposeMapping, ROSTER_FIELDS, RosterMapping } from './roster-columns';
import { kindOf, readRoster, RosterFileError, RosterFileProblem, RosterFileRow, RosterSheet } from './roster-file';
import { RosterImport, RosterMappingRow } from './roster-import.entity';
import { DoubtfulRow, RosterCandidate, RosterImportView, RosterPreviewRow } from './roster-import-view';
import { readRows, RefusedRow, RosterRow } from './roster-rows';

// The upload as multer hands it over (memory storage: the file is a Buffer, at most ROSTER_IMPORT_MAX_BYTES).
export type UploadedRosterFile = { originalname: string; buffer: Buffer; size: number };

// Rows written per transaction: a failure loses one batch, never half of one.
export const ROSTER_BATCH = 500;
const PREVIEW_ROWS = 20;
const RELATIONSHIP = 'cha/mẹ';
const MAX_GUARDIANS = 10;

type Existing = {
  id: string;
  fullName: string;
  skeletonKey: string;
  dateOfBirth: string;
  className: string;
  nationalIdDigest: string | null;
  // Marked as having left by an earlier full roster.
  gone: boolean;
};

type Step =
  | { kind: 'refused'; row: number; refused: RefusedRow }
  | { kind: 'doubtful'; row: number; doubtful: DoubtfulRow }
  | { kind: 'add'; row: number; r: RosterRow; digest: string | null; learnerId: string }
  | { kind: 'update'; row: number; r: RosterRow; digest: string | null; learnerId: string };

// The learner's columns a roster row sets, one array per column, in the order both the insert and the update bind
// them ($3–$8).
const learnerColumns = (steps: { r: RosterRow }[]) => [
  steps.map((s) => s.r.fullName),
  steps.map((s) => nameKey(s.r.fullName)),
  steps.map((s) => s.r.skeletonKey),
  steps.map((s) => s.r.dateOfBirth),
  steps.map((s) => s.r.sex),
  steps.map((s) => s.r.className),
];

const sealedNationalId = (sealer: Sealer, r: RosterRow): string | null =>
  r.nationalId ? sealer.seal(r.nationalId, NATIONAL_ID_SEALED_AS) : null;

type Outcome = { refused: RefusedRow[]; doubtful: DoubtfulRow[] };

const FILE_PROBLEMS: Record<RosterFileProblem | 'missing', [string, string]> = {
  missing: ['Chưa chọn tệp', 'no file was sent (multipart field "file")'],
  unknown_type: [
    'Tệp phải là bảng tính Excel (.xlsx) hoặc .csv',
    'the file must be an Excel workbook (.xlsx) or a .csv',
  ],
  unreadable: ['Không đọc được tệp', 'the file cannot be read'],
  no_header: [
    'Không tìm thấy dòng tiêu đề cột (cần ít nhất cột "Họ và tên" và một cột khác)',
    'no header row found (a "Họ và tên" column and at least one other)',
  ],
  too_many_rows: ['Tệp có quá nhiều dòng', 'the file has too many rows'],
};

const bad = (field: string, vi: string, en: string): InputValidationException =>
  new InputValidationException([{ field, problems: [`${vi} / ${en}`] }]);

const lookKey = (skeletonKey: string, dateOfBirth: string) => `${skeletonKey}|${dateOfBirth}`;

// A school's roster from its own Excel or CSV export: uploaded (read, a mapping proposed, a preview), confirmed
// with the mapping, then run in the background in batches, its progress on its row; the whole of it one event of
// the admin chain. Learners are matched by the national learner ID's digest, else by the look-alike rule (name
// and birth date); what the rule cannot decide waits for a person, never merged silently.
@Injectable()
export class RosterImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RosterImportService.name);
  private readonly local: LocalTime;
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cipher: FieldCipher,
    private readonly chain: AdminAuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.local = new LocalTime(config.tzName);
  }

  // A run lives in the process that started it: one still 'running' at start was cut short by a stop. Its batches
  // that committed stay (each is whole); it is marked failed so that nobody waits on it, and the same file uploaded
  // again finishes the work (the learners it already wrote are found and updated, not added twice).
  async onApplicationBootstrap(): Promise<void> {
    const [cut]: { n: number }[] = await this.source.query(
      `WITH cut AS (UPDATE roster_import SET status = 'failed', finished_at = $1 WHERE status = 'running' RETURNING 1)
       SELECT count(*)::int AS n FROM cut`,
      [this.clock.now()],
    );
    if (cut.n > 0) this.logger.warn({ msg: 'roster imports cut short by a stop, marked failed', count: cut.n });
  }

  async upload(caller: Caller, schoolId: string, file: UploadedRosterFile | undefined): Promise<RosterImportView> {
    await this.assertSchool(caller, schoolId);
    const problem = (p: RosterFileProblem | 'missing') => bad('file', ...FILE_PROBLEMS[p]);
    if (!file || file.size === 0) throw problem('missing');
    const kind = kindOf(file.originalname, file.buffer);
    if (!kind) throw problem('unknown_type');
    let sheet: RosterSheet;
    try {
      sheet = await readRoster(kind, file.buffer, this.config.rosterImport.maxRows);
    } catch (e) {
      if (e instanceof RosterFileError) throw problem(e.problem);
      throw e;
    }
    const saved = await this.source.getRepository(RosterMappingRow).findOneBy({ schoolId });
    // The school's own mapping where this file has every column it names; else what the headers say.
    const mapping =
      saved && Object.values(saved.mapping).every((h) => sheet.headers.includes(h))
        ? saved.mapping
        : proposeMapping(sheet.headers);
    const row = this.source.getRepository(RosterImport).create({
      id: randomUUID(),
      schoolId,
      fileName: file.originalname.slice(0, 255),
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      fileKind: kind,
      status: 'preview',
      headerRow: sheet.headerRow,
      headers: sheet.headers,
      rows: this.cipher.sealJson(sheet.rows, ROSTER_ROWS_SEALED_AS),
      mapping,
      // Until the confirmation says otherwise: partial (ConfirmRosterImportDto.fullRoster).
      fullRoster: false,
      rowsTotal: sheet.rows.length,
      rowsRead: 0,
      rowsTaken: 0,
      rowsRefused: 0,
      rowsDoubtful: 0,
      learnersAdded: 0,
      learnersUpdated: 0,
      learnersLeft: 0,
      outcome: null,
      createdBy: caller.id,
      createdAt: this.clock.now(),
      confirmedBy: null,
      confirmedAt: null,
      finishedAt: null,
    });
    await this.source.getRepository(RosterImport).insert(row);
    return this.viewOf(row, sheet.rows);
  }

  async get(caller: Caller, schoolId: string, importId: string): Promise<RosterImportView> {
    await this.assertSchool(caller, schoolId);
    const row = await this.find(schoolId, importId);
    return this.viewOf(row);
  }

  // Another mapping for a file not yet confirmed: the preview under it.
  async changeMapping(
    caller: Caller,
    schoolId: string,
    importId: string,
    dto: ChangeRosterMappingDto,
  ): Promise<RosterImportView> {
    await this.assertSchool(caller, schoolId);
    const row = await this.find(schoolId, importId);
    if (row.status !== 'preview') throw new LearnerException(LearnerExceptionCode.ROSTER_IMPORT_NOT_PENDING);
    const mapping = this.checkMapping(row, dto.mapping);
    await this.source.getRepository(RosterImport).update({ id: row.id }, { mapping });
    return this.viewOf({ ...row, mapping });
  }

  // Starts the run and answers at once: the import's progress is on GET.
  async confirm(
    caller: Caller,
    schoolId: string,
    importId: string,
    dto: ConfirmRosterImportDto,
  ): Promise<RosterImportView> {
    await this.assertSchool(caller, schoolId);
    const now = this.clock.now();
    const started = await inTransaction(this.source, async (tx) => {
      const row = await tx
        .getRepository(RosterImport)
        .findOne({ where: { id: importId, schoolId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new LearnerException(LearnerExceptionCode.ROSTER_IMPORT_NOT_FOUND);
      if (row.status !== 'preview') throw new LearnerException(LearnerExceptionCode.ROSTER_IMPORT_NOT_PENDING);
      const mapping = this.checkMapping(row, dto.mapping);
      await this.checkResolutions(tx, { ...row, mapping }, dto.resolutions ?? []);
      const fullRoster = dto.fullRoster ?? false;
      const changes = { status: 'running' as const, mapping, fullRoster, confirmedBy: caller.id, confirmedAt: now };
      await tx.getRepository(RosterImport).update({ id: row.id }, changes);
      await tx
        .getRepository(RosterMappingRow)
        .upsert({ schoolId, mapping, updatedBy: caller.id, updatedAt: now }, ['schoolId']);
      return { ...row, ...changes };
    });
    const resolutions = new Map((dto.resolutions ?? []).map((r) => [r.row, r.learnerId]));
    const run = this.run(caller, started, resolutions)
      .catch(async (e: unknown) => {
        this.logger.error({ msg: 'roster import failed', importId, err: String(e) });
        await this.source
          .getRepository(RosterImport)
          .update({ id: importId }, { status: 'failed', finishedAt: this.clock.now() });
      })
      .finally(() => this.running.delete(importId));
    this.running.set(importId, run);
    return this.viewOf(started);
  }

  // Resolves once the import's run in this process has ended (at once when none runs): for the tests and the bench.
  async settled(importId: string): Promise<void> {
    await this.running.get(importId);
  }

  private async run(caller: Caller, imp: RosterImport, resolutions: Map<number, string | null>): Promise<void> {
    const rows = await this.cipher.openJson<RosterFileRow[]>(imp.rows, ROSTER_ROWS_SEALED_AS);
    const existing = await this.existing(this.source.manager, imp.schoolId);
    const steps = this.plan(imp, rows, existing, resolutions);
    const touched = new Set<string>();
    const outcome: Outcome = { refused: [], doubtful: [] };
    const totals = { added: 0, updated: 0 };
    for (let i = 0; i < steps.length; i += ROSTER_BATCH) {
      const batch = steps.slice(i, i + ROSTER_BATCH);
      await inTransaction(this.source, async (tx) => {
        const added = batch.filter((s) => s.kind === 'add');
        const updated = batch.filter((s) => s.kind === 'update');
        await this.insertLearners(tx, imp.schoolId, added);
        await this.updateLearners(tx, updated);
        const refused = batch.filter((s) => s.kind === 'refused').length;
        const doubtful = batch.filter((s) => s.kind === 'doubtful').length;
        await tx.query(
          `UPDATE roster_import SET rows_read = rows_read + $2, rows_taken = rows_taken + $3,
             rows_refused = rows_refused + $4, rows_doubtful = rows_doubtful + $5,
             learners_added = learners_added + $6, learners_updated = learners_updated + $7 WHERE id = $1`,
          [imp.id, batch.length, added.length + updated.length, refused, doubtful, added.length, updated.length],
        );
      });
      for (const s of batch) {
        if (s.kind === 'refused') outcome.refused.push(s.refused);
        else if (s.kind === 'doubtful') outcome.doubtful.push(s.doubtful);
        else touched.add(s.learnerId);
        if (s.kind === 'add') totals.added++;
        if (s.kind === 'update') totals.updated++;
      }
    }
    await inTransaction(this.source, async (tx) => {
      const now = this.clock.now();
      let left = 0;
      // Only a full roster that took something says who left; a learner a doubtful or refused row may name stays.
      if (imp.fullRoster && totals.added + totals.updated > 0) {
        const kept = [...touched, ...this.mayBeNamed(steps, existing)];
        const [gone]: { n: number }[] = await tx.query(
          `WITH gone AS (UPDATE learner SET left_at = $3, updated_at = $3
                          WHERE school_id = $1 AND left_at IS NULL AND NOT (id = ANY($2::uuid[])) RETURNING 1)
           SELECT count(*)::int AS n FROM gone`,
          [imp.schoolId, kept, now],
        );
        left = gone.n;
      }
      await tx.getRepository(RosterImport).update(
        { id: imp.id },
        {
          status: 'done',
          learnersLeft: left,
          finishedAt: now,
          outcome: this.cipher.sealJson(outcome, ROSTER_OUTCOME_SEALED_AS),
          // The file's rows are not kept once they are in: what was refused or left undecided is in `outcome`.
          rows: this.cipher.sealJson([], ROSTER_ROWS_SEALED_AS),
        },
      );
      const counts = await tx.getRepository(RosterImport).findOneByOrFail({ id: imp.id });
      await this.chain.append(tx, {
        ...chainActor(caller),
        type: 'ROSTER_IMPORTED',
        subjectId: imp.id,
        payload: {
          schoolId: imp.schoolId,
          fileName: imp.fileName,
          sha256: imp.sha256,
          fullRoster: imp.fullRoster,
          rowsRead: counts.rowsRead,
          rowsTaken: counts.rowsTaken,
          rowsRefused: counts.rowsRefused,
          rowsDoubtful: counts.rowsDoubtful,
          learnersAdded: counts.learnersAdded,
          learnersUpdated: counts.learnersUpdated,
          learnersLeft: left,
        },
        at: now,
      });
    });
    this.logger.log({ msg: 'roster imported', importId: imp.id, rows: rows.length });
  }

  // Learners a refused or doubtful row may be about (same ID, or same name): a full roster does not mark them left.
  private mayBeNamed(steps: Step[], existing: Existing[]): string[] {
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const s of steps) {
      if (s.kind === 'doubtful') s.doubtful.candidates.forEach((c) => ids.add(c.id));
      if (s.kind === 'refused' && s.refused.fullName) names.add(nameKey(s.refused.fullName));
    }
    for (const e of existing) if (names.has(nameKey(e.fullName))) ids.add(e.id);
    return [...ids];
  }

  private async existing(tx: EntityManager, schoolId: string): Promise<Existing[]> {
    const rows: {
      id: string;
      full_name: string;
      skeleton_key: string;
      date_of_birth: string;
      class_name: string;
      national_code_digest: string | null;
      gone: boolean;
    }[] = await tx.query(
      `SELECT id, full_name, skeleton_key, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, class_name,
              national_code_digest, left_at IS NOT NULL AS gone
         FROM learner WHERE school_id = $1`,
      [schoolId],
    );
    return rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      skeletonKey: r.skeleton_key,
      dateOfBirth: r.date_of_birth,
      className: r.class_name,
      nationalIdDigest: r.national_code_digest,
      gone: r.gone,
    }));
  }

  private digestOf(nationalId: string): string {
    return this.cipher.digest(`${NATIONAL_ID_SEALED_AS}:${nationalId}`);
  }

  // What each row would do. Rows with a national ID known to the school update that learner first, so that a
  // row without one cannot take the learner another row names; then, in the file's order, the look-alike rule:
  // one learner of that name and birth date (not taken by another row, not holding another ID) is that learner;
  // none is a new learner; more than one, or one already taken, is for a person to decide (`resolutions`).
  private plan(
    imp: RosterImport,
    rows: RosterFileRow[],
    existing: Existing[],
    resolutions: Map<number, string | null>,
  ): Step[] {
    const { taken, refused } = readRows(imp.headers, imp.mapping, rows, this.today());
    const byDigest = new Map(existing.filter((e) => e.nationalIdDigest).map((e) => [e.nationalIdDigest, e]));
    const byLook = new Map<string, Existing[]>();
    for (const e of existing) {
      const k = lookKey(e.skeletonKey, e.dateOfBirth);
      byLook.set(k, [...(byLook.get(k) ?? []), e]);
    }
    const claimed = new Set<string>();
    const steps = new Map<number, Step>();
    const digests = new Map(taken.map((r) => [r.row, r.nationalId ? this.digestOf(r.nationalId) : null]));
    for (const r of taken) {
      const digest = digests.get(r.row) ?? null;
      const known = digest ? byDigest.get(digest) : undefined;
      if (!known) continue;
      claimed.add(known.id);
      steps.set(r.row, { kind: 'update', row: r.row, r, digest, learnerId: known.id });
    }
    for (const r of taken) {
      if (steps.has(r.row)) continue;
      const digest = digests.get(r.row) ?? null;
      // A learner holding another ID is another person, whatever their name.
      const looks = (byLook.get(lookKey(r.skeletonKey, r.dateOfBirth)) ?? []).filter(
        (e) => digest === null || e.nationalIdDigest === null,
      );
      const decided = resolutions.get(r.row);
      const free = looks.filter((e) => !claimed.has(e.id));
      if (decided === null && looks.length > 0) {
        steps.set(r.row, { kind: 'add', row: r.row, r, digest, learnerId: randomUUID() });
      } else if (decided && free.some((e) => e.id === decided)) {
        claimed.add(decided);
        steps.set(r.row, { kind: 'update', row: r.row, r, digest, learnerId: decided });
      } else if (looks.length === 0) {
        steps.set(r.row, { kind: 'add', row: r.row, r, digest, learnerId: randomUUID() });
      } else if (looks.length === 1 && free.length === 1) {
        claimed.add(free[0].id);
        steps.set(r.row, { kind: 'update', row: r.row, r, digest, learnerId: free[0].id });
      } else {
        const candidates: RosterCandidate[] = looks.map((e) => ({
          id: e.id,
          fullName: e.fullName,
          dateOfBirth: e.dateOfBirth,
          className: e.className,
        }));
        steps.set(r.row, {
          kind: 'doubtful',
          row: r.row,
          doubtful: { row: r.row, fullName: r.fullName, dateOfBirth: r.dateOfBirth, candidates },
        });
      }
    }
    for (const f of refused) steps.set(f.row, { kind: 'refused', row: f.row, refused: f });
    return [...steps.values()].sort((a, b) => a.row - b.row);
  }

  private async insertLearners(
    tx: EntityManager,
    schoolId: string,
    steps: Extract<Step, { kind: 'add' }>[],
  ): Promise<void> {
    if (steps.length === 0) return;
    const now = this.clock.now();
    const sealer = this.cipher.sharedSealer();
    const col = <T>(f: (s: Extract<Step, { kind: 'add' }>) => T): T[] => steps.map(f);
    await tx.query(
      `INSERT INTO learner (id, school_id, full_name, name_key, skeleton_key, date_of_birth, sex, class_name,
                            guardians, national_code, national_code_digest, created_at, updated_at)
       SELECT v.id, $1, v.full_name, v.name_key, v.skeleton_key, v.date_of_birth, v.sex, v.class_name, v.guardians,
              v.national_code, v.digest, $11, $11
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $12::text[])
           AS v(id, full_name, name_key, skeleton_key, date_of_birth, sex, class_name, guardians, national_code, digest)`,
      [
        schoolId,
        col((s) => s.learnerId),
        ...learnerColumns(steps),
        col((s) => sealer.sealJson(this.mergeGuardians([], s.r), GUARDIANS_SEALED_AS)),
        col((s) => sealedNationalId(sealer, s.r)),
        now,
        col((s) => s.digest),
      ],
    );
  }

  // A learner found again: the roster's class, name and birth date, a parent not yet known added (a known one's
  // phone brought up to date), their ID recorded if they had none, and back if they had left.
  private async updateLearners(tx: EntityManager, steps: Extract<Step, { kind: 'update' }>[]): Promise<void> {
    if (steps.length === 0) return;
    const ids = steps.map((s) => s.learnerId);
    const current: { id: string; guardians: string }[] = await tx.query(
      `SELECT id, guardians FROM learner WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    const family = new Map<string, Guardian[]>();
    for (const c of current)
      family.set(c.id, await this.cipher.openJson<Guardian[]>(c.guardians, GUARDIANS_SEALED_AS, []));
    const sealer = this.cipher.sharedSealer();
    const col = <T>(f: (s: Extract<Step, { kind: 'update' }>) => T): T[] => steps.map(f);
    await tx.query(
      `UPDATE learner l SET full_name = v.full_name, name_key = v.name_key, skeleton_key = v.skeleton_key,
              date_of_birth = v.date_of_birth, sex = CASE WHEN v.sex = 'khong_ro' THEN l.sex ELSE v.sex END,
              class_name = v.class_name, guardians = COALESCE(v.guardians, l.guardians),
              national_code = COALESCE(l.national_code, v.national_code),
              national_code_digest = COALESCE(l.national_code_digest, v.digest), left_at = NULL, updated_at = $1
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[],
                     $10::text[], $11::text[])
           AS v(id, full_name, name_key, skeleton_key, date_of_birth, sex, class_name, guardians, national_code, digest)
        WHERE l.id = v.id`,
      [
        this.clock.now(),
        ids,
        ...learnerColumns(steps),
        col((s) => {
          const before = family.get(s.learnerId) ?? [];
          const after = this.mergeGuardians(before, s.r);
          // Unchanged families are not sealed again: the row keeps its value.
          return after === before ? null : sealer.sealJson(after, GUARDIANS_SEALED_AS);
        }),
        col((s) => sealedNationalId(sealer, s.r)),
        col((s) => s.digest),
      ],
    );
  }

  // The same list when the row brings nothing new.
  private mergeGuardians(before: Guardian[], r: RosterRow): Guardian[] {
    const g = r.guardian;
    if (!g) return before;
    const key = nameKey(g.fullName);
    const known = before.findIndex((b) => nameKey(b.fullName) === key);
    if (known >= 0) {
      if (!g.phone || before[known].phone === g.phone) return before;
      return before.map((b, i) => (i === known ? { ...b, phone: g.phone as string } : b));
    }
    if (before.length >= MAX_GUARDIANS) return before;
    return [...before, { fullName: g.fullName, relationship: RELATIONSHIP, ...(g.phone ? { phone: g.phone } : {}) }];
  }

  private today(): string {
    return this.local.of(this.clock.now()).date;
  }

  // The mapping's headers are the file's; the name, birth date and class are named.
  private checkMapping(row: RosterImport, mapping: RosterMapping): RosterMapping {
    const problems: FieldProblem[] = [];
    const clean: RosterMapping = {};
    for (const f of ROSTER_FIELDS) {
      const h = mapping[f];
      if (h === undefined || h === null || h === '') continue;
      if (!row.headers.includes(h))
        problems.push({
          field: `mapping.${f}`,
          problems: [`Tệp không có cột "${h}" / the file has no column "${h}"`],
        });
      else clean[f] = h;
    }
    const required: [keyof RosterMapping, string, string][] = [
      ['fullName', 'Họ và tên', 'full name'],
      ['dateOfBirth', 'Ngày sinh', 'date of birth'],
      ['className', 'Lớp', 'class'],
    ];
    for (const [f, vi, en] of required)
      if (mapping[f] === undefined || mapping[f] === '')
        problems.push({
          field: `mapping.${f}`,
          problems: [`Chưa chọn cột chứa ${vi} / no column is mapped to the ${en}`],
        });
    if (problems.length) throw new InputValidationException(problems);
    return clean;
  }

  // Each decision is about a row the preview asks about, once, and names one of its candidates that no other row of
  // the file takes (or null): one that would be ignored is refused now, not found skipped after the run.
  private async checkResolutions(
    tx: EntityManager,
    imp: RosterImport,
    resolutions: { row: number; learnerId: string | null }[],
  ): Promise<void> {
    if (resolutions.length === 0) return;
    const rows = await this.cipher.openJson<RosterFileRow[]>(imp.rows, ROSTER_ROWS_SEALED_AS, []);
    const existing = await this.existing(tx, imp.schoolId);
    const asked = new Set(
      this.plan(imp, rows, existing, new Map()).flatMap((s) => (s.kind === 'doubtful' ? [s.row] : [])),
    );
    const decided = new Map(resolutions.map((r) => [r.row, r.learnerId]));
    const taken = new Map(this.plan(imp, rows, existing, decided).map((s) => [s.row, s]));
    const problems: FieldProblem[] = [];
    const seen = new Set<number>();
    resolutions.forEach((r, i) => {
      const at = (f: string, vi: string, en: string) =>
        problems.push({ field: `resolutions[${i}].${f}`, problems: [`${vi} / ${en}`] });
      if (seen.has(r.row)) return at('row', `Dòng ${r.row} có hai quyết định`, `row ${r.row} is decided twice`);
      seen.add(r.row);
      if (!asked.has(r.row))
        return at('row', `Dòng ${r.row} không cần xác nhận`, `row ${r.row} is not one of the rows to confirm`);
      const step = taken.get(r.row);
      const applied =
        r.learnerId === null ? step?.kind === 'add' : step?.kind === 'update' && step.learnerId === r.learnerId;
      if (!applied)
        at(
          'learnerId',
          `Học sinh này không phải là học sinh có thể ghép với dòng ${r.row} (không trùng, hoặc đã ghép với dòng khác)`,
          `not a learner row ${r.row} can be taken as (not one of its candidates, or taken by another row)`,
        );
    });
    if (problems.length) throw new InputValidationException(problems);
  }

  private async find(schoolId: string, importId: string): Promise<RosterImport> {
    const row = await this.source.getRepository(RosterImport).findOneBy({ id: importId, schoolId });
    if (!row) throw new LearnerException(LearnerExceptionCode.ROSTER_IMPORT_NOT_FOUND);
    return row;
  }

  // An unknown school is the request's mistake (400 on schoolId, the path's id); a known one beyond the caller's reach is
  // 404, within it but not theirs to import 403. The admin (scope 'global') reaches every school.
  private async assertSchool(caller: Caller, schoolId: string): Promise<void> {
    const known = await this.source.getRepository(School).exists({ where: { id: schoolId } });
    if (!known) throw bad('schoolId', 'Không tìm thấy trường', 'no such school');
    if (caller.roles.some((r) => POLICY['learner.import'][r] === 'global')) return;
    assertAllowed(caller, 'learner.import', schoolId, schoolNotFound);
  }

  private async viewOf(row: RosterImport, rows?: RosterFileRow[]): Promise<RosterImportView> {
    const counts = {
      rowsTotal: row.rowsTotal,
      rowsRead: row.rowsRead,
      rowsTaken: row.rowsTaken,
      rowsRefused: row.rowsRefused,
      rowsDoubtful: row.rowsDoubtful,
      learnersAdded: row.learnersAdded,
      learnersUpdated: row.learnersUpdated,
      learnersLeft: row.learnersLeft,
    };
    const base = {
      id: row.id,
      schoolId: row.schoolId,
      fileName: row.fileName,
      sha256: row.sha256,
      fileKind: row.fileKind,
      status: row.status,
      headerRow: row.headerRow,
      headers: row.headers,
      mapping: row.mapping,
      fullRoster: row.fullRoster,
      ...counts,
      createdAt: row.createdAt,
      confirmedAt: row.confirmedAt,
      finishedAt: row.finishedAt,
    };
    // Once confirmed: its counts so far, and what it refused or left for a person once it has run.
    if (row.status !== 'preview') {
      const none: Outcome = { refused: [], doubtful: [] };
      const outcome = row.outcome
        ? await this.cipher.openJson<Outcome>(row.outcome, ROSTER_OUTCOME_SEALED_AS, none)
        : none;
      return {
        ...base,
        planned: {
          add: row.learnersAdded,
          update: row.learnersUpdated,
          doubtful: row.rowsDoubtful,
          refused: row.rowsRefused,
          left: row.learnersLeft,
        },
        preview: [],
        refused: outcome.refused ?? [],
        doubtful: outcome.doubtful ?? [],
      };
    }
    // Before confirmation: what the mapping makes of the file against the learners as they are now.
    const fileRows = rows ?? (await this.cipher.openJson<RosterFileRow[]>(row.rows, ROSTER_ROWS_SEALED_AS, []));
    const existing = await this.existing(this.source.manager, row.schoolId);
    const steps = this.plan(row, fileRows, existing, new Map());
    const preview: RosterPreviewRow[] = [];
    for (const s of steps) {
      if (preview.length >= PREVIEW_ROWS) break;
      if (s.kind !== 'add' && s.kind !== 'update') continue;
      preview.push({
        row: s.row,
        fullName: s.r.fullName,
        dateOfBirth: s.r.dateOfBirth,
        sex: s.r.sex,
        className: s.r.className,
        nationalId: s.r.nationalId,
        guardianName: s.r.guardian?.fullName ?? null,
        guardianPhone: s.r.guardian?.phone ?? null,
        action: s.kind,
      });
    }
    const count = (k: Step['kind']) => steps.filter((s) => s.kind === k).length;
    // As the run's end would decide it for a full roster (run()): nobody when the file takes no one.
    const kept = new Set([
      ...steps.flatMap((s) => (s.kind === 'add' || s.kind === 'update' ? [s.learnerId] : [])),
      ...this.mayBeNamed(steps, existing),
    ]);
    const left = count('add') + count('update') > 0 ? existing.filter((e) => !e.gone && !kept.has(e.id)).length : 0;
    return {
      ...base,
      planned: {
        add: count('add'),
        update: count('update'),
        doubtful: count('doubtful'),
        refused: count('refused'),
        left,
      },
      preview,
      refused: steps.flatMap((s) => (s.kind === 'refused' ? [s.refused] : [])),
      doubtful: steps.flatMap((s) => (s.kind === 'doubtful' ? [s.doubtful] : [])),
    };
  }
}

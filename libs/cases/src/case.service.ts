import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, QueryDeepPartialEntity, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@dh/audit';
import { Clock } from '@dh/clock';
import { caseScope, FieldCipher, Sealer } from '@dh/crypto';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@dh/config';
import {
  AlertService,
  CaseClock,
  DeadlineService,
  OpenClockRow,
  overdueCondition,
  SCHOOL_VIOLENCE_FAMILY,
} from '@dh/escalations';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import {
  Action,
  assertAllowed,
  Caller,
  chainActor,
  inWardCondition,
  needsPlace,
  Place,
  School,
  schoolsFor,
  wardFor,
} from '@dh/identity';
import { LearnerService, nameSearchWords } from '@dh/learners';
import { LoadedCase, startCase } from '@dh/machines/case/engine';
import { CURRENT_CASE_MACHINE, MachineVersion } from '@dh/machines/case/registry';
import type { RiskLevel } from '@dh/machines/case/types';
import { AssigneeCheck } from './assignment/assignee-check';
import { CaseReporter } from './case-reporter.entity';
import { CaseView, confidentialFieldsOfCase, toCaseView } from './case-view';
import { CaseEntity, Channel, RankedArea } from './case.entity';
import { CaseException, CaseExceptionCode } from './case.exception';
import { CreateCaseDto } from './dtos/create-case.dto';
import { ListCasesDto } from './dtos/list-cases.dto';
import { decodeCaseCursor, encodeCaseCursor } from './list/case-cursor';
import { readCaseRow } from './read/case-row-read';
import { CursorPage } from '@dh/errors';
import { rankedAreaProblems } from './ranked-areas';
import { ReceivedInput, receivedOf } from './received-at';
import { ConfidentialAccess } from './confidential/confidential-access.service';
import {
  CASE_NARRATIVE_FIELDS,
  CaseNarrativeField,
  ReporterField,
  SEALED_CONTEXT,
} from './confidential/confidential-fields';

export type ReporterInput = { anonymous: boolean } & Partial<Record<ReporterField, string>>;

// What a new case is made of. `openedBy: 'public'` is the public intake form: no user, no learner yet.
export type CaseOpening = {
  school: School;
  learnerId: string | null;
  areas: RankedArea[];
  channel: Channel;
  summary: string;
  riskLevel: RiskLevel;
  riskRationale: string;
  // Mẫu 01's narrative beside the summary, when the intake recorded it.
  narrative?: Partial<Record<CaseNarrativeField, string>>;
  assigneeId: string | null;
  reporter: ReporterInput | null;
  openedBy: ReturnType<typeof chainActor> | 'public';
  requestId?: string;
  trackingDigest?: string;
  bulkTriage?: boolean;
  schoolViolence?: boolean;
  machineVersion?: MachineVersion;
  // When the information reached the school, as the team says; absent, it is received as it is recorded (the public
  // form's report when it is sent). Checked against the same now as the opening.
  received?: ReceivedInput;
};

@Injectable()
export class CaseService {
  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly audit: AuditService,
    private readonly assignees: AssigneeCheck,
    private readonly clock: Clock,
    private readonly deadlines: DeadlineService,
    private readonly alerts: AlertService,
    private readonly confidential: ConfidentialAccess,
    private readonly cipher: FieldCipher,
    private readonly learners: LearnerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // `machineVersion` is for operators and tests that need an older machine; the API always opens on the current one.
  async open(
    caller: Caller,
    dto: CreateCaseDto,
    machineVersion: MachineVersion = CURRENT_CASE_MACHINE,
  ): Promise<CaseView> {
    assertAllowed(caller, 'case.open', dto.schoolId, () => new CaseException(CaseExceptionCode.SCHOOL_NOT_FOUND));
    assertRankedAreas(dto.areas);
    return inTransaction(this.source, async (tx) => {
      const school = await tx.getRepository(School).findOneBy({ id: dto.schoolId });
      if (!school) throw new CaseException(CaseExceptionCode.SCHOOL_NOT_FOUND);
      await this.learners.assertInSchool(tx, dto.learnerId, dto.schoolId);
      // A counsellor who opens a case becomes its assignee unless they name another.
      const assigneeId = dto.assigneeId ?? (caller.roles.includes('counsellor') ? caller.id : null);
      if (assigneeId) await this.assignees.assertAssignable(assigneeId, dto.schoolId, tx);
      const row = await this.openWithin(tx, {
        school,
        learnerId: dto.learnerId,
        areas: dto.areas,
        channel: dto.channel,
        summary: dto.summary,
        riskLevel: dto.riskLevel,
        riskRationale: dto.riskRationale,
        assigneeId,
        reporter: dto.reporter ?? null,
        schoolViolence: dto.schoolViolence,
        narrative: { familyCircumstances: dto.familyCircumstances, actionsTaken: dto.actionsTaken },
        openedBy: chainActor(caller),
        machineVersion,
        received: { receivedAt: dto.receivedAt, receivedLateReason: dto.receivedLateReason },
      });
      return this.view(row, caller, tx);
    });
  }

  // Writes a new case whole inside the caller's transaction: the row, its reporter, the CASE_OPENED event, the
  // first deadlines and the critical-risk alert. Shared by the team's form and the public one (libs/intake),
  // which have checked their own input and rights.
  async openWithin(tx: EntityManager, o: CaseOpening): Promise<CaseEntity> {
    const now = this.clock.now();
    const machineVersion = o.machineVersion ?? CURRENT_CASE_MACHINE;
    const opener = o.openedBy === 'public' ? null : o.openedBy;
    const received = receivedOf(o.received ?? {}, now);
    const narrative = writtenNarrative(o.narrative);
    const started = startCase(machineVersion, {
      openedBy: opener?.actorId ?? null,
      assigneeId: o.assigneeId,
      riskLevel: o.riskLevel,
      learnerKnown: o.learnerId !== null,
    });
    // The id is drawn here: the case's own data key, made in this transaction, seals its content before the insert.
    const id = randomUUID();
    const sealer = await this.cipher.sealer(tx, caseScope(id));
    const row = tx.getRepository(CaseEntity).create({
      id,
      schoolId: o.school.id,
      code: await this.nextCode(o.school, now, tx),
      learnerId: o.learnerId,
      areas: o.areas.map(({ code, priority }) => ({ code, priority })),
      channel: o.channel,
      summary: sealer.seal(o.summary, SEALED_CONTEXT.summary),
      riskLevel: o.riskLevel,
      riskRationale: sealer.seal(o.riskRationale, SEALED_CONTEXT.riskRationale),
      familyCircumstances:
        narrative.familyCircumstances === undefined
          ? null
          : sealer.seal(narrative.familyCircumstances, SEALED_CONTEXT.familyCircumstances),
      actionsTaken:
        narrative.actionsTaken === undefined ? null : sealer.seal(narrative.actionsTaken, SEALED_CONTEXT.actionsTaken),
      assigneeId: o.assigneeId,
      openedBy: opener?.actorId ?? null,
      trackingDigest: o.trackingDigest ?? null,
      bulkTriage: o.bulkTriage ?? false,
      schoolViolence: o.schoolViolence ?? false,
      state: started.state,
      snapshot: started.snapshot,
      machineVersion,
      version: 1,
      clocksPausedAt: null,
      referredToWardAt: null,
      receivedAt: received.receivedAt,
      createdAt: now,
      updatedAt: now,
    });
    await tx.getRepository(CaseEntity).insert(row as QueryDeepPartialEntity<CaseEntity>);
    if (o.reporter) await this.insertReporter(tx, row, o.reporter, sealer);
    await this.audit.append(tx, {
      caseId: row.id,
      schoolId: row.schoolId,
      type: 'CASE_OPENED',
      fromState: null,
      toState: started.state,
      actorId: opener?.actorId ?? null,
      actorRole: opener ? opener.actorRole : 'public',
      // The reporter's identity stays out of the trail: only whether one was recorded.
      payload: {
        code: row.code,
        learnerId: row.learnerId,
        areas: row.areas,
        channel: row.channel,
        summary: o.summary,
        riskLevel: row.riskLevel,
        riskRationale: o.riskRationale,
        ...narrative,
        assigneeId: o.assigneeId,
        machineVersion: row.machineVersion,
        reporter: o.reporter ? { anonymous: o.reporter.anonymous } : null,
        // Beside the event's own time (when it was recorded): a late entry shows as late.
        receivedAt: received.receivedAt.toISOString(),
        ...(received.receivedLateReason !== null ? { receivedLateReason: received.receivedLateReason } : {}),
        ...(row.schoolViolence ? { schoolViolence: true } : {}),
        ...(opener ? {} : { anonymous: true }),
      },
      requestId: opener?.requestId ?? o.requestId ?? null,
      at: now,
    });
    await this.deadlines.moveLeaves(tx, this.clockOf(row), [], started.leaves, now, received.receivedAt);
    if (row.schoolViolence)
      await this.deadlines.openEventClock(tx, this.clockOf(row), SCHOOL_VIOLENCE_FAMILY, now, received.receivedAt);
    if (row.riskLevel === 'critical')
      await this.alerts.raiseCriticalRisk(tx, { caseId: row.id, schoolId: row.schoolId, code: row.code }, now);
    return row;
  }

  // An anonymous reporter's name and phone are dropped, whatever was sent; the public form's contact is what
  // the reporter chose to leave, so it is kept.
  private async insertReporter(
    tx: EntityManager,
    row: CaseEntity,
    reporter: ReporterInput,
    sealer: Sealer,
  ): Promise<void> {
    const sealed = (field: ReporterField) => {
      const value = reporter[field];
      return value === undefined || (reporter.anonymous && (field === 'name' || field === 'phone'))
        ? null
        : sealer.seal(value, SEALED_CONTEXT.reporter(field));
    };
    await tx.getRepository(CaseReporter).insert({
      caseId: row.id,
      schoolId: row.schoolId,
      anonymous: reporter.anonymous,
      name: sealed('name'),
      phone: sealed('phone'),
      relationship: sealed('relationship'),
      contact: sealed('contact'),
    });
  }

  clockOf(row: CaseEntity): CaseClock {
    return {
      caseId: row.id,
      schoolId: row.schoolId,
      machineVersion: row.machineVersion,
      riskLevel: row.riskLevel,
      pausedAt: row.clocksPausedAt,
    };
  }

  // `loaded`: the case as a transition's step left it (machineAllowedEvents). `facts`: what lockVisible read with
  // the row, used where the transaction has not changed it since.
  async view(
    row: CaseEntity,
    caller: Caller,
    tx?: EntityManager,
    reveal = false,
    loaded?: LoadedCase,
    facts?: ViewFacts,
  ): Promise<CaseView> {
    const now = this.clock.now();
    const clocks =
      facts && tx && !this.deadlines.changedIn(tx)
        ? this.deadlines.viewsOf(facts.clocks, now)
        : ((await this.deadlines.openOf([row.id], now, tx)).get(row.id) ?? []);
    const revealed = reveal
      ? {
          summary: await this.cipher.open(row.summary, SEALED_CONTEXT.summary),
          riskRationale: await this.cipher.open(row.riskRationale, SEALED_CONTEXT.riskRationale),
          familyCircumstances:
            row.familyCircumstances === null
              ? null
              : await this.cipher.open(row.familyCircumstances, SEALED_CONTEXT.familyCircumstances),
          actionsTaken:
            row.actionsTaken === null ? null : await this.cipher.open(row.actionsTaken, SEALED_CONTEXT.actionsTaken),
        }
      : null;
    const names =
      facts && facts.learnerId === row.learnerId && facts.assigneeId === row.assigneeId
        ? { learnerName: facts.learnerName, assigneeName: facts.assigneeName }
        : (await this.namesOf(caller, [row], tx))(row);
    return { ...toCaseView(row, caller, clocks, revealed, loaded), ...names };
  }

  // Newest change first, the id breaking ties: a total order, in which a page number or a cursor names one place.
  // A cursor's page holds the cases strictly after the cursor's key, so a walk only ever moves down the order and
  // ends. A case changed during a walk takes a newer updated_at and moves to the top, above the cursor: one already
  // shown is not shown again, one not yet reached is missed by this walk (a walk from the top shows it first).
  async list(caller: Caller, query: ListCasesDto): Promise<CursorPage<CaseView>> {
    const { page, pageSize } = query;
    const qb = this.source.getRepository(CaseEntity).createQueryBuilder('c');
    if (!visibleTo(caller, qb)) return { items: [], total: 0, page, pageSize, nextCursor: null };
    if (query.state) {
      // "referral" means every referral sub-state.
      qb.andWhere('(c.state = :state OR c.state LIKE :statePrefix)', {
        state: query.state,
        statePrefix: `${query.state}.%`,
      });
    }
    if (query.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    if (query.unassigned !== undefined) qb.andWhere(`c.assignee_id IS ${query.unassigned ? '' : 'NOT '}NULL`);
    if (query.risk) qb.andWhere('c.risk_level = :risk', { risk: query.risk });
    if (query.bulkTriage !== undefined) qb.andWhere('c.bulk_triage = :bulkTriage', { bulkTriage: query.bulkTriage });
    if (query.area) qb.andWhere('c.areas @> :area::jsonb', { area: JSON.stringify([{ code: query.area }]) });
    if (query.overdue !== undefined) {
      qb.andWhere(`${query.overdue ? '' : 'NOT '}${overdueCondition('c.id')}`, { now: this.clock.now() });
    }
    let total: number | null = null;
    if (query.q) {
      this.whereCodeOrName(caller, qb, query.q);
      // Telling which cases a search matches reads every case of the school, and a search matches few: that pass
      // is made once, for their ids, which give the total and the page's candidates. Past SEARCH_MATCHES the
      // matches are many, and the count and the walk in order below find a page soon enough.
      const matched = await qb
        .clone()
        .select('c.id', 'id')
        .limit(SEARCH_MATCHES + 1)
        .getRawMany<{ id: string }>();
      if (matched.length <= SEARCH_MATCHES) {
        total = matched.length;
        qb.andWhere('c.id = ANY(:matched)', { matched: matched.map((m) => m.id) });
      }
    }
    // One row per case without a join: count(*) counts the cases, no DISTINCT needed.
    total ??= Number((await qb.clone().select('count(*)', 'total').getRawOne<{ total: string }>())?.total ?? 0);
    const after = query.cursor === undefined ? null : decodeCaseCursor(query.cursor);
    if (after) {
      // The first condition is what the index (school_id, updated_at DESC, id DESC) seeks to; the second leaves
      // out the cases of the cursor's own instant already shown.
      qb.andWhere('c.updated_at <= CAST(:afterAt AS timestamptz)', { afterAt: after.updatedAt }).andWhere(
        '(c.updated_at < CAST(:afterAt AS timestamptz) OR c.id < CAST(:afterId AS uuid))',
        { afterId: after.id },
      );
    }
    // One case more than the page: whether there is a next page, without counting.
    const { entities, raw } = await qb
      .addSelect(SORT_KEY_SQL, 'sort_key_at')
      .orderBy('c.updated_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .offset(after ? 0 : (page - 1) * pageSize)
      .limit(pageSize + 1)
      .getRawAndEntities<{ c_id: string; sort_key_at: string }>();
    const rows = entities.slice(0, pageSize);
    const last = rows.at(-1);
    const lastKey = last && entities.length > pageSize ? raw.find((r) => r.c_id === last.id)?.sort_key_at : undefined;
    const open = await this.deadlines.openOf(
      rows.map((r) => r.id),
      this.clock.now(),
    );
    const names = await this.namesOf(caller, rows);
    return {
      items: rows.map((r) => ({ ...toCaseView(r, caller, open.get(r.id) ?? []), ...names(r) })),
      total,
      page,
      pageSize,
      nextCursor: last && lastKey ? encodeCaseCursor({ updatedAt: lastKey, id: last.id }) : null,
    };
  }

  // The learners' names, for those who may read learners (the school's case team: an inspector or a ward officer
  // reads none), and the assignees' (staff names are no secret to whoever reads the case), in one statement.
  private async namesOf(
    caller: Caller,
    rows: CaseEntity[],
    manager: EntityManager = this.source.manager,
  ): Promise<(row: CaseEntity) => Pick<CaseView, 'learnerName' | 'assigneeName'>> {
    const schools = schoolsFor(caller, 'learner.read');
    const learnerIds = schools.length ? [...new Set(rows.flatMap((r) => (r.learnerId ? [r.learnerId] : [])))] : [];
    const staffIds = [...new Set(rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])))];
    const found: { id: string; full_name: string; staff: boolean }[] =
      learnerIds.length + staffIds.length === 0
        ? []
        : await manager.query(
            `SELECT id, full_name, false AS staff FROM learner WHERE id = ANY($1::uuid[]) AND school_id = ANY($2::uuid[])
             UNION ALL
             SELECT id, full_name, true FROM app_user WHERE id = ANY($3::uuid[])`,
            [learnerIds, schools, staffIds],
          );
    const learners = new Map(found.filter((f) => !f.staff).map((f) => [f.id, f.full_name]));
    const staff = new Map(found.filter((f) => f.staff).map((f) => [f.id, f.full_name]));
    return (row) => ({
      learnerName: (row.learnerId && learners.get(row.learnerId)) || null,
      assigneeName: (row.assigneeId && staff.get(row.assigneeId)) || null,
    });
  }

  // The case number, or every word of the learner's name among the learners the caller may read: a search by name
  // must not tell an inspector which case a child's name belongs to.
  private whereCodeOrName(caller: Caller, qb: SelectQueryBuilder<CaseEntity>, q: string): void {
    const words = nameSearchWords(q);
    const schools = schoolsFor(caller, 'learner.read');
    qb.andWhere(
      new Brackets((either) => {
        // A case number is ASCII (TA-2026-0001): compared under the C collation, ILIKE folds ASCII case alone and
        // costs less than half as much as under the database collation, and it is paid for every case of the school.
        either.where(`c.code COLLATE "C" ILIKE :code ESCAPE '\\'`, {
          code: `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        });
        if (words.length === 0 || schools.length === 0) return;
        const named = words.map((_, i) => `l.skeleton_key LIKE :qw${i} ESCAPE '\\'`).join(' AND ');
        // Uncorrelated: the matching learners are found once and each case is probed against them (a hashed
        // subplan), where an EXISTS beside the OR would look its learner up case by case.
        either.orWhere(
          `c.learner_id IN (SELECT l.id FROM learner l WHERE l.school_id = ANY(:nameSchools) AND ${named})`,
          { nameSchools: schools, ...Object.fromEntries(words.map((w, i) => [`qw${i}`, w])) },
        );
      }),
    );
  }

  // The one read that shows confidential content, to those allowed, and records that they read it.
  async get(caller: Caller, id: string): Promise<CaseView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.findVisible(caller, id, tx);
      const reveal = await this.confidential.mayRead(tx, caller, row);
      if (reveal) await this.confidential.recordView(tx, caller, row, confidentialFieldsOfCase(row));
      return this.view(row, caller, tx, reveal);
    });
  }

  // Another school's case and a case that does not exist answer the same 404; a case the caller sees
  // but may not act on in this way answers 403.
  async findVisible(
    caller: Caller,
    id: string,
    tx?: EntityManager,
    lock = false,
    action: Action = 'case.read',
  ): Promise<CaseEntity> {
    return (await this.readVisible(caller, id, tx ?? this.source.manager, lock, action, false)).row;
  }

  // A writer's read under the row's lock (a transition), with what the case's view shows beside the row: its
  // answer then reads nothing again that the step did not change.
  async lockVisible(
    caller: Caller,
    id: string,
    tx: EntityManager,
    action: Action,
  ): Promise<{ row: CaseEntity; facts: ViewFacts }> {
    const { row, facts } = await this.readVisible(caller, id, tx, true, action, true);
    return { row, facts: facts as ViewFacts };
  }

  private async readVisible(
    caller: Caller,
    id: string,
    manager: EntityManager,
    lock: boolean,
    action: Action,
    withFacts: boolean,
  ): Promise<{ row: CaseEntity; facts: ViewFacts | null }> {
    const schools = schoolsFor(caller, 'case.read');
    const ward = wardFor(caller, 'case.read', 'ward_referred');
    const nameSchools = withFacts ? schoolsFor(caller, 'learner.read') : null;
    const found =
      schools.length || ward !== null ? await readCaseRow(manager, { id, schools, ward, lock, nameSchools }) : null;
    if (!found) throw new CaseException(CaseExceptionCode.CASE_NOT_FOUND);
    const { row } = found;
    assertAllowed(
      caller,
      action,
      row.schoolId,
      () => new CaseException(CaseExceptionCode.CASE_NOT_FOUND),
      await this.placeOf(caller, action, row, manager),
    );
    const facts = withFacts
      ? {
          learnerId: row.learnerId,
          assigneeId: row.assigneeId,
          learnerName: found.facts.learner_name,
          assigneeName: found.facts.assignee_name,
          clocks: found.facts.open_clocks as OpenClockRow[],
        }
      : null;
    return { row, facts };
  }

  // The ward scopes decide on the school's ward and the referral: looked up only for callers holding one.
  private async placeOf(
    caller: Caller,
    action: Action,
    row: CaseEntity,
    manager: EntityManager,
  ): Promise<Place | undefined> {
    if (!needsPlace(caller, 'case.read') && !needsPlace(caller, action)) return undefined;
    const school = await manager
      .getRepository(School)
      .findOne({ where: { id: row.schoolId }, select: { id: true, wardId: true } });
    return school ? { wardId: school.wardId, referredToWard: row.referredToWardAt !== null } : undefined;
  }

  // DD-2026-0001: per school and per year in the ward's time zone, without gaps from concurrent openings.
  private async nextCode(school: School, now: Date, tx: EntityManager): Promise<string> {
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: this.config.tzName, year: 'numeric' }).format(now));
    const [{ last_number }] = await tx.query(
      `INSERT INTO case_code_counter (school_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (school_id, year) DO UPDATE SET last_number = case_code_counter.last_number + 1
       RETURNING last_number`,
      [school.id, year],
    );
    return `${school.code}-${year}-${String(last_number).padStart(4, '0')}`;
  }
}

// What a case's view shows beside its row, read with it under a writer's lock (lockVisible).
export type ViewFacts = {
  learnerId: string | null;
  assigneeId: string | null;
  learnerName: string | null;
  assigneeName: string | null;
  clocks: OpenClockRow[];
};

const SEARCH_MATCHES = 1000;

// The sort key's timestamp as PostgreSQL holds it, to the microsecond, in UTC whatever the session's time zone.
const SORT_KEY_SQL = `to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// Narrows a query to the cases the caller may read: those of their schools, and those referred to their ward.
// False when that is none at all.
const visibleTo = (caller: Caller, qb: SelectQueryBuilder<CaseEntity>): boolean => {
  const schools = schoolsFor(caller, 'case.read');
  const ward = wardFor(caller, 'case.read', 'ward_referred');
  if (schools.length === 0 && ward === null) return false;
  qb.andWhere(
    new Brackets((b) => {
      // One school, the usual case, as an equality: only then can the planner read the list's order off the index.
      if (schools.length === 1) b.orWhere('c.school_id = :school', { school: schools[0] });
      else if (schools.length) b.orWhere('c.school_id = ANY(:schools)', { schools });
      if (ward !== null) {
        b.orWhere(`(c.referred_to_ward_at IS NOT NULL AND ${inWardCondition('c.school_id')})`, { ward });
      }
    }),
  );
  return true;
};

// Only what was written: an absent field stays out of the row's seal and of the CASE_OPENED payload alike.
const writtenNarrative = (n: CaseOpening['narrative']): Partial<Record<CaseNarrativeField, string>> =>
  Object.fromEntries(CASE_NARRATIVE_FIELDS.flatMap((f) => (typeof n?.[f] === 'string' ? [[f, n[f]]] : [])));

export const assertRankedAreas = (areas: RankedArea[]): void => {
  const problems = rankedAreaProblems(areas);
  if (problems.length) throw new InputValidationException([{ field: 'areas', problems }]);
};

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AdminAuditService, AuditService } from '@dh/audit';
import { CaseEntity, CaseService, CaseTransitionService, SEALED_CONTEXT, toHistoryItem } from '@dh/cases';
import { CheckpointSigner } from '@dh/checkpoints';
import { Clock } from '@dh/clock';
import { ConsentService, LEARNER_CONSENT_AGE, SharingVerdict } from '@dh/consent';
import { FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { DeadlineService, DeadlineView } from '@dh/escalations';
import { assertAllowed, Caller, chainActor, School, schoolsFor, User, UserService } from '@dh/identity';
import { Learner } from '@dh/learners';
import { protectionOf } from '@dh/machines/case/engine';
import { PROTECTION_LEGAL_DUTY } from '@dh/records';
import { transferSummaryDocx } from './transfer-docx';
import {
  packagedEvent,
  packageDigestOf,
  TRANSFER_PACKAGE_FORMAT,
  TransferPackage,
  TransferPackageBody,
} from './transfer-package';
import { CaseTransfer, TransferKind, TransferLegalBasis, TransferStatus } from './transfer.entity';
import { TransfersException, TransfersExceptionCode } from './transfers.exception';
import { TRANSFER_CONTEXT } from './transfers-sealed';

const {
  TRANSFER_NOT_FOUND,
  SCHOOL_NOT_FOUND,
  SAME_SCHOOL,
  CASE_CLOSED,
  TRANSFER_PENDING,
  TRANSFER_ANSWERED,
  TRANSFER_STALE,
  CONSENT_MISSING,
  LEARNER_NOT_MOVED,
  LEARNER_UNKNOWN,
  ASSIGNEE_NOT_ELIGIBLE,
} = TransfersExceptionCode;

// The rows beside the case that carry its school, moved with it. The trail (audit_event) stays as written: each
// event keeps the school it happened at. A confidential grant was given to a principal of the sending school and
// ends with the move (its principal no longer reads the case at all).
const CASE_SCHOOL_TABLES = [
  'case_reporter',
  'deadline',
  'alert',
  'consent',
  'referral',
  'assessment_record',
  'support_plan',
  'closure_record',
  'counselling_session',
  'family_contact',
  'follow_up_contact',
] as const;

export type TransferCaseSummary = {
  code: string;
  state: string;
  riskLevel: string;
  areas: string[];
  deadlines: DeadlineView[];
  protection: boolean;
};

export type TransferView = {
  id: string;
  kind: TransferKind;
  status: TransferStatus;
  learnerId: string;
  learnerName: string | null;
  caseId: string | null;
  fromSchool: { id: string; name: string };
  toSchool: { id: string; name: string };
  requestedBy: string;
  requestedAt: string;
  legalBasis: TransferLegalBasis | null;
  consentIds: string[];
  answeredBy: string | null;
  answeredAt: string | null;
  assigneeId: string | null;
  declineReason: string | null;
  transferSeq: number | null;
  // The case as the receiving school decides on it; null for a learner's record, or once the case has moved on.
  summary: TransferCaseSummary | null;
};

export type TransferPackageAnswer = { fileName: string; summaryDocx: string; package: TransferPackage };

type Basis = { legalBasis: TransferLegalBasis | null; consentIds: string[] };

@Injectable()
export class TransfersService {
  private readonly logger = new Logger(TransfersService.name);

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly cases: CaseService,
    private readonly transitions: CaseTransitionService,
    private readonly consents: ConsentService,
    private readonly audit: AuditService,
    private readonly adminAudit: AdminAuditService,
    private readonly deadlines: DeadlineService,
    private readonly users: UserService,
    private readonly cipher: FieldCipher,
    private readonly signer: CheckpointSigner,
    private readonly clock: Clock,
  ) {}

  // The learner's own record (name, birth date, class, family): a pupil's enrolment moves without the family's
  // consent; what was written in their cases moves case by case, below.
  requestLearner(caller: Caller, learnerId: string, toSchoolId: string): Promise<TransferView> {
    return inTransaction(this.source, async (tx) => {
      const learner = await tx
        .getRepository(Learner)
        .findOne({ where: { id: learnerId }, lock: { mode: 'pessimistic_write' } });
      if (!learner) throw new TransfersException(TRANSFER_NOT_FOUND, { learnerId });
      assertAllowed(caller, 'case.transfer', learner.schoolId, () => new TransfersException(TRANSFER_NOT_FOUND));
      await this.assertReceiver(tx, learner.schoolId, toSchoolId);
      const now = this.clock.now();
      const row = await this.insert(tx, caller, {
        kind: 'learner',
        learnerId,
        caseId: null,
        fromSchoolId: learner.schoolId,
        toSchoolId,
        legalBasis: null,
        consentIds: null,
        requestedAt: now,
      });
      await this.adminAudit.append(tx, {
        type: 'LEARNER_TRANSFER_REQUESTED',
        ...chainActor(caller),
        subjectId: learnerId,
        payload: { transferId: row.id, fromSchoolId: row.fromSchoolId, toSchoolId },
        at: now,
      });
      return (await this.views(tx, [row]))[0];
    });
  }

  // A case's content leaves the school only on the family's consent (scope school_transfer: the guardian's, and the
  // learner's from age 7), or on the law's duty when a child-protection concern stands on it.
  requestCase(caller: Caller, caseId: string, toSchoolId: string): Promise<TransferView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, true, 'case.transfer');
      if (row.state.startsWith('closed')) throw new TransfersException(CASE_CLOSED, { state: row.state });
      if (row.learnerId === null) throw new TransfersException(LEARNER_UNKNOWN, { reason: 'learner_unknown' });
      await this.assertReceiver(tx, row.schoolId, toSchoolId);
      const now = this.clock.now();
      const basis = await this.basisOf(tx, row, now);
      const transfer = await this.insert(tx, caller, {
        kind: 'case',
        learnerId: row.learnerId,
        caseId,
        fromSchoolId: row.schoolId,
        toSchoolId,
        ...basis,
        requestedAt: now,
      });
      await this.audit.appendCaseEvent(tx, caseId, { ...chainActor(caller), at: now }, 'CASE_TRANSFER_REQUESTED', {
        transferId: transfer.id,
        fromSchoolId: row.schoolId,
        toSchoolId,
        consentIds: basis.consentIds,
        legalBasis: basis.legalBasis,
      });
      return (await this.views(tx, [transfer]))[0];
    });
  }

  // Incoming: asked of the caller's schools; otherwise those their schools asked. Newest first.
  async list(caller: Caller, incoming: boolean): Promise<{ items: TransferView[] }> {
    const schools = schoolsFor(caller, 'case.transfer');
    if (schools.length === 0) return { items: [] };
    const rows = await this.source.getRepository(CaseTransfer).find({
      where: incoming ? { toSchoolId: In(schools) } : { fromSchoolId: In(schools) },
      order: { requestedAt: 'DESC', id: 'DESC' },
      take: 200,
    });
    return { items: await this.views(this.source.manager, rows) };
  }

  // A school's name is no secret (the public form names it): every school but the caller's own.
  async receivingSchools(caller: Caller): Promise<{ items: { id: string; name: string }[] }> {
    const own = schoolsFor(caller, 'case.transfer');
    const all = await this.source
      .getRepository(School)
      .find({ select: { id: true, name: true }, order: { name: 'ASC' } });
    return { items: all.filter((s) => !own.includes(s.id)).map(({ id, name }) => ({ id, name })) };
  }

  async get(caller: Caller, id: string): Promise<TransferView> {
    const row = await this.visible(this.source.manager, caller, id);
    return (await this.views(this.source.manager, [row]))[0];
  }

  accept(caller: Caller, id: string, assigneeId: string | undefined): Promise<TransferView> {
    return inTransaction(this.source, async (tx) => {
      const t = await this.answerable(tx, caller, id);
      const now = this.clock.now();
      if (t.kind === 'learner') {
        const learner = await tx
          .getRepository(Learner)
          .findOne({ where: { id: t.learnerId }, lock: { mode: 'pessimistic_write' } });
        if (!learner || learner.schoolId !== t.fromSchoolId) throw new TransfersException(TRANSFER_STALE);
        await tx.query(`UPDATE learner SET school_id = $2, updated_at = $3 WHERE id = $1`, [
          t.learnerId,
          t.toSchoolId,
          now,
        ]);
        await this.adminAudit.append(tx, {
          type: 'LEARNER_TRANSFERRED',
          ...chainActor(caller),
          subjectId: t.learnerId,
          payload: { transferId: t.id, fromSchoolId: t.fromSchoolId, toSchoolId: t.toSchoolId },
          at: now,
        });
        Object.assign(t, { status: 'accepted', answeredBy: caller.id, answeredAt: now });
      } else {
        await this.moveCase(tx, caller, t, assigneeId, now);
      }
      await tx.getRepository(CaseTransfer).save(t);
      this.logger.log({ msg: 'transfer accepted', transferId: t.id, kind: t.kind, requestId: caller.requestId });
      return (await this.views(tx, [t]))[0];
    });
  }

  decline(caller: Caller, id: string, reason: string): Promise<TransferView> {
    return inTransaction(this.source, async (tx) => {
      const t = await this.answerable(tx, caller, id);
      const now = this.clock.now();
      const payload = { transferId: t.id, fromSchoolId: t.fromSchoolId, toSchoolId: t.toSchoolId, reason };
      if (t.caseId)
        await this.audit.appendCaseEvent(
          tx,
          t.caseId,
          { ...chainActor(caller), at: now },
          'CASE_TRANSFER_DECLINED',
          payload,
        );
      else
        await this.adminAudit.append(tx, {
          type: 'LEARNER_TRANSFER_DECLINED',
          ...chainActor(caller),
          subjectId: t.learnerId,
          payload,
          at: now,
        });
      Object.assign(t, {
        status: 'declined',
        answeredBy: caller.id,
        answeredAt: now,
        declineReason: this.cipher.seal(reason, TRANSFER_CONTEXT.declineReason),
      });
      await tx.getRepository(CaseTransfer).save(t);
      return (await this.views(tx, [t]))[0];
    });
  }

  // What the sending school keeps of a case it handed on: its trail up to the CASE_TRANSFERRED event, read-only,
  // the confidential fields masked; nothing written after it.
  history(caller: Caller, id: string) {
    return inTransaction(this.source, async (tx) => {
      const t = await tx.getRepository(CaseTransfer).findOneBy({ id });
      if (!t || t.kind !== 'case' || t.caseId === null || t.transferSeq === null)
        throw new TransfersException(TRANSFER_NOT_FOUND);
      assertAllowed(caller, 'case.history', t.fromSchoolId, () => new TransfersException(TRANSFER_NOT_FOUND));
      const events = (await this.audit.history(t.caseId, tx)).filter((e) => e.seq <= (t.transferSeq ?? 0));
      const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
      const users = actorIds.length
        ? await tx.getRepository(User).find({ where: { id: In(actorIds) }, select: { id: true, fullName: true } })
        : [];
      const names = new Map(users.map((u) => [u.id, u.fullName]));
      return {
        items: events.map((e) => {
          const { payload, masked } = this.audit.mask(e.type, e.payload);
          return {
            ...toHistoryItem(e),
            actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
            payload,
            masked,
          };
        }),
      };
    });
  }

  // To a school outside the installation: a Word summary and the signed JSON of the case and its whole chain, the
  // export itself recorded in that chain first (so the package carries its own record).
  exportPackage(caller: Caller, caseId: string): Promise<TransferPackageAnswer> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.cases.findVisible(caller, caseId, tx, true, 'case.transfer');
      if (row.learnerId === null) throw new TransfersException(LEARNER_UNKNOWN, { reason: 'learner_unknown' });
      const now = this.clock.now();
      const basis = await this.basisOf(tx, row, now);
      await this.audit.appendCaseEvent(tx, caseId, { ...chainActor(caller), at: now }, 'CASE_EXPORTED', {
        format: TRANSFER_PACKAGE_FORMAT,
        consentIds: basis.consentIds,
        legalBasis: basis.legalBasis,
      });
      const school = await tx.getRepository(School).findOneByOrFail({ id: row.schoolId });
      const learner = await tx.getRepository(Learner).findOneByOrFail({ id: row.learnerId });
      const deadlines = (await this.deadlines.openOf([row.id], now, tx)).get(row.id) ?? [];
      const summary = await this.cipher.open(row.summary, SEALED_CONTEXT.summary);
      const riskRationale = await this.cipher.open(row.riskRationale, SEALED_CONTEXT.riskRationale);
      const body: TransferPackageBody = {
        format: TRANSFER_PACKAGE_FORMAT,
        exportedAt: now.toISOString(),
        fromSchool: { id: school.id, code: school.code, name: school.name },
        case: {
          id: row.id,
          code: row.code,
          state: row.state,
          version: row.version,
          machineVersion: row.machineVersion,
          riskLevel: row.riskLevel,
          riskRationale,
          areas: row.areas,
          channel: row.channel,
          summary,
          receivedAt: row.receivedAt.toISOString(),
          learner: { fullName: learner.fullName, dateOfBirth: learner.dateOfBirth, sex: learner.sex },
          deadlines: deadlines.map((d) => ({ kind: d.kind, label: d.label, dueAt: d.dueAt })),
          legalBasis: basis.legalBasis,
          consentIds: basis.consentIds,
        },
        events: (await this.audit.history(caseId, tx)).map(packagedEvent),
      };
      const digest = packageDigestOf(body);
      const signed: TransferPackage = {
        ...body,
        digest,
        publicKey: this.signer.publicKeyDer.toString('base64'),
        keyFingerprint: this.signer.fingerprint,
        signature: this.signer.signDigest(digest),
      };
      const docx = await transferSummaryDocx({
        fromSchool: school.name,
        code: row.code,
        learnerName: learner.fullName,
        dateOfBirth: learner.dateOfBirth,
        stage: row.state,
        riskLevel: row.riskLevel,
        areas: row.areas.map((a) => a.code),
        deadlines: deadlines.map((d) => ({ label: d.label, dueAt: d.dueAt })),
        summary,
        basis: basisText(basis),
        exportedAt: now.toISOString(),
        digest,
        keyFingerprint: this.signer.fingerprint,
      });
      return { fileName: `chuyen-truong-${row.code}`, summaryDocx: docx.toString('base64'), package: signed };
    });
  }

  // The move itself, under the case row's lock: its school and the rows beside it, CASE_TRANSFERRED in its chain
  // (at the sending school: the last event that school reads), then the new assignee as the receiving school's
  // supervisor's own ASSIGN or REASSIGN. Deadlines keep their due times: the working calendar is the installation's,
  // the same for every school (docs/decisions.md).
  private async moveCase(
    tx: EntityManager,
    caller: Caller,
    t: CaseTransfer,
    assigneeId: string | undefined,
    now: Date,
  ): Promise<void> {
    const caseId = t.caseId as string;
    const row = await tx
      .getRepository(CaseEntity)
      .findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    if (!row || row.schoolId !== t.fromSchoolId) throw new TransfersException(TRANSFER_STALE);
    if (row.state.startsWith('closed')) throw new TransfersException(CASE_CLOSED, { state: row.state });
    const learnerAt = await tx
      .getRepository(Learner)
      .findOne({ where: { id: t.learnerId }, select: { id: true, schoolId: true } });
    if (learnerAt?.schoolId !== t.toSchoolId) throw new TransfersException(LEARNER_NOT_MOVED);
    if (!assigneeId || !(await this.users.isMemberWithRole(assigneeId, t.toSchoolId, ['counsellor'], tx)))
      throw new TransfersException(ASSIGNEE_NOT_ELIGIBLE, { field: 'assigneeId', assigneeId: assigneeId ?? null });
    // The family may have withdrawn since the request: the ledger is asked again.
    const basis = await this.basisOf(tx, row, now);
    const event = await this.audit.appendCaseEvent(tx, caseId, { ...chainActor(caller), at: now }, 'CASE_TRANSFERRED', {
      transferId: t.id,
      fromSchoolId: t.fromSchoolId,
      toSchoolId: t.toSchoolId,
      requestedBy: t.requestedBy,
      requestedAt: t.requestedAt.toISOString(),
      assigneeId,
      consentIds: basis.consentIds,
      legalBasis: basis.legalBasis,
    });
    await tx.query(`UPDATE "case" SET school_id = $2 WHERE id = $1`, [caseId, t.toSchoolId]);
    for (const table of CASE_SCHOOL_TABLES)
      await tx.query(`UPDATE ${table} SET school_id = $2 WHERE case_id = $1`, [caseId, t.toSchoolId]);
    await this.transitions.applyWithin(tx, caller, caseId, {
      type: row.assigneeId ? 'REASSIGN' : 'ASSIGN',
      payload: { assigneeId },
      expectedVersion: row.version,
    });
    Object.assign(t, {
      status: 'accepted',
      answeredBy: caller.id,
      answeredAt: now,
      assigneeId,
      transferSeq: event.seq,
      ...basis,
    });
  }

  private async basisOf(tx: EntityManager, row: CaseEntity, now: Date): Promise<Basis> {
    const protection = protectionOf(row.snapshot);
    if (protection === 'open' || protection === 'notified') {
      const { basis, basisEn } = PROTECTION_LEGAL_DUTY;
      return { legalBasis: { consentRequired: false, basis, basisEn }, consentIds: [] };
    }
    const verdict: SharingVerdict = await this.consents.checkSharing(tx, row.id, { kind: 'school_transfer' }, now);
    if (!verdict.ok) throw consentMissing(verdict.missing);
    return { legalBasis: null, consentIds: verdict.consents.map((c) => c.id) };
  }

  private async assertReceiver(tx: EntityManager, fromSchoolId: string, toSchoolId: string): Promise<void> {
    if (toSchoolId === fromSchoolId) throw new TransfersException(SAME_SCHOOL, { field: 'toSchoolId' });
    if (!(await tx.getRepository(School).existsBy({ id: toSchoolId })))
      throw new TransfersException(SCHOOL_NOT_FOUND, { field: 'toSchoolId' });
  }

  private async insert(
    tx: EntityManager,
    caller: Caller,
    t: Pick<
      CaseTransfer,
      'kind' | 'learnerId' | 'caseId' | 'fromSchoolId' | 'toSchoolId' | 'legalBasis' | 'consentIds' | 'requestedAt'
    >,
  ): Promise<CaseTransfer> {
    const open = await tx
      .getRepository(CaseTransfer)
      .existsBy(
        t.kind === 'case'
          ? { kind: 'case', caseId: t.caseId as string, status: 'requested' }
          : { kind: 'learner', learnerId: t.learnerId, status: 'requested' },
      );
    if (open) throw new TransfersException(TRANSFER_PENDING);
    const row = tx.getRepository(CaseTransfer).create({
      ...t,
      id: randomUUID(),
      status: 'requested',
      requestedBy: caller.id,
      answeredBy: null,
      answeredAt: null,
      assigneeId: null,
      declineReason: null,
      transferSeq: null,
    });
    await tx.getRepository(CaseTransfer).insert(row);
    return row;
  }

  // The sending school and the receiving one both read a request; another school's is not found.
  private async visible(manager: EntityManager, caller: Caller, id: string, lock = false): Promise<CaseTransfer> {
    const row = await manager
      .getRepository(CaseTransfer)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const schools = schoolsFor(caller, 'case.transfer');
    if (!row || !(schools.includes(row.fromSchoolId) || schools.includes(row.toSchoolId)))
      throw new TransfersException(TRANSFER_NOT_FOUND);
    return row;
  }

  // Only the receiving school answers, and only once.
  private async answerable(tx: EntityManager, caller: Caller, id: string): Promise<CaseTransfer> {
    const t = await this.visible(tx, caller, id, true);
    assertAllowed(caller, 'case.transfer', t.toSchoolId, () => new TransfersException(TRANSFER_NOT_FOUND));
    if (t.status !== 'requested') throw new TransfersException(TRANSFER_ANSWERED, { status: t.status });
    return t;
  }

  private async views(manager: EntityManager, rows: CaseTransfer[]): Promise<TransferView[]> {
    if (rows.length === 0) return [];
    const schoolIds = [...new Set(rows.flatMap((r) => [r.fromSchoolId, r.toSchoolId]))];
    const schools = new Map(
      (
        await manager.getRepository(School).find({ where: { id: In(schoolIds) }, select: { id: true, name: true } })
      ).map((s) => [s.id, s.name]),
    );
    const learners = new Map(
      (
        await manager
          .getRepository(Learner)
          .find({ where: { id: In([...new Set(rows.map((r) => r.learnerId))]) }, select: { id: true, fullName: true } })
      ).map((l) => [l.id, l.fullName]),
    );
    // The summary is of requests still to answer: once answered, the case belongs to one school or the other.
    const pending = rows.flatMap((r) => (r.status === 'requested' && r.caseId ? [r.caseId] : []));
    const cases = pending.length ? await manager.getRepository(CaseEntity).findBy({ id: In(pending) }) : [];
    const clocks = await this.deadlines.openOf(pending, this.clock.now(), manager);
    const summaries = new Map(
      cases.map((c) => [
        c.id,
        {
          code: c.code,
          state: c.state,
          riskLevel: c.riskLevel,
          areas: c.areas.map((a) => a.code),
          deadlines: clocks.get(c.id) ?? [],
          protection: ['open', 'notified'].includes(protectionOf(c.snapshot) ?? 'none'),
        },
      ]),
    );
    const school = (id: string) => ({ id, name: schools.get(id) ?? '' });
    // Both schools read why a request was declined: opened for each view.
    const reasons = await Promise.all(
      rows.map(async (r) =>
        r.declineReason === null ? null : this.cipher.open(r.declineReason, TRANSFER_CONTEXT.declineReason),
      ),
    );
    return rows.map((r, i) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      learnerId: r.learnerId,
      learnerName: learners.get(r.learnerId) ?? null,
      caseId: r.caseId,
      fromSchool: school(r.fromSchoolId),
      toSchool: school(r.toSchoolId),
      requestedBy: r.requestedBy,
      requestedAt: r.requestedAt.toISOString(),
      legalBasis: r.legalBasis,
      consentIds: r.consentIds ?? [],
      answeredBy: r.answeredBy,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      assigneeId: r.assigneeId,
      declineReason: reasons[i],
      transferSeq: r.transferSeq,
      summary: (r.caseId && summaries.get(r.caseId)) || null,
    }));
  }
}

const WHO = {
  guardian: ['cha mẹ hoặc người giám hộ', 'a parent or guardian'],
  learner: [`học sinh (từ đủ ${LEARNER_CONSENT_AGE} tuổi)`, `the learner (aged ${LEARNER_CONSENT_AGE} or over)`],
} as const;

// The 422 names who has not agreed, and to what.
const consentMissing = (missing: ('guardian' | 'learner')[]): TransfersException =>
  new TransfersException(CONSENT_MISSING, { reason: 'consent_missing', missing, scope: 'school_transfer' }, [
    `Chưa có sự đồng ý chuyển hồ sơ sang trường khác (phạm vi "chuyển trường") của ${missing.map((g) => WHO[g][0]).join(' và ')}; hồ sơ chưa được chuyển (Luật Trẻ em, Điều 6 khoản 11).`,
    `No live consent for a school transfer from ${missing.map((g) => WHO[g][1]).join(' and ')}; nothing was moved (Law on Children, Art. 6 cl. 11).`,
  ]);

const basisText = (b: Basis): string =>
  b.legalBasis
    ? `Không cần sự đồng ý: hồ sơ có tin bảo vệ trẻ em đang mở (${b.legalBasis.basis})`
    : `Sự đồng ý của cha mẹ hoặc người giám hộ (và của học sinh từ đủ ${LEARNER_CONSENT_AGE} tuổi), số: ${b.consentIds.join(', ')}`;

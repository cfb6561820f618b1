import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LocalTime } from '@dh/calendar';
import { CaseEntity, CaseException, CaseExceptionCode, CaseRecordWriter, ConfidentialAccess } from '@dh/cases';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { caseScope, FieldCipher } from '@dh/crypto';
import { inTransaction } from '@dh/database';
import { InputValidationException } from '@dh/errors';
import { Action, Caller } from '@dh/identity';
import { Learner } from '@dh/learners';
import { consentContext } from './consent-sealed';
import {
  ageOn,
  LEARNER_CONSENT_AGE,
  SharingConsent,
  SharingScope,
  SharingVerdict,
  sharingVerdict,
} from './consent-rules';
import { ConsentView, sealedFieldsOf, toConsentView } from './consent-view';
import { Consent } from './consent.entity';
import { ConsentException, ConsentExceptionCode } from './consent.exception';
import { RecordConsentDto } from './dtos/record-consent.dto';

type ConsentAction = Extract<Action, `consent.${string}`>;

// The consent ledger of a case. Recording and withdrawing are events of the case's chain, written while the
// case row is locked, so they serialise with the transitions (a referral checking consent sees a withdrawal
// either wholly before it or wholly after). Neither moves the case: its stage and version stay as they are.
@Injectable()
export class ConsentService {
  private readonly local: LocalTime;

  constructor(
    @InjectDataSource() private readonly source: DataSource,
    private readonly writer: CaseRecordWriter,
    private readonly confidential: ConfidentialAccess,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.local = new LocalTime(config.tzName);
  }

  record(caller: Caller, caseId: string, dto: RecordConsentDto): Promise<ConsentView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.teamCase(caller, caseId, tx, 'consent.record');
      const now = this.clock.now();
      const today = this.local.of(now).date;
      if (dto.givenAt > today)
        throw new InputValidationException([
          {
            field: 'givenAt',
            problems: [
              `Ngày đồng ý không được ở sau ngày hôm nay (${today}) / givenAt must not be after today (${today})`,
            ],
          },
        ]);
      if (dto.givenBy === 'learner') {
        // On the day it was given: that is never after today, so a learner under 7 today is refused too.
        const learner = await learnerOf(tx, row.learnerId);
        const age = ageOn(learner.dateOfBirth, dto.givenAt);
        if (age < LEARNER_CONSENT_AGE) {
          throw new ConsentException(ConsentExceptionCode.LEARNER_TOO_YOUNG, {
            reason: 'learner_too_young',
            ageOnGivenAt: age,
            minimumAge: LEARNER_CONSENT_AGE,
          });
        }
      }
      const guardian = dto.givenBy === 'guardian' ? dto.guardian : undefined;
      const purpose = dto.scope.purpose.trim();
      const sealer = await this.cipher.sealer(tx, caseScope(row.id));
      const consent = tx.getRepository(Consent).create({
        caseId: row.id,
        schoolId: row.schoolId,
        givenBy: dto.givenBy,
        guardianName: guardian ? sealer.seal(guardian.fullName.trim(), consentContext('guardian_name')) : null,
        guardianRelationship: guardian
          ? sealer.seal(guardian.relationship.trim(), consentContext('guardian_relationship'))
          : null,
        scopeKind: dto.scope.kind,
        receiverId: dto.scope.receiverId?.toLowerCase() ?? null,
        purpose: sealer.seal(purpose, consentContext('purpose')),
        givenAt: dto.givenAt,
        how: dto.how,
        recordedBy: caller.id,
        recordedAt: now,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawalReason: null,
      });
      await tx.getRepository(Consent).insert(consent);
      await this.writer.append(tx, caller, row, 'CONSENT_RECORDED', now, {
        consentId: consent.id,
        givenBy: consent.givenBy,
        ...(guardian
          ? { guardianName: guardian.fullName.trim(), guardianRelationship: guardian.relationship.trim() }
          : {}),
        kind: consent.scopeKind,
        receiverId: consent.receiverId,
        purpose,
        givenAt: consent.givenAt,
        how: consent.how,
      });
      // Like every answer to a write: masked (reading is a GET, and it is recorded).
      return toConsentView(consent, this.cipher, false);
    });
  }

  withdraw(caller: Caller, caseId: string, consentId: string, reason: string): Promise<ConsentView> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.teamCase(caller, caseId, tx, 'consent.withdraw');
      const consent = await tx.getRepository(Consent).findOneBy({ id: consentId, caseId: row.id });
      if (!consent) throw new ConsentException(ConsentExceptionCode.CONSENT_NOT_FOUND);
      if (consent.withdrawnAt)
        throw new ConsentException(ConsentExceptionCode.CONSENT_ALREADY_WITHDRAWN, {
          withdrawnAt: consent.withdrawnAt.toISOString(),
        });
      const now = this.clock.now();
      consent.withdrawnAt = now;
      consent.withdrawnBy = caller.id;
      consent.withdrawalReason = (await this.cipher.sealer(tx, caseScope(row.id))).seal(
        reason.trim(),
        consentContext('withdrawal_reason'),
      );
      await tx.getRepository(Consent).update(
        { id: consent.id },
        {
          withdrawnAt: consent.withdrawnAt,
          withdrawnBy: consent.withdrawnBy,
          withdrawalReason: consent.withdrawalReason,
        },
      );
      await this.writer.append(tx, caller, row, 'CONSENT_WITHDRAWN', now, {
        consentId: consent.id,
        givenBy: consent.givenBy,
        kind: consent.scopeKind,
        reason: reason.trim(),
      });
      return toConsentView(consent, this.cipher, false);
    });
  }

  // Oldest first. The guardian, purpose and reason only for those who may read the case's confidential
  // content, and that read is a VIEWED event of the case's chain.
  list(caller: Caller, caseId: string): Promise<{ items: ConsentView[] }> {
    return inTransaction(this.source, async (tx) => {
      const row = await this.teamCase(caller, caseId, tx, 'consent.read');
      const consents = await tx
        .getRepository(Consent)
        .find({ where: { caseId: row.id }, order: { recordedAt: 'ASC', id: 'ASC' } });
      const reveal = await this.confidential.mayRead(tx, caller, row);
      const shown = [...new Set(consents.flatMap(sealedFieldsOf))].sort().map((f) => `consent.${f}`);
      if (reveal && shown.length) await this.confidential.recordView(tx, caller, row, shown);
      return { items: await Promise.all(consents.map((c) => toConsentView(c, this.cipher, reveal))) };
    });
  }

  // Whether the case's information may be shared in this scope at `at`. For a caller inside its own
  // transaction that holds the case row's lock (the referral), so that no withdrawal slips in between.
  async checkSharing(tx: EntityManager, caseId: string, scope: SharingScope, at: Date): Promise<SharingVerdict> {
    const row = await tx
      .getRepository(CaseEntity)
      .findOne({ where: { id: caseId }, select: { id: true, learnerId: true } });
    if (!row) throw new CaseException(CaseExceptionCode.CASE_NOT_FOUND);
    const learner = await learnerOf(tx, row.learnerId);
    const consents = await tx
      .getRepository(Consent)
      .find({ where: { caseId, scopeKind: scope.kind }, order: { recordedAt: 'ASC', id: 'ASC' } });
    const day = this.local.of(at).date;
    const normalised =
      scope.receiverId === undefined
        ? { kind: scope.kind }
        : { kind: scope.kind, receiverId: scope.receiverId.toLowerCase() };
    return sharingVerdict(consents.map(toSharingConsent), normalised, at, day, ageOn(learner.dateOfBirth, day));
  }

  // The case as the caller may see it (404 for another school's), with the consent right refined to the case team.
  private teamCase(caller: Caller, caseId: string, tx: EntityManager, action: ConsentAction): Promise<CaseEntity> {
    return this.writer.teamCase(
      tx,
      caller,
      caseId,
      action,
      () => new ConsentException(ConsentExceptionCode.NOT_CASE_TEAM),
      action !== 'consent.read',
    );
  }
}

// A report from the public form names no learner until the case team does: whose age, whose consent?
const learnerOf = async (tx: EntityManager, learnerId: string | null): Promise<Pick<Learner, 'id' | 'dateOfBirth'>> => {
  if (learnerId === null)
    throw new ConsentException(ConsentExceptionCode.LEARNER_UNKNOWN, { reason: 'learner_unknown' });
  return tx.getRepository(Learner).findOneOrFail({ where: { id: learnerId }, select: { id: true, dateOfBirth: true } });
};

const toSharingConsent = (c: Consent): SharingConsent => ({
  id: c.id,
  givenBy: c.givenBy,
  kind: c.scopeKind,
  receiverId: c.receiverId,
  givenAt: c.givenAt,
  how: c.how,
  withdrawnAt: c.withdrawnAt,
});

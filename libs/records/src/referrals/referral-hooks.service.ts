import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AreaCode,
  CASE_EVENT_TYPES,
  CaseEntity,
  declareTransitionErrors,
  EventPayloads,
  TransitionHooks,
  TransitionStep,
} from '@dh/cases';
import { consentMissingMessage, ConsentService } from '@dh/consent';
import { caseScope, FieldCipher } from '@dh/crypto';
import { School } from '@dh/identity';
import { ServiceProvider } from '@dh/directory';
import { recordContext, RecordSealedColumn } from '../case-records/sealed-columns';
import { Referral } from './referral.entity';
import { ReferralException, ReferralExceptionCode } from './referral.exception';

declareTransitionErrors(ReferralException.statuses, ...Object.values(ReferralExceptionCode));

// Why a protection report leaves the school without anyone's consent: the law's duty to report (DOMAIN.md).
export const PROTECTION_LEGAL_DUTY = {
  consentRequired: false,
  basis: 'Luật Trẻ em 2016 Điều 51; Nghị định 56/2017/NĐ-CP Điều 25',
  basisEn: 'Law on Children 2016 Art. 51; Decree 56/2017/ND-CP Art. 25',
} as const;

// The referral's records, kept by the case's own transitions (libs/cases TransitionHooks): REFER checks the
// receiver and the consent and writes the row; the receiver's answer and feedback, recorded by the counsellor,
// move it along. Everything inside the transition's transaction, under the case row's lock.
@Injectable()
export class ReferralHooks implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly consents: ConsentService,
    private readonly cipher: FieldCipher,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      events: ['REFER'],
      prepare: (s) => this.prepareRefer(s),
      record: (s) => this.recordRefer(s),
    });
    this.hooks.register({ events: ['REFERRAL_ACCEPTED', 'REFERRAL_DECLINED'], record: (s) => this.recordAnswer(s) });
    this.hooks.register({ events: ['REFERRAL_COMPLETED'], record: (s) => this.recordCompleted(s) });
    // Not a sharing on consent: the trail says so, and why.
    this.hooks.register({
      events: ['RECORD_PROTECTION_NOTIFICATION'],
      record: async () => ({ legalDuty: PROTECTION_LEGAL_DUTY }),
    });
    // Every event: any that leaves referral closes the window.
    this.hooks.register({
      events: CASE_EVENT_TYPES,
      beforeWrite: async (s) => ({ referredToWardAt: referredToWardAfter(s) }),
    });
  }

  // The receiver must be an active one of the school's ward; its name becomes the payload's `receiver`, so the
  // trail reads as before. The areas default to the case's current ones (the latest
  // assessment's ranking where it gave one), and must be among them.
  private async prepareRefer({ tx, row, payload }: TransitionStep<'REFER'>): Promise<EventPayloads['REFER']> {
    const receiver = await this.receiverFor(tx, row, payload.receiverId);
    const caseAreas = row.areas.map((a) => a.code);
    const areas = areasOf(row, payload);
    const foreign = areas.filter((a) => !caseAreas.includes(a));
    if (foreign.length)
      throw new ReferralException(ReferralExceptionCode.AREA_NOT_IN_CASE, {
        reason: 'area_not_in_case',
        field: 'payload.areas',
        areas: foreign,
      });
    return { ...payload, receiverId: receiver.id, receiver: receiver.name, areas };
  }

  private async recordRefer({
    tx,
    caller,
    row,
    payload,
    at,
  }: TransitionStep<'REFER'>): Promise<Record<string, unknown>> {
    const { receiverId, sender } = payload;
    const verdict = await this.consents.checkSharing(tx, row.id, { kind: 'referral', receiverId }, at);
    if (!verdict.ok) {
      throw new ReferralException(
        ReferralExceptionCode.CONSENT_MISSING,
        { reason: 'consent_missing', missing: verdict.missing },
        consentMissingMessage(verdict.missing),
      );
    }
    const receiver = await tx.getRepository(ServiceProvider).findOneByOrFail({ id: receiverId });
    const school = await tx
      .getRepository(School)
      .findOneOrFail({ where: { id: row.schoolId }, select: { id: true, name: true } });
    const consentIds = verdict.consents.map((c) => c.id);
    // Under the case row's lock (the transition holds it): no other referral of the case is numbered meanwhile.
    const seq = (await tx.getRepository(Referral).countBy({ caseId: row.id })) + 1;
    const referral = tx.getRepository(Referral).create({
      caseId: row.id,
      seq,
      schoolId: row.schoolId,
      receiverId,
      receiverName: receiver.name,
      receiverKind: receiver.kind,
      receiverAddress: receiver.address,
      receiverPhone: receiver.phone,
      receiverEmail: receiver.email,
      receiverContactPerson: receiver.contactPerson,
      senderId: caller.id,
      senderName: caller.fullName,
      senderTitle: sender?.title?.trim() ?? null,
      senderUnit: school.name,
      senderPhone: sender?.phone ?? null,
      senderEmail: sender?.email ?? null,
      reason: await this.seal(tx, row.id, payload.reason, 'reason'),
      areas: areasOf(row, payload),
      consentIds,
      toWard: payload.toWard === true,
      status: 'sent',
      sentAt: at,
      answeredAt: null,
      receiverContact: null,
      answerNote: null,
      declinedReason: null,
      completedAt: null,
      feedback: null,
      outcome: null,
    });
    await tx.getRepository(Referral).insert(referral);
    return { referralId: referral.id, consentIds };
  }

  private async recordAnswer(
    step: TransitionStep<'REFERRAL_ACCEPTED' | 'REFERRAL_DECLINED'>,
  ): Promise<Record<string, unknown>> {
    const { tx, row, at } = step;
    const referral = await this.open(tx, row, 'sent');
    if (!referral) return {};
    if (step.type === 'REFERRAL_DECLINED') {
      const declinedReason = await this.seal(tx, row.id, step.payload.reason, 'declined_reason');
      await tx
        .getRepository(Referral)
        .update({ id: referral.id }, { status: 'declined', answeredAt: at, declinedReason });
      return { referralId: referral.id };
    }
    const { answeredAt, receiverContact, note } = step.payload;
    await tx.getRepository(Referral).update(
      { id: referral.id },
      {
        status: 'accepted',
        answeredAt: this.within(referral, answeredAt, at, 'payload.answeredAt'),
        receiverContact: receiverContact?.trim() ?? null,
        answerNote: note ? await this.seal(tx, row.id, note, 'answer_note') : null,
      },
    );
    return { referralId: referral.id };
  }

  private async recordCompleted({
    tx,
    row,
    payload,
    at,
  }: TransitionStep<'REFERRAL_COMPLETED'>): Promise<Record<string, unknown>> {
    const referral = await this.open(tx, row, 'accepted');
    if (!referral) return {};
    const completedAt = this.within(referral, payload.completedAt, at, 'payload.completedAt');
    await tx.getRepository(Referral).update(
      { id: referral.id },
      {
        status: 'completed',
        completedAt,
        feedback: await this.seal(tx, row.id, payload.feedback, 'feedback'),
        outcome: payload.outcome !== undefined ? await this.seal(tx, row.id, payload.outcome, 'outcome') : null,
      },
    );
    return { referralId: referral.id };
  }

  private async receiverFor(tx: EntityManager, row: CaseEntity, receiverId: string): Promise<ServiceProvider> {
    const school = await tx
      .getRepository(School)
      .findOneOrFail({ where: { id: row.schoolId }, select: { id: true, wardId: true } });
    const receiver = await tx
      .getRepository(ServiceProvider)
      .findOneBy({ id: receiverId.toLowerCase(), wardId: school.wardId, active: true });
    if (!receiver)
      throw new ReferralException(ReferralExceptionCode.RECEIVER_NOT_AVAILABLE, {
        reason: 'receiver_not_available',
        field: 'payload.receiverId',
        receiverId,
      });
    return receiver;
  }

  // The case's referral in this step of the loop. A case referred before referrals were recorded has none:
  // its transitions go on as before, with nothing to update.
  private open(tx: EntityManager, row: CaseEntity, status: 'sent' | 'accepted'): Promise<Referral | null> {
    return tx.getRepository(Referral).findOne({ where: { caseId: row.id, status }, order: { seq: 'DESC' } });
  }

  // A time the counsellor reports (when the receiver answered, when the service ended): between the sending and now.
  private within(referral: Referral, given: string | undefined, now: Date, field: string): Date {
    if (given === undefined) return now;
    const at = new Date(given);
    if (at.getTime() < referral.sentAt.getTime() || at.getTime() > now.getTime()) {
      throw new ReferralException(ReferralExceptionCode.ANSWER_TIME_OUT_OF_RANGE, {
        reason: 'time_out_of_range',
        field,
        sentAt: referral.sentAt.toISOString(),
      });
    }
    return at;
  }

  private async seal(
    tx: EntityManager,
    caseId: string,
    value: string,
    column: RecordSealedColumn<'referral'>,
  ): Promise<string> {
    return (await this.cipher.sealer(tx, caseScope(caseId))).seal(value.trim(), recordContext('referral', column));
  }
}

// A REFER with `toWard: true` opens the case to the ward's officers; leaving referral (declined, completed)
// closes it again. Any other event inside referral keeps what the REFER said. `row` holds the machine's new state
// and the window as it stood (beforeWrite).
const referredToWardAfter = ({ row, type, payload, at }: TransitionStep): Date | null => {
  if (!row.state.startsWith('referral.')) return null;
  if (type === 'REFER') return payload.toWard === true ? at : null;
  return row.referredToWardAt;
};

// A referral is about the areas it names, or else all of the case's current ones (the latest assessment's ranking).
const areasOf = (row: CaseEntity, payload: EventPayloads['REFER']): AreaCode[] =>
  payload.areas ?? row.areas.map((a) => a.code);

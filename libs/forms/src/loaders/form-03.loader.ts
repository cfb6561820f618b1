import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Consent, consentContext } from '@dh/consent';
import { FieldCipher } from '@dh/crypto';
import { Referral, ReferralStatus, sealedFieldsOf, toReferralView } from '@dh/records';
import { formatDate } from '../form-renderer';
import { FormValues } from '../form-template';
import { FormsException, FormsExceptionCode } from '../forms.exception';
import { CaseValues } from './case-values';
import { CONFIDENTIAL, FormLoader, FormRequest, LoadedForm, shownOr } from './form-loader';

const ANSWER: Record<ReferralStatus, string> = {
  sent: 'pending',
  accepted: 'accepted',
  completed: 'accepted',
  declined: 'declined',
};

// Mẫu 03, the referral slip: one referral of the case, the latest unless one is asked for, with the sender and
// the receiver as they stood when it was sent, the consents it relied on, and the receiver's answer and feedback.
// A case never referred prints the learner and the case's areas, the rest blank for a referral made on paper.
@Injectable()
export class Form03Loader implements FormLoader {
  constructor(
    private readonly cases: CaseValues,
    private readonly cipher: FieldCipher,
  ) {}

  async load({ tx, row, referralId, reveal }: FormRequest): Promise<LoadedForm> {
    const { learner, values: learnerValues } = await this.cases.learner(tx, row);
    const referral = await tx.getRepository(Referral).findOne({
      where: { caseId: row.id, ...(referralId ? { id: referralId } : {}) },
      order: { sentAt: 'DESC', id: 'DESC' },
    });
    if (referralId && !referral) throw new FormsException(FormsExceptionCode.REFERRAL_NOT_FOUND);
    if (!referral) return { values: { ...learnerValues, areas: row.areas.map((a) => a.code) }, exported: [] };

    const view = await toReferralView(referral, this.cipher, reveal);
    const consents = referral.consentIds.length
      ? await tx
          .getRepository(Consent)
          .find({ where: { id: In(referral.consentIds), caseId: row.id }, order: { givenAt: 'ASC', id: 'ASC' } })
      : [];
    const givers = await Promise.all(
      consents.map(
        async (c) =>
          `${(await this.guardianOf(c, reveal)) ?? learner?.fullName ?? 'Người học'}, ${formatDate(c.givenAt)}`,
      ),
    );
    const values: FormValues = {
      ...learnerValues,
      'sender.name': view.sender.name,
      'sender.title': view.sender.title,
      'sender.unit': view.sender.unit,
      'sender.phone': view.sender.phone,
      'sender.email': view.sender.email,
      'receiver.unit': view.receiver.name,
      'receiver.person': view.answer?.receiverContact ?? view.receiver.contactPerson,
      'receiver.address': view.receiver.address,
      'receiver.phone': view.receiver.phone,
      'receiver.email': view.receiver.email,
      reason: shownOr(view, 'reason', view.reason),
      areas: view.areas,
      'consent.reference': givers.length ? givers.join('; ') : null,
      sentAt: this.cases.date(referral.sentAt),
      answer: ANSWER[referral.status],
      answeredAt: referral.answeredAt ? this.cases.date(referral.answeredAt) : null,
      'answer.note':
        shownOr(view, 'answer.note', view.answer?.note) ??
        shownOr(view, 'answer.declinedReason', view.answer?.declinedReason),
      outcome: shownOr(view, 'completion.outcome', view.completion?.outcome),
      feedback: shownOr(view, 'completion.feedback', view.completion?.feedback),
      'sender.signature': view.sender.name,
    };
    const consentFields = consents.some((c) => c.guardianName)
      ? ['consent.guardianName', 'consent.guardianRelationship']
      : [];
    return { values, exported: [...sealedFieldsOf(referral).map((f) => `referral.${f}`), ...consentFields] };
  }

  // A guardian who consented, as the ledger names them; sealed from a reader who may not read the family.
  private async guardianOf(c: Consent, reveal: boolean): Promise<string | null> {
    if (!c.guardianName) return null;
    if (!reveal) return CONFIDENTIAL;
    const name = await this.cipher.open(c.guardianName, consentContext('guardian_name'));
    return c.guardianRelationship
      ? `${name} (${await this.cipher.open(c.guardianRelationship, consentContext('guardian_relationship'))})`
      : name;
  }
}

import { AreaCode, ReferralSealedColumn, SEALED_CONTEXT } from '@dh/cases';
import { FieldCipher } from '@dh/crypto';
import type { ProviderKind } from '../directory/service-provider.entity';
import { Referral, ReferralStatus } from './referral.entity';

export type ReferralStep = { status: ReferralStatus; at: string };

export type ReferralView = {
  id: string;
  caseId: string;
  seq: number;
  status: ReferralStatus;
  // The loop so far, oldest first: sent, then accepted or declined, then completed.
  steps: ReferralStep[];
  receiver: { id: string; name: string; kind: ProviderKind; address: string | null; phone: string | null; email: string | null; contactPerson: string | null };
  sender: { userId: string; name: string; title: string | null; unit: string; phone: string | null; email: string | null };
  reason: string | null;
  areas: AreaCode[];
  consentIds: string[];
  toWard: boolean;
  sentAt: string;
  answer: { answeredAt: string; receiverContact: string | null; note: string | null; declinedReason: string | null } | null;
  completion: { completedAt: string; feedback: string | null; outcome: string | null } | null;
  // The sealed fields left out (null above) for a reader who may not read the case's confidential content.
  masked: string[];
};

// Where each sealed field of the view lives.
const SEALED: Record<string, { column: ReferralSealedColumn; of: (r: Referral) => string | null }> = {
  reason: { column: 'reason', of: (r) => r.reason },
  'answer.note': { column: 'answer_note', of: (r) => r.answerNote },
  'answer.declinedReason': { column: 'declined_reason', of: (r) => r.declinedReason },
  'completion.feedback': { column: 'feedback', of: (r) => r.feedback },
  'completion.outcome': { column: 'outcome', of: (r) => r.outcome },
};

export const sealedFieldsOf = (r: Referral): string[] => Object.keys(SEALED).filter((f) => SEALED[f].of(r) !== null);

const stepsOf = (r: Referral): ReferralStep[] => {
  const steps: ReferralStep[] = [{ status: 'sent', at: r.sentAt.toISOString() }];
  if (r.answeredAt) steps.push({ status: r.status === 'declined' ? 'declined' : 'accepted', at: r.answeredAt.toISOString() });
  if (r.completedAt) steps.push({ status: 'completed', at: r.completedAt.toISOString() });
  return steps;
};

export const toReferralView = async (r: Referral, cipher: FieldCipher, reveal: boolean): Promise<ReferralView> => {
  const opened = new Map<string, string>();
  if (reveal) {
    for (const f of sealedFieldsOf(r)) opened.set(f, await cipher.open(SEALED[f].of(r) as string, SEALED_CONTEXT.referral(SEALED[f].column)));
  }
  const shown = (f: string): string | null => opened.get(f) ?? null;
  return {
    id: r.id,
    caseId: r.caseId,
    seq: r.seq,
    status: r.status,
    steps: stepsOf(r),
    receiver: {
      id: r.receiverId, name: r.receiverName, kind: r.receiverKind, address: r.receiverAddress, phone: r.receiverPhone, email: r.receiverEmail,
      contactPerson: r.receiverContactPerson,
    },
    sender: { userId: r.senderId, name: r.senderName, title: r.senderTitle, unit: r.senderUnit, phone: r.senderPhone, email: r.senderEmail },
    reason: shown('reason'),
    areas: r.areas,
    consentIds: r.consentIds,
    toWard: r.toWard,
    sentAt: r.sentAt.toISOString(),
    answer: r.answeredAt
      ? { answeredAt: r.answeredAt.toISOString(), receiverContact: r.receiverContact, note: shown('answer.note'), declinedReason: shown('answer.declinedReason') }
      : null,
    completion: r.completedAt ? { completedAt: r.completedAt.toISOString(), feedback: shown('completion.feedback'), outcome: shown('completion.outcome') } : null,
    masked: reveal ? [] : sealedFieldsOf(r),
  };
};

import { AreaCode } from '@dh/cases';
import { FieldCipher } from '@dh/crypto';
import { openColumns } from '../case-records/sealed-columns';
import type { ProviderKind } from '@dh/directory';
import { Referral, ReferralStatus } from './referral.entity';

export type ReferralStep = { status: ReferralStatus; at: string };

export type ReferralView = {
  id: string;
  caseId: string;
  seq: number;
  status: ReferralStatus;
  // The loop so far, oldest first: sent, then accepted or declined, then completed.
  steps: ReferralStep[];
  receiver: {
    id: string;
    name: string;
    kind: ProviderKind;
    address: string | null;
    phone: string | null;
    email: string | null;
    contactPerson: string | null;
  };
  sender: {
    userId: string;
    name: string;
    title: string | null;
    unit: string;
    phone: string | null;
    email: string | null;
  };
  reason: string | null;
  areas: AreaCode[];
  consentIds: string[];
  toWard: boolean;
  sentAt: string;
  answer: {
    answeredAt: string;
    receiverContact: string | null;
    note: string | null;
    declinedReason: string | null;
  } | null;
  completion: { completedAt: string; feedback: string | null; outcome: string | null } | null;
  // The sealed fields left out (null above) for a reader who may not read the case's confidential content.
  masked: string[];
};

// The name in the view of each sealed column (by entity property), as `masked` and VIEWED events name it.
const VIEW_FIELD: Record<string, string> = {
  reason: 'reason',
  answerNote: 'answer.note',
  declinedReason: 'answer.declinedReason',
  feedback: 'completion.feedback',
  outcome: 'completion.outcome',
};

export const sealedFieldsOf = (r: Referral): string[] =>
  Object.keys(VIEW_FIELD)
    .filter((p) => (r as unknown as Record<string, unknown>)[p] !== null)
    .map((p) => VIEW_FIELD[p]);

const stepsOf = (r: Referral): ReferralStep[] => {
  const steps: ReferralStep[] = [{ status: 'sent', at: r.sentAt.toISOString() }];
  if (r.answeredAt)
    steps.push({ status: r.status === 'declined' ? 'declined' : 'accepted', at: r.answeredAt.toISOString() });
  if (r.completedAt) steps.push({ status: 'completed', at: r.completedAt.toISOString() });
  return steps;
};

export const toReferralView = async (r: Referral, cipher: FieldCipher, reveal: boolean): Promise<ReferralView> => {
  // The same opening as every record table's (sealed-columns.ts), so the rotation's column list covers it.
  const { values, masked } = await openColumns(cipher, 'referral', r, reveal);
  const shown = (property: string): string | null => (values[property] as string | null) ?? null;
  return {
    id: r.id,
    caseId: r.caseId,
    seq: r.seq,
    status: r.status,
    steps: stepsOf(r),
    receiver: {
      id: r.receiverId,
      name: r.receiverName,
      kind: r.receiverKind,
      address: r.receiverAddress,
      phone: r.receiverPhone,
      email: r.receiverEmail,
      contactPerson: r.receiverContactPerson,
    },
    sender: {
      userId: r.senderId,
      name: r.senderName,
      title: r.senderTitle,
      unit: r.senderUnit,
      phone: r.senderPhone,
      email: r.senderEmail,
    },
    reason: shown('reason'),
    areas: r.areas,
    consentIds: r.consentIds,
    toWard: r.toWard,
    sentAt: r.sentAt.toISOString(),
    answer: r.answeredAt
      ? {
          answeredAt: r.answeredAt.toISOString(),
          receiverContact: r.receiverContact,
          note: shown('answerNote'),
          declinedReason: shown('declinedReason'),
        }
      : null,
    completion: r.completedAt
      ? { completedAt: r.completedAt.toISOString(), feedback: shown('feedback'), outcome: shown('outcome') }
      : null,
    masked: masked.map((p) => VIEW_FIELD[p]),
  };
};

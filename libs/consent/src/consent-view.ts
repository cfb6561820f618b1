import { FieldCipher } from '@dh/crypto';
import { consentContext } from './consent-sealed';
import { Consent, ConsentGiver, ConsentKind, ConsentWay } from './consent.entity';

export type ConsentView = {
  id: string;
  caseId: string;
  givenBy: ConsentGiver;
  guardian: { fullName: string | null; relationship: string | null } | null;
  scope: { kind: ConsentKind; receiverId: string | null; purpose: string | null };
  givenAt: string;
  how: ConsentWay;
  recordedBy: string;
  recordedAt: string;
  withdrawal: { withdrawnAt: string; withdrawnBy: string; reason: string | null } | null;
  // The sealed fields left out (null above) for a reader who may not read the case's confidential content.
  masked: string[];
};

// Where a field of the view is sealed: its column, whose name is bound to the sealed value.
const SEALED = {
  'guardian.fullName': (c: Consent) => [c.guardianName, consentContext('guardian_name')],
  'guardian.relationship': (c: Consent) => [c.guardianRelationship, consentContext('guardian_relationship')],
  'scope.purpose': (c: Consent) => [c.purpose, consentContext('purpose')],
  'withdrawal.reason': (c: Consent) => [c.withdrawalReason, consentContext('withdrawal_reason')],
} as const satisfies Record<string, (c: Consent) => [string | null, string]>;
type SealedField = keyof typeof SEALED;

// The sealed fields a consent holds (a learner's consent names no guardian; a live one has no reason).
export const sealedFieldsOf = (c: Consent): SealedField[] =>
  (Object.keys(SEALED) as SealedField[]).filter((f) => SEALED[f](c)[0] !== null);

export const toConsentView = async (c: Consent, cipher: FieldCipher, reveal: boolean): Promise<ConsentView> => {
  const fields = sealedFieldsOf(c);
  const opened = new Map<SealedField, string>();
  if (reveal) {
    for (const f of fields) {
      const [value, context] = SEALED[f](c);
      opened.set(f, await cipher.open(value as string, context));
    }
  }
  const shown = (f: SealedField): string | null => opened.get(f) ?? null;
  return {
    id: c.id,
    caseId: c.caseId,
    givenBy: c.givenBy,
    guardian:
      c.givenBy === 'guardian'
        ? { fullName: shown('guardian.fullName'), relationship: shown('guardian.relationship') }
        : null,
    scope: { kind: c.scopeKind, receiverId: c.receiverId, purpose: shown('scope.purpose') },
    givenAt: c.givenAt,
    how: c.how,
    recordedBy: c.recordedBy,
    recordedAt: c.recordedAt.toISOString(),
    withdrawal:
      c.withdrawnAt && c.withdrawnBy
        ? { withdrawnAt: c.withdrawnAt.toISOString(), withdrawnBy: c.withdrawnBy, reason: shown('withdrawal.reason') }
        : null,
    masked: reveal ? [] : fields,
  };
};

import type { ConsentGiver, ConsentKind, ConsentWay } from './consent.entity';

// Law on Children Art. 6 cl. 11: from this age the learner's own consent is needed, and may be given.
export const LEARNER_CONSENT_AGE = 7;

// Shared with the learner's recording (its age window): one rule for a learner's age everywhere.
export { ageOn } from '@dh/calendar';

export type SharingScope = { kind: ConsentKind; receiverId?: string };

// What the rule needs of a consent, and what the referral may keep of the consents it relied on.
export type SharingConsent = {
  id: string;
  givenBy: ConsentGiver;
  kind: ConsentKind;
  receiverId: string | null;
  givenAt: string;
  how: ConsentWay;
  withdrawnAt: Date | null;
};

export type SharingVerdict = { ok: true; consents: SharingConsent[] } | { ok: false; missing: ConsentGiver[] };

// Live at an instant: given on or before its day (TZ_NAME) and not withdrawn by then.
export const isLive = (c: SharingConsent, at: Date, day: string): boolean =>
  c.givenAt <= day && (c.withdrawnAt === null || c.withdrawnAt.getTime() > at.getTime());

// A consent naming a receiver covers that receiver only; one naming none covers every receiver of its kind
// (but a request naming no receiver is covered only by a consent naming none).
export const covers = (c: SharingConsent, scope: SharingScope): boolean =>
  c.kind === scope.kind && (c.receiverId === null || c.receiverId === (scope.receiverId ?? null));

// A guardian's consent always; the learner's as well from age 7 (on the day of the sharing).
export const sharingVerdict = (
  consents: SharingConsent[],
  scope: SharingScope,
  at: Date,
  day: string,
  learnerAge: number,
): SharingVerdict => {
  const usable = consents.filter((c) => covers(c, scope) && isLive(c, at, day));
  const needed: ConsentGiver[] = learnerAge >= LEARNER_CONSENT_AGE ? ['guardian', 'learner'] : ['guardian'];
  const missing = needed.filter((g) => !usable.some((c) => c.givenBy === g));
  return missing.length
    ? { ok: false, missing }
    : { ok: true, consents: usable.filter((c) => needed.includes(c.givenBy)) };
};

const WHO: Record<ConsentGiver, [string, string]> = {
  guardian: ['cha mẹ hoặc người giám hộ', 'a parent or guardian'],
  learner: ['học sinh', 'the learner'],
};

// The refusal the referral (and any later sharing) answers with its 422.
export const consentMissingMessage = (missing: ConsentGiver[]): [string, string] => [
  `Chưa có sự đồng ý của ${missing.map((g) => WHO[g][0]).join(' và ')} cho việc chia sẻ thông tin này (Luật Trẻ em, Điều 6 khoản 11).`,
  `No consent from ${missing.map((g) => WHO[g][1]).join(' and ')} for this sharing of information (Law on Children, Art. 6 cl. 11).`,
];

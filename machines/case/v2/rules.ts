import { makeRules, refusal, Rule } from '../rules-kit';
import type { AuthorityRecipient, CaseContext, CaseEventType, ProtectionKind, ProtectionRecipient } from '../types';
import { RULES_V1 } from '../v1/rules';

export const PROTECTION_KINDS: readonly ProtectionKind[] = [
  'abuse',
  'violence',
  'neglect',
  'exploitation',
  'school_violence',
];
export const AUTHORITY_RECIPIENTS: readonly AuthorityRecipient[] = [
  'tong_dai_111',
  'ubnd_phuong',
  'cong_an',
  'phong_vhxh',
];
export const PROTECTION_RECIPIENTS: readonly ProtectionRecipient[] = [...AUTHORITY_RECIPIENTS, 'gia_dinh'];
// Only a report to an authority discharges the duty to report; telling the family is recorded beside it.
export const isAuthority = (recipient: ProtectionRecipient): boolean =>
  AUTHORITY_RECIPIENTS.some((a) => a === recipient);

// The rationale a case's risk carries when a concern with the carer suspected made it critical.
export const CARER_SUSPECTED_RATIONALE =
  'Tin báo bảo vệ trẻ em: người chăm sóc bị nghi ngờ là người gây hại (Nghị định 56/2017/NĐ-CP, Điều 31). / Protection concern: the carer is the suspected source of harm (Decree 56/2017, Art. 31).';

const concernOpen = (c: CaseContext) => c.protection?.status === 'open';

// A case with an open concern cannot close until the notification is recorded (DOMAIN.md).
const notWhileConcernOpen = (rule: Rule): Rule => ({
  ...rule,
  when: (c, stage) =>
    concernOpen(c)
      ? refusal(
          'protection_concern_open',
          'Hồ sơ đang có tin báo bảo vệ trẻ em chưa ghi nhận việc thông báo; chưa thể kết thúc.',
          'An open child-protection concern blocks closure until its notification is recorded.',
        )
      : (rule.when?.(c, stage) ?? null),
});

const notWhenClosed = (stage?: string) =>
  stage?.startsWith('closed')
    ? refusal('case_closed', 'Hồ sơ đã kết thúc; hãy mở lại hồ sơ trước.', 'The case is closed; reopen it first.')
    : null;

// The duty to report belongs to whoever works the case, and to the principal who answers for it.
const RULES_V2: Record<CaseEventType, Rule> = {
  ...RULES_V1,
  PROPOSE_CLOSURE: notWhileConcernOpen(RULES_V1.PROPOSE_CLOSURE),
  APPROVE_CLOSURE: notWhileConcernOpen(RULES_V1.APPROVE_CLOSURE),
  // Anyone on the case may send it; on a risky case it goes to a supervisor's review (the machine routes it).
  CLOSE: notWhileConcernOpen({}),
  CLOSE_AT_INTAKE: notWhileConcernOpen(RULES_V1.CLOSE_AT_INTAKE),
  // From intake only for a protection report: the authorities and services act before the school assesses.
  REFER: {
    ...RULES_V1.REFER,
    when: (c, stage) =>
      stage === 'intake' && !c.protection
        ? refusal(
            'no_protection_concern',
            'Chỉ được chuyển gửi ngay khi tiếp nhận đối với hồ sơ có tin báo bảo vệ trẻ em; hồ sơ khác cần được đánh giá trước.',
            'At intake only a case with a child-protection concern may be referred; assess any other case first.',
          )
        : null,
  },
  RAISE_PROTECTION_CONCERN: {
    alsoRoles: ['principal'],
    when: (c, stage) =>
      notWhenClosed(stage) ??
      (concernOpen(c)
        ? refusal(
            'protection_concern_open',
            'Đã có tin báo bảo vệ trẻ em đang mở cho hồ sơ này.',
            'A child-protection concern is already open.',
          )
        : null),
  },
  RECORD_PROTECTION_NOTIFICATION: {
    alsoRoles: ['principal'],
    when: (c, stage) =>
      notWhenClosed(stage) ??
      (c.protection
        ? null
        : refusal(
            'payload_incomplete',
            'Hồ sơ chưa có tin báo bảo vệ trẻ em.',
            'There is no protection concern to notify.',
          )),
    with: (c, e) =>
      e.type === 'RECORD_PROTECTION_NOTIFICATION' && e.payload.recipient === 'gia_dinh' && c.protection?.carerSuspected
        ? refusal(
            'family_is_suspected',
            'Không được thông báo cho gia đình khi người chăm sóc bị nghi ngờ là người gây hại.',
            'The family may not be the recipient when the carer is the suspected source of harm.',
            ['recipient'],
          )
        : null,
  },
};

export const { mayAttempt, checkEvent } = makeRules(RULES_V2);

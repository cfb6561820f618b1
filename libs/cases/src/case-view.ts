import { LoadedCase, loadCase, protectionOf } from '@dh/machines/case/engine';
import { isMachineVersion } from '@dh/machines/case/registry';
import type { CaseEventType } from '@dh/machines/case/types';
import type { DeadlineView } from '@dh/escalations';
import { actorIn, Caller } from '@dh/identity';
import { CaseEntity, Channel, RankedArea } from './case.entity';
import { CASE_CONFIDENTIAL_FIELDS, CASE_NARRATIVE_FIELDS } from './confidential/confidential-fields';

export type CaseView = {
  id: string;
  code: string;
  schoolId: string;
  // null until the case team names the learner of a report from the public form.
  learnerId: string | null;
  // The learner's full name for those who may read the school's learners (its case team); null for others.
  learnerName: string | null;
  state: string;
  // case@2 and later: the child-protection concern beside the stage ('none' | 'open' | 'notified').
  protection: string | null;
  machineVersion: string;
  version: number;
  riskLevel: string;
  riskRationale: string | null;
  assigneeId: string | null;
  // The counsellor's name, which the header shows beside the number.
  assigneeName: string | null;
  // null: opened by the public form.
  openedBy: string | null;
  areas: RankedArea[];
  channel: Channel;
  // A public report sent during a flood of its school's form, awaiting bulk triage (libs/intake).
  bulkTriage: boolean;
  // A school-violence incident is recorded (at intake or by a concern of that kind).
  schoolViolence: boolean;
  // null where the caller may not read confidential content; `masked` names what was left out.
  summary: string | null;
  // Mẫu 01's narrative: null where not recorded, or where the caller may not read it (then named in `masked`).
  familyCircumstances: string | null;
  actionsTaken: string | null;
  masked: string[];
  allowedEvents: CaseEventType[];
  deadlines: DeadlineView[];
  clocksPausedAt: string | null;
  // A supervisor's legal hold keeps the content past its retention period; the reason stays sealed here.
  legalHold: { placedAt: string; placedBy: string | null } | null;
  // When its retention period ended and its key was destroyed: its sealed content no longer reads.
  shreddedAt: string | null;
  // When the information reached the school; createdAt is when it was recorded.
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
};

// What the machine would take from this caller, before anything the case's records hold back. `loaded`: the case
// as a transition's step just left it, so its answer does not restore the snapshot again.
export const allowedEventsOf = (row: CaseEntity, caller: Caller, loaded?: LoadedCase): CaseEventType[] => {
  if (!isMachineVersion(row.machineVersion)) return [];
  return (loaded ?? loadCase(row.machineVersion, row.snapshot)).allowedEvents(actorIn(caller, row.schoolId));
};

// While a follow-up contact is still due, archiving takes a supervisor stopping it early (libs/records refuses
// anyone else): the rest are not offered FOLLOW_UP_DONE until both contacts are recorded.
const mayArchive = (row: CaseEntity, caller: Caller, deadlines: DeadlineView[]): boolean =>
  !deadlines.some((d) => d.kind.startsWith('follow_up_')) || actorIn(caller, row.schoolId).roles.includes('supervisor');

export type RevealedContent = {
  summary: string;
  riskRationale: string;
  familyCircumstances: string | null;
  actionsTaken: string | null;
};

// The case row's confidential fields that hold something: the narrative is optional, and what was never written
// is neither read nor masked.
export const confidentialFieldsOfCase = (row: CaseEntity): string[] => [
  ...CASE_CONFIDENTIAL_FIELDS,
  ...CASE_NARRATIVE_FIELDS.filter((f) => row[f] !== null),
];

// Confidential fields are shown only when the caller may read them, opened, and the read was recorded.
export const toCaseView = (
  row: CaseEntity,
  caller: Caller,
  deadlines: DeadlineView[],
  revealed: RevealedContent | null = null,
  loaded?: LoadedCase,
): CaseView => ({
  id: row.id,
  code: row.code,
  schoolId: row.schoolId,
  learnerId: row.learnerId,
  learnerName: null,
  state: row.state,
  protection: protectionOf(row.snapshot),
  machineVersion: row.machineVersion,
  version: row.version,
  riskLevel: row.riskLevel,
  riskRationale: revealed?.riskRationale ?? null,
  assigneeId: row.assigneeId,
  assigneeName: null,
  openedBy: row.openedBy,
  areas: [...row.areas].sort((a, b) => a.priority - b.priority),
  channel: row.channel,
  bulkTriage: row.bulkTriage,
  schoolViolence: row.schoolViolence,
  summary: revealed?.summary ?? null,
  familyCircumstances: revealed?.familyCircumstances ?? null,
  actionsTaken: revealed?.actionsTaken ?? null,
  masked: revealed ? [] : confidentialFieldsOfCase(row),
  allowedEvents: allowedEventsOf(row, caller, loaded).filter(
    (type) => type !== 'FOLLOW_UP_DONE' || mayArchive(row, caller, deadlines),
  ),
  deadlines,
  clocksPausedAt: row.clocksPausedAt?.toISOString() ?? null,
  legalHold: row.legalHoldAt ? { placedAt: row.legalHoldAt.toISOString(), placedBy: row.legalHoldBy } : null,
  shreddedAt: row.shreddedAt?.toISOString() ?? null,
  receivedAt: row.receivedAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

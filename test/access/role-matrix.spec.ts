import { DataSource, In } from 'typeorm';
import { mayActOnConsents } from '@dh/consent';
import { CheckpointService } from '@dh/checkpoints';
import { CaseEntity, ConfidentialAccess } from '@dh/cases';
import { Caller, decide, decideInWard, Action, actorIn, mayActOnCase, Place, School, UserService } from '@dh/identity';
import { allowedEventsFor } from '@dh/machines/case/engine';
import { auth, buildWorld, Login, PASSWORD, World } from '../support/fixtures';
import { createLearner, move, openCase, PAYLOADS, prepareReferral } from '../support/case-helpers';
import { FRESH_WINDOWS_MS, report, reportCase } from '../support/intake-helpers';
import { startTestApp, TestApp } from '../support/test-app';
import { download as downloadFile, pdfOf, upload as uploadFile } from '../attachments/attachment-helpers';
import { BODIES, facilities, ListKind, PATHS, YEAR } from '../support/school-records-helpers';
import { Activity, TeamMember, Training } from '@dh/school-records';
import { Report, ReportService } from '@dh/reports';

type Role = 'counsellor' | 'supervisor' | 'principal' | 'ward_officer' | 'auditor' | 'admin';
// Cases of school A: assigned to counsellorA, assigned to another counsellor, in referral (sent to the ward, or
// elsewhere); and a case of school B. All schools are of one ward.
type Ctx = 'own' | 'notAssigned' | 'referredToWard' | 'referredElsewhere' | 'other';
type CaseEndpoint = 'read' | 'history' | 'verify' | 'chronology' | 'attachments' | 'event' | 'pause';
type SchoolEndpoint = 'openCase' | 'createLearner' | 'bulkClose';
// The ward figures: without a school, for school A, school B, and a school of another ward.
type FiguresCtx = 'all' | 'own' | 'other' | 'otherWard';
type GlobalEndpoint =
  | 'calendar'
  | 'setCalendar'
  | 'resetPassword'
  | 'enrolSecondFactor'
  | 'resetSecondFactor'
  | 'grantAuditor'
  | 'listAuditorGrants'
  | 'revokeAuditorGrant'
  | 'listUsers'
  | 'createWard'
  | 'createSchool'
  | 'renameSchool'
  | 'listSchools'
  | 'grantPrincipal'
  | 'listGrants'
  | 'revokeGrant';
// The directory of services: a receiver of the caller's ward (the ward of all schools here), and of another ward.
type DirectoryCtx = 'ownWard' | 'otherWard';
type DirectoryEndpoint = 'list' | 'read' | 'create' | 'update' | 'deactivate';

// What each role may do, written by hand from DESIGN.md's role table; the policy and the API must both agree.
const CASES: Record<Role, Record<Ctx, Record<CaseEndpoint, number>>> = {
  counsellor: {
    own: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 200, pause: 403 },
    notAssigned: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 422, pause: 403 },
    referredToWard: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 200, pause: 403 },
    referredElsewhere: {
      read: 200,
      history: 200,
      verify: 200,
      chronology: 200,
      attachments: 200,
      event: 200,
      pause: 403,
    },
    other: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
  },
  supervisor: {
    own: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 200, pause: 200 },
    notAssigned: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 200, pause: 200 },
    referredToWard: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 200, pause: 200 },
    referredElsewhere: {
      read: 200,
      history: 200,
      verify: 200,
      chronology: 200,
      attachments: 200,
      event: 200,
      pause: 200,
    },
    other: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
  },
  principal: {
    own: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 422, pause: 403 },
    notAssigned: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 422, pause: 403 },
    referredToWard: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 422, pause: 403 },
    referredElsewhere: {
      read: 200,
      history: 200,
      verify: 200,
      chronology: 200,
      attachments: 200,
      event: 422,
      pause: 403,
    },
    other: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
  },
  // The ward officer reads a case only while it stands referred to the ward, and sends nothing to it.
  ward_officer: {
    own: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
    notAssigned: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
    referredToWard: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 403, pause: 403 },
    referredElsewhere: {
      read: 404,
      history: 404,
      verify: 404,
      chronology: 404,
      attachments: 404,
      event: 404,
      pause: 404,
    },
    other: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
  },
  // The auditor holds a grant for school A, none for school B.
  auditor: {
    own: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 403, pause: 403 },
    notAssigned: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 403, pause: 403 },
    referredToWard: { read: 200, history: 200, verify: 200, chronology: 200, attachments: 200, event: 403, pause: 403 },
    referredElsewhere: {
      read: 200,
      history: 200,
      verify: 200,
      chronology: 200,
      attachments: 200,
      event: 403,
      pause: 403,
    },
    other: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
  },
  admin: {
    own: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
    notAssigned: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
    referredToWard: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
    referredElsewhere: {
      read: 404,
      history: 404,
      verify: 404,
      chronology: 404,
      attachments: 404,
      event: 404,
      pause: 404,
    },
    other: { read: 404, history: 404, verify: 404, chronology: 404, attachments: 404, event: 404, pause: 404 },
  },
};
// bulkClose: closing together the public reports a flood marked for bulk triage, the school's supervisors only.
const NO_SCHOOL = { openCase: 404, createLearner: 404, bulkClose: 404 };
const SCHOOLS: Record<Role, Record<'own' | 'other', Record<SchoolEndpoint, number>>> = {
  counsellor: { own: { openCase: 201, createLearner: 201, bulkClose: 403 }, other: NO_SCHOOL },
  supervisor: { own: { openCase: 201, createLearner: 201, bulkClose: 200 }, other: NO_SCHOOL },
  principal: { own: { openCase: 403, createLearner: 403, bulkClose: 403 }, other: NO_SCHOOL },
  ward_officer: { own: NO_SCHOOL, other: NO_SCHOOL },
  auditor: { own: { openCase: 403, createLearner: 403, bulkClose: 403 }, other: NO_SCHOOL },
  admin: { own: NO_SCHOOL, other: NO_SCHOOL },
};
const FIGURES: Record<Role, Record<FiguresCtx, number>> = {
  counsellor: { all: 403, own: 403, other: 403, otherWard: 403 },
  supervisor: { all: 200, own: 200, other: 404, otherWard: 404 },
  principal: { all: 200, own: 200, other: 404, otherWard: 404 },
  ward_officer: { all: 200, own: 200, other: 200, otherWard: 404 },
  auditor: { all: 403, own: 403, other: 403, otherWard: 403 },
  admin: { all: 403, own: 403, other: 403, otherWard: 403 },
};
const GLOBAL: Record<Role, Record<GlobalEndpoint, number>> = {
  counsellor: {
    calendar: 403,
    setCalendar: 403,
    resetPassword: 403,
    enrolSecondFactor: 403,
    resetSecondFactor: 403,
    grantAuditor: 403,
    listAuditorGrants: 403,
    revokeAuditorGrant: 403,
    listUsers: 403,
    createWard: 403,
    createSchool: 403,
    renameSchool: 403,
    listSchools: 403,
    grantPrincipal: 403,
    listGrants: 403,
    revokeGrant: 403,
  },
  supervisor: {
    calendar: 403,
    setCalendar: 403,
    resetPassword: 403,
    enrolSecondFactor: 403,
    resetSecondFactor: 403,
    grantAuditor: 403,
    listAuditorGrants: 403,
    revokeAuditorGrant: 403,
    listUsers: 403,
    createWard: 403,
    createSchool: 403,
    renameSchool: 403,
    listSchools: 403,
    grantPrincipal: 403,
    listGrants: 403,
    revokeGrant: 403,
  },
  principal: {
    calendar: 403,
    setCalendar: 403,
    resetPassword: 403,
    enrolSecondFactor: 403,
    resetSecondFactor: 403,
    grantAuditor: 403,
    listAuditorGrants: 403,
    revokeAuditorGrant: 403,
    listUsers: 403,
    createWard: 403,
    createSchool: 403,
    renameSchool: 403,
    listSchools: 403,
    grantPrincipal: 403,
    listGrants: 403,
    revokeGrant: 403,
  },
  ward_officer: {
    calendar: 403,
    setCalendar: 403,
    resetPassword: 403,
    enrolSecondFactor: 403,
    resetSecondFactor: 403,
    grantAuditor: 403,
    listAuditorGrants: 403,
    revokeAuditorGrant: 403,
    listUsers: 403,
    createWard: 403,
    createSchool: 403,
    renameSchool: 403,
    listSchools: 403,
    grantPrincipal: 403,
    listGrants: 403,
    revokeGrant: 403,
  },
  auditor: {
    calendar: 403,
    setCalendar: 403,
    resetPassword: 403,
    enrolSecondFactor: 403,
    resetSecondFactor: 403,
    grantAuditor: 403,
    listAuditorGrants: 403,
    revokeAuditorGrant: 403,
    listUsers: 403,
    createWard: 403,
    createSchool: 403,
    renameSchool: 403,
    listSchools: 403,
    grantPrincipal: 403,
    listGrants: 403,
    revokeGrant: 403,
  },
  admin: {
    calendar: 200,
    setCalendar: 200,
    resetPassword: 204,
    enrolSecondFactor: 201,
    resetSecondFactor: 204,
    grantAuditor: 201,
    listAuditorGrants: 200,
    revokeAuditorGrant: 200,
    listUsers: 200,
    createWard: 201,
    createSchool: 201,
    renameSchool: 200,
    listSchools: 200,
    grantPrincipal: 201,
    listGrants: 200,
    revokeGrant: 200,
  },
};
// Every role of the ward reads its directory; only the admin changes one, in any ward (refused before any lookup: 403).
const READS_WARD: Record<DirectoryCtx, Record<DirectoryEndpoint, number>> = {
  ownWard: { list: 200, read: 200, create: 403, update: 403, deactivate: 403 },
  otherWard: { list: 404, read: 404, create: 403, update: 403, deactivate: 403 },
};
const DIRECTORY: Record<Role, Record<DirectoryCtx, Record<DirectoryEndpoint, number>>> = {
  counsellor: READS_WARD,
  supervisor: READS_WARD,
  principal: READS_WARD,
  ward_officer: READS_WARD,
  // Through the grant for school A, a school of the ward.
  auditor: READS_WARD,
  admin: {
    ownWard: { list: 200, read: 200, create: 201, update: 200, deactivate: 200 },
    otherWard: { list: 200, read: 200, create: 201, update: 200, deactivate: 200 },
  },
};
const DIRECTORY_ACTION: Record<DirectoryEndpoint, Action> = {
  list: 'directory.read',
  read: 'directory.read',
  create: 'directory.manage',
  update: 'directory.manage',
  deactivate: 'directory.manage',
};
const DIRECTORY_OK: Record<DirectoryEndpoint, number> = {
  list: 200,
  read: 200,
  create: 201,
  update: 200,
  deactivate: 200,
};
// What a school keeps beside its cases (team, activities, training, facilities): its leaders keep it, its
// counsellors and the ward's officer read it; a school beyond the caller's reach is 404, even for a write.
type RecordsCtx = Exclude<FiguresCtx, 'all'>;
type RecordsEndpoint = 'list' | 'create' | 'update' | 'remove' | 'facilities' | 'setFacilities';
const KEEPS = { list: 200, create: 201, update: 200, remove: 204, facilities: 200, setFacilities: 200 };
const READS = { list: 200, create: 403, update: 403, remove: 403, facilities: 200, setFacilities: 403 };
const SEES_SCHOOL = { list: 403, create: 403, update: 403, remove: 403, facilities: 403, setFacilities: 403 };
const NOT_SEEN = { list: 404, create: 404, update: 404, remove: 404, facilities: 404, setFacilities: 404 };
const SCHOOL_RECORDS: Record<Role, Record<RecordsCtx, Record<RecordsEndpoint, number>>> = {
  counsellor: { own: READS, other: NOT_SEEN, otherWard: NOT_SEEN },
  supervisor: { own: KEEPS, other: NOT_SEEN, otherWard: NOT_SEEN },
  principal: { own: KEEPS, other: NOT_SEEN, otherWard: NOT_SEEN },
  ward_officer: { own: READS, other: READS, otherWard: NOT_SEEN },
  // The auditor sees school A through the grant (its cases), not its records: 403 there.
  auditor: { own: SEES_SCHOOL, other: NOT_SEEN, otherWard: NOT_SEEN },
  admin: { own: NOT_SEEN, other: NOT_SEEN, otherWard: NOT_SEEN },
};
const RECORDS_ACTION: Record<RecordsEndpoint, Action> = {
  list: 'school_records.read',
  create: 'school_records.write',
  update: 'school_records.write',
  remove: 'school_records.write',
  facilities: 'school_records.read',
  setFacilities: 'school_records.write',
};
// A school's reports to the ward: its leaders draft and edit, its principal submits, the ward officer of its ward
// reads what was sent and returns or accepts it. A role that takes no part in a step is refused before any report
// is looked at (403); a report of a school the caller does not reach, or a draft the ward was never sent, is 404.
type ReportEndpoint =
  | 'create'
  | 'read'
  | 'tables'
  | 'export'
  | 'edit'
  | 'refresh'
  | 'submit'
  | 'readSent'
  | 'verifyAnchor'
  | 'returnIt'
  | 'accept';
const REPORT_ENDPOINTS: ReportEndpoint[] = [
  'create',
  'read',
  'tables',
  'export',
  'edit',
  'refresh',
  'submit',
  'readSent',
  'verifyAnchor',
  'returnIt',
  'accept',
];
const refusedAll = (code: number) =>
  Object.fromEntries(REPORT_ENDPOINTS.map((e) => [e, code])) as Record<ReportEndpoint, number>;
const LEADS = { read: 200, tables: 200, export: 200, edit: 200, refresh: 200, readSent: 200, verifyAnchor: 200 };
const REVIEWS = { ...refusedAll(403), read: 404, tables: 404, export: 404, readSent: 200, verifyAnchor: 200 };
const REPORTS: Record<Role, Record<RecordsCtx, Record<ReportEndpoint, number>>> = {
  counsellor: { own: refusedAll(403), other: refusedAll(403), otherWard: refusedAll(403) },
  supervisor: {
    own: { ...refusedAll(403), ...LEADS, create: 201 },
    other: { ...refusedAll(404), submit: 403, returnIt: 403, accept: 403 },
    otherWard: { ...refusedAll(404), submit: 403, returnIt: 403, accept: 403 },
  },
  principal: {
    own: { ...refusedAll(403), ...LEADS, create: 201, submit: 200 },
    other: { ...refusedAll(404), returnIt: 403, accept: 403 },
    otherWard: { ...refusedAll(404), returnIt: 403, accept: 403 },
  },
  ward_officer: {
    own: { ...REVIEWS, returnIt: 200, accept: 200 },
    other: { ...REVIEWS, returnIt: 200, accept: 200 },
    otherWard: {
      ...refusedAll(403),
      read: 404,
      tables: 404,
      export: 404,
      readSent: 404,
      verifyAnchor: 404,
      returnIt: 404,
      accept: 404,
    },
  },
  // Reports hold no case: an auditor's grant to a school's cases reaches none of them.
  auditor: { own: refusedAll(403), other: refusedAll(403), otherWard: refusedAll(403) },
  admin: { own: refusedAll(403), other: refusedAll(403), otherWard: refusedAll(403) },
};
// The consent ledger: the case team (the assigned counsellor, the school's supervisors) records and withdraws;
// principals and auditors of the school read it too.
type ConsentEndpoint = 'recordConsent' | 'listConsents' | 'withdrawConsent';
const TEAM = { recordConsent: 201, listConsents: 200, withdrawConsent: 200 };
const NOT_TEAM = { recordConsent: 403, listConsents: 403, withdrawConsent: 403 };
const READS_ONLY = { recordConsent: 403, listConsents: 200, withdrawConsent: 403 };
const UNSEEN = { recordConsent: 404, listConsents: 404, withdrawConsent: 404 };
const CONSENTS: Record<Role, Record<Ctx, Record<ConsentEndpoint, number>>> = {
  counsellor: { own: TEAM, notAssigned: NOT_TEAM, referredToWard: TEAM, referredElsewhere: TEAM, other: UNSEEN },
  supervisor: { own: TEAM, notAssigned: TEAM, referredToWard: TEAM, referredElsewhere: TEAM, other: UNSEEN },
  principal: {
    own: READS_ONLY,
    notAssigned: READS_ONLY,
    referredToWard: READS_ONLY,
    referredElsewhere: READS_ONLY,
    other: UNSEEN,
  },
  // The ward officer sees a case referred to the ward, not its consents.
  ward_officer: {
    own: UNSEEN,
    notAssigned: UNSEEN,
    referredToWard: NOT_TEAM,
    referredElsewhere: UNSEEN,
    other: UNSEEN,
  },
  auditor: {
    own: READS_ONLY,
    notAssigned: READS_ONLY,
    referredToWard: READS_ONLY,
    referredElsewhere: READS_ONLY,
    other: UNSEEN,
  },
  admin: { own: UNSEEN, notAssigned: UNSEEN, referredToWard: UNSEEN, referredElsewhere: UNSEEN, other: UNSEEN },
};
// Forms 01–04, the plan form and the family contacts log: whoever reads the case prints them; those who may not read its
// confidential content get the form with "(Nội dung bảo mật)" in its place (test/forms checks which). The ward's officers
// only while the case is referred to the ward.
type FormEndpoint = 'printForm' | 'printPlan' | 'printContacts';
const FORM_PATHS: Record<FormEndpoint, string> = {
  printForm: '01',
  printPlan: 'ke-hoach',
  printContacts: 'lien-he-gia-dinh',
};
const PRINTS = { printForm: 200, printPlan: 200, printContacts: 200 };
const HIDDEN = { printForm: 404, printPlan: 404, printContacts: 404 };
const FORMS: Record<Role, Record<Ctx, Record<FormEndpoint, number>>> = {
  counsellor: { own: PRINTS, notAssigned: PRINTS, referredToWard: PRINTS, referredElsewhere: PRINTS, other: HIDDEN },
  supervisor: { own: PRINTS, notAssigned: PRINTS, referredToWard: PRINTS, referredElsewhere: PRINTS, other: HIDDEN },
  principal: { own: PRINTS, notAssigned: PRINTS, referredToWard: PRINTS, referredElsewhere: PRINTS, other: HIDDEN },
  ward_officer: { own: HIDDEN, notAssigned: HIDDEN, referredToWard: PRINTS, referredElsewhere: HIDDEN, other: HIDDEN },
  auditor: { own: PRINTS, notAssigned: PRINTS, referredToWard: PRINTS, referredElsewhere: PRINTS, other: HIDDEN },
  admin: { own: HIDDEN, notAssigned: HIDDEN, referredToWard: HIDDEN, referredElsewhere: HIDDEN, other: HIDDEN },
};
// A case's referrals: whoever reads the case reads them (sealed fields masked as elsewhere); the ward officer
// only the referrals of a case referred to the ward.
const REFERRALS: Record<Role, Record<Ctx, number>> = {
  counsellor: { own: 200, notAssigned: 200, referredToWard: 200, referredElsewhere: 200, other: 404 },
  supervisor: { own: 200, notAssigned: 200, referredToWard: 200, referredElsewhere: 200, other: 404 },
  principal: { own: 200, notAssigned: 200, referredToWard: 200, referredElsewhere: 200, other: 404 },
  ward_officer: { own: 404, notAssigned: 404, referredToWard: 200, referredElsewhere: 404, other: 404 },
  auditor: { own: 200, notAssigned: 200, referredToWard: 200, referredElsewhere: 200, other: 404 },
  admin: { own: 404, notAssigned: 404, referredToWard: 404, referredElsewhere: 404, other: 404 },
};
// Naming the learner of a report from the public form: the case team of the case's school (a counsellor, when
// assigned). The form itself needs no login: whoever posts, token or not, gets the same 202.
type LearnerCtx = 'own' | 'notAssigned' | 'other';
const TEAM_ONLY = { own: 200, notAssigned: 403, other: 404 };
const LEARNER: Record<Role, Record<LearnerCtx, number>> = {
  counsellor: TEAM_ONLY,
  supervisor: { own: 200, notAssigned: 200, other: 404 },
  principal: { own: 403, notAssigned: 403, other: 404 },
  ward_officer: { own: 404, notAssigned: 404, other: 404 },
  auditor: { own: 403, notAssigned: 403, other: 404 },
  admin: { own: 404, notAssigned: 404, other: 404 },
};
// A learner's family (guardians) in the learner search: the case team of one of the learner's cases and the
// school's supervisors read it; whoever else finds the learner gets it masked; a learner beyond reach is not found.
type FamilyCtx = 'ownCase' | 'notAssignedCase' | 'noCase' | 'other';
type Family = 'shown' | 'masked' | 'unseen';
const FAMILY_UNSEEN: Record<FamilyCtx, Family> = {
  ownCase: 'unseen',
  notAssignedCase: 'unseen',
  noCase: 'unseen',
  other: 'unseen',
};
const FAMILY: Record<Role, Record<FamilyCtx, Family>> = {
  counsellor: { ownCase: 'shown', notAssignedCase: 'masked', noCase: 'masked', other: 'unseen' },
  supervisor: { ownCase: 'shown', notAssignedCase: 'shown', noCase: 'shown', other: 'unseen' },
  principal: { ownCase: 'masked', notAssignedCase: 'masked', noCase: 'masked', other: 'unseen' },
  ward_officer: FAMILY_UNSEEN,
  auditor: FAMILY_UNSEEN,
  admin: FAMILY_UNSEEN,
};
// The intake's narrative on a case (family circumstances, actions taken; Mẫu 01): whoever reads the case's
// confidential content reads it, any other reader of the case gets it masked.
type NarrativeCtx = 'own' | 'notAssigned' | 'other';
const NARRATIVE_UNSEEN: Record<NarrativeCtx, Family> = { own: 'unseen', notAssigned: 'unseen', other: 'unseen' };
const NARRATIVE: Record<Role, Record<NarrativeCtx, Family>> = {
  counsellor: { own: 'shown', notAssigned: 'masked', other: 'unseen' },
  supervisor: { own: 'shown', notAssigned: 'shown', other: 'unseen' },
  principal: { own: 'masked', notAssigned: 'masked', other: 'unseen' },
  ward_officer: NARRATIVE_UNSEEN,
  auditor: { own: 'masked', notAssigned: 'masked', other: 'unseen' },
  admin: NARRATIVE_UNSEEN,
};
// The latest signed audit checkpoint (case ids and hashes): the inspector and the admin, nobody else.
const CHECKPOINTS: Record<Role, number> = {
  counsellor: 403,
  supervisor: 403,
  principal: 403,
  ward_officer: 403,
  auditor: 200,
  admin: 200,
};
const CONSENT_ACTION = {
  recordConsent: 'consent.record',
  listConsents: 'consent.read',
  withdrawConsent: 'consent.withdraw',
} as const;
// Case records: the case team records sessions and family contacts; whoever reads the case's history reads its
// records (the content masked for those who may not read it).
type RecordEndpoint = 'readRecords' | 'recordSession' | 'recordFamilyContact';
const RECORDS_TEAM = { readRecords: 200, recordSession: 201, recordFamilyContact: 201 };
const RECORDS_READ = { readRecords: 200, recordSession: 403, recordFamilyContact: 403 };
const RECORDS_UNSEEN = { readRecords: 404, recordSession: 404, recordFamilyContact: 404 };
const RECORDS: Record<Role, Record<Ctx, Record<RecordEndpoint, number>>> = {
  counsellor: {
    own: RECORDS_TEAM,
    notAssigned: RECORDS_READ,
    referredToWard: RECORDS_TEAM,
    referredElsewhere: RECORDS_TEAM,
    other: RECORDS_UNSEEN,
  },
  supervisor: {
    own: RECORDS_TEAM,
    notAssigned: RECORDS_TEAM,
    referredToWard: RECORDS_TEAM,
    referredElsewhere: RECORDS_TEAM,
    other: RECORDS_UNSEEN,
  },
  principal: {
    own: RECORDS_READ,
    notAssigned: RECORDS_READ,
    referredToWard: RECORDS_READ,
    referredElsewhere: RECORDS_READ,
    other: RECORDS_UNSEEN,
  },
  ward_officer: {
    own: RECORDS_UNSEEN,
    notAssigned: RECORDS_UNSEEN,
    referredToWard: RECORDS_READ,
    referredElsewhere: RECORDS_UNSEEN,
    other: RECORDS_UNSEEN,
  },
  auditor: {
    own: RECORDS_READ,
    notAssigned: RECORDS_READ,
    referredToWard: RECORDS_READ,
    referredElsewhere: RECORDS_READ,
    other: RECORDS_UNSEEN,
  },
  admin: {
    own: RECORDS_UNSEEN,
    notAssigned: RECORDS_UNSEEN,
    referredToWard: RECORDS_UNSEEN,
    referredElsewhere: RECORDS_UNSEEN,
    other: RECORDS_UNSEEN,
  },
};
const RECORD_ACTION = {
  readRecords: 'record.read',
  recordSession: 'record.write',
  recordFamilyContact: 'record.write',
} as const;
// A case's attached files (the list is a case endpoint above): the case team uploads and withdraws; a file's content
// is opened by those who read the case's confidential content (the assigned counsellor, the supervisors, a principal
// with a grant, the ward's officers while the case stands referred there), others of the case are refused.
type AttachmentEndpoint = 'upload' | 'download' | 'withdraw';
const FILES_TEAM = { upload: 201, download: 200, withdraw: 201 };
const FILES_REFUSED = { upload: 403, download: 403, withdraw: 403 };
const FILES_WARD = { upload: 403, download: 200, withdraw: 403 };
const FILES_UNSEEN = { upload: 404, download: 404, withdraw: 404 };
const ATTACHMENTS: Record<Role, Record<Ctx, Record<AttachmentEndpoint, number>>> = {
  counsellor: {
    own: FILES_TEAM,
    notAssigned: FILES_REFUSED,
    referredToWard: FILES_TEAM,
    referredElsewhere: FILES_TEAM,
    other: FILES_UNSEEN,
  },
  supervisor: {
    own: FILES_TEAM,
    notAssigned: FILES_TEAM,
    referredToWard: FILES_TEAM,
    referredElsewhere: FILES_TEAM,
    other: FILES_UNSEEN,
  },
  principal: {
    own: FILES_REFUSED,
    notAssigned: FILES_REFUSED,
    referredToWard: FILES_REFUSED,
    referredElsewhere: FILES_REFUSED,
    other: FILES_UNSEEN,
  },
  ward_officer: {
    own: FILES_UNSEEN,
    notAssigned: FILES_UNSEEN,
    referredToWard: FILES_WARD,
    referredElsewhere: FILES_UNSEEN,
    other: FILES_UNSEEN,
  },
  auditor: {
    own: FILES_REFUSED,
    notAssigned: FILES_REFUSED,
    referredToWard: FILES_REFUSED,
    referredElsewhere: FILES_REFUSED,
    other: FILES_UNSEEN,
  },
  admin: {
    own: FILES_UNSEEN,
    notAssigned: FILES_UNSEEN,
    referredToWard: FILES_UNSEEN,
    referredElsewhere: FILES_UNSEEN,
    other: FILES_UNSEEN,
  },
};
const ATTACHMENT_ACTION = { upload: 'record.write', download: 'record.read', withdraw: 'record.write' } as const;
const ROLES = Object.keys(CASES) as Role[];
const CTXS = Object.keys(CASES.counsellor) as Ctx[];
const CASE_ACTION: Record<CaseEndpoint, Action> = {
  read: 'case.read',
  history: 'case.history',
  verify: 'case.history',
  chronology: 'case.history',
  attachments: 'record.read',
  event: 'case.event',
  pause: 'case.clocks',
};
const SCHOOL_ACTION: Record<SchoolEndpoint, Action> = {
  openCase: 'case.open',
  createLearner: 'learner.create',
  bulkClose: 'case.bulk_close',
};
const GLOBAL_ACTION: Record<GlobalEndpoint, Action> = {
  calendar: 'admin.calendar',
  setCalendar: 'admin.calendar',
  resetPassword: 'admin.users',
  enrolSecondFactor: 'admin.users',
  resetSecondFactor: 'admin.users',
  grantAuditor: 'admin.users',
  listAuditorGrants: 'admin.users',
  revokeAuditorGrant: 'admin.users',
  listUsers: 'admin.users',
  createWard: 'admin.schools',
  createSchool: 'admin.schools',
  renameSchool: 'admin.schools',
  listSchools: 'admin.schools',
  grantPrincipal: 'admin.users',
  listGrants: 'admin.users',
  revokeGrant: 'admin.users',
};
const GLOBAL_OK: Record<GlobalEndpoint, number> = {
  calendar: 200,
  setCalendar: 200,
  resetPassword: 204,
  enrolSecondFactor: 201,
  resetSecondFactor: 204,
  grantAuditor: 201,
  listAuditorGrants: 200,
  revokeAuditorGrant: 200,
  listUsers: 200,
  createWard: 201,
  createSchool: 201,
  renameSchool: 200,
  listSchools: 200,
  grantPrincipal: 201,
  listGrants: 200,
  revokeGrant: 200,
};
// Every role × case context × endpoint, one cell at a time (the cells of the API change the database in order).
const tabulate = async <E extends string>(
  endpoints: E[],
  cell: (role: Role, ctx: Ctx, endpoint: E) => Promise<number>,
) => {
  const table = {} as Record<Role, Record<Ctx, Record<E, number>>>;
  for (const role of ROLES) {
    table[role] = {} as Record<Ctx, Record<E, number>>;
    for (const ctx of CTXS) {
      table[role][ctx] = {} as Record<E, number>;
      for (const endpoint of endpoints) table[role][ctx][endpoint] = await cell(role, ctx, endpoint);
    }
  }
  return table;
};
const ok = (action: Action) =>
  action === 'case.open' || action === 'learner.create' ? 201 : action === 'admin.users' ? 204 : 200;
const status = (d: ReturnType<typeof decide>, success: number) =>
  d === 'not_found' ? 404 : d === 'forbidden' ? 403 : success;

describe('the role matrix: every role × every endpoint × own school / other school / not assigned / referred', () => {
  let t: TestApp;
  let w: World;
  const who: Record<Role, Login> = {} as Record<Role, Login>;
  const callers = {} as Record<Role, Caller>;
  const cases = {} as Record<Ctx, { id: string; schoolId: string }>;
  const learners = {} as Record<'own' | 'other', string>;
  const figuresSchool = {} as Record<Exclude<FiguresCtx, 'all'>, { id: string; wardId: string }>;
  let inspector: string;
  let inspectorGrant: string;

  beforeAll(async () => {
    // No LibreOffice for this server: a form asked as PDF answers 501 where it would print, and never starts an office.
    t = await startTestApp({ SOFFICE_PATH: '/nonexistent/soffice' });
    w = await buildWorld(t.app);
    Object.assign(who, {
      counsellor: w.users.counsellorA,
      supervisor: w.users.supervisorA,
      principal: w.users.principalA,
      ward_officer: w.users.wardW,
      auditor: w.users.auditorA,
      admin: w.users.adminW,
    });
    for (const role of ROLES)
      callers[role] = { ...(await t.http().get('/api/me').set(auth(who[role])).expect(200)).body, requestId: 'matrix' };
    cases.own = { id: (await openCase(t, w)).id, schoolId: w.schoolA };
    cases.notAssigned = { id: (await openCase(t, w, { by: w.users.counsellorA2 })).id, schoolId: w.schoolA };
    cases.other = {
      id: (await openCase(t, w, { by: w.users.counsellorB, schoolId: w.schoolB })).id,
      schoolId: w.schoolB,
    };
    for (const [ctx, toWard] of [
      ['referredToWard', true],
      ['referredElsewhere', false],
    ] as const) {
      const c = await move(t, w.users.counsellorA, await openCase(t, w), 'START_ASSESSMENT');
      await move(t, w.users.counsellorA, c, 'REFER', { ...(await prepareReferral(t, w, c)).payload, toWard });
      cases[ctx] = { id: c.id, schoolId: w.schoolA };
    }
    learners.own = (await createLearner(t, w.users.supervisorA, w.schoolA)).id;
    learners.other = (await createLearner(t, w.users.supervisorB, w.schoolB)).id;
    const users = t.app.get(UserService);
    const farWard = await users.createWard('W9', 'Phường Xa');
    const farSchool = await users.createSchool(farWard.id, 'TX', 'Trường Tiểu học Phường Xa');
    Object.assign(figuresSchool, {
      own: { id: w.schoolA, wardId: w.ward },
      other: { id: w.schoolB, wardId: w.ward },
      otherWard: { id: farSchool.id, wardId: farWard.id },
    });
    // Grants for an auditor of their own, so the admin endpoints leave auditorA's reach as it is.
    inspector = (
      await users.createUser({
        username: 'thanhtra.matrix',
        fullName: 'Thanh Tra Ma Trận',
        password: PASSWORD,
        roles: ['auditor'],
      })
    ).id;
    inspectorGrant = (
      await t.http().post('/api/admin/auditor-grants').set(auth(w.users.adminW)).send(grantBody()).expect(201)
    ).body.id;
  });
  const grantBody = () => ({
    auditorId: inspector,
    schoolId: w.schoolB,
    reason: 'Kiểm tra quyền.',
    expiresAt: '2026-12-31T17:00:00+07:00',
  });
  // What the ward scopes of the policy are told about a case: its school's ward, and whether it stands referred there.
  const placeOf = (ctx: Ctx): Place => ({ wardId: w.ward, referredToWard: ctx === 'referredToWard' });
  afterAll(() => t.close());

  // The expectation generated from the policy (and, for events, the machine's rules).
  const generated = async (role: Role, ctx: Ctx, endpoint: CaseEndpoint): Promise<number> => {
    const caller = callers[role];
    const seen = decide(caller, 'case.read', cases[ctx].schoolId, placeOf(ctx));
    if (seen === 'not_found') return 404;
    const d = decide(caller, CASE_ACTION[endpoint], cases[ctx].schoolId, placeOf(ctx));
    if (d !== 'allow' || endpoint !== 'event') return status(d, 200);
    const row = (await t.http().get(`/api/cases/${cases[ctx].id}`).set(auth(w.users.supervisorA)).expect(200)).body;
    // 'referral.pending' is stored as the nested value { referral: 'pending' }.
    const [top, sub] = String(row.state).split('.');
    const snapshot = {
      value: { stage: sub ? { [top]: sub } : top, protection: row.protection },
      context: { assigneeId: row.assigneeId, riskLevel: row.riskLevel, openedBy: row.openedBy, submittedBy: null },
    };
    return allowedEventsFor('case@2', snapshot, actorIn(caller, cases[ctx].schoolId)).includes('ADD_NOTE') ? 200 : 422;
  };

  const call = async (role: Role, ctx: Ctx, endpoint: CaseEndpoint): Promise<number> => {
    const id = cases[ctx].id;
    const h = auth(who[role]);
    switch (endpoint) {
      case 'read':
        return (await t.http().get(`/api/cases/${id}`).set(h)).status;
      case 'history':
        return (await t.http().get(`/api/cases/${id}/history`).set(h)).status;
      case 'verify':
        return (await t.http().get(`/api/cases/${id}/history/verify`).set(h)).status;
      case 'chronology':
        return (await t.http().get(`/api/cases/${id}/chronology`).set(h)).status;
      // The list of a case's attached files: whoever reads its records (what each may see of them: attachments.spec).
      case 'attachments':
        return (await t.http().get(`/api/cases/${id}/attachments`).set(h)).status;
      case 'event': {
        const version = (
          await t
            .http()
            .get(`/api/cases/${id}`)
            .set(auth(ctx === 'other' ? w.users.supervisorB : w.users.supervisorA))
            .expect(200)
        ).body.version;
        return (
          await t
            .http()
            .post(`/api/cases/${id}/events`)
            .set(h)
            .send({ type: 'ADD_NOTE', payload: { text: `ghi chú của ${role}` }, expectedVersion: version })
        ).status;
      }
      case 'pause': {
        const res = await t.http().post(`/api/cases/${id}/clocks/pause`).set(h).send({ reason: 'kiểm tra quyền' });
        if (res.status === 200) await t.http().post(`/api/cases/${id}/clocks/resume`).set(h).send({}).expect(200);
        return res.status;
      }
    }
  };

  it('case endpoints: the policy says what the hand-written table says, and so does the API', async () => {
    const fromPolicy = {} as typeof CASES;
    const fromApi = {} as typeof CASES;
    for (const role of ROLES) {
      fromPolicy[role] = {} as (typeof CASES)[Role];
      fromApi[role] = {} as (typeof CASES)[Role];
      for (const ctx of CTXS) {
        fromPolicy[role][ctx] = {} as Record<CaseEndpoint, number>;
        fromApi[role][ctx] = {} as Record<CaseEndpoint, number>;
        for (const endpoint of Object.keys(CASE_ACTION) as CaseEndpoint[]) {
          fromPolicy[role][ctx][endpoint] = await generated(role, ctx, endpoint);
          fromApi[role][ctx][endpoint] = await call(role, ctx, endpoint);
        }
      }
    }
    expect(fromPolicy).toEqual(CASES);
    expect(fromApi).toEqual(CASES);
  });

  it('school endpoints: opening a case, adding a learner, closing a flood’s marked reports (reports: below)', async () => {
    const schoolOf = { own: w.schoolA, other: w.schoolB };
    const fromPolicy = {} as typeof SCHOOLS;
    const fromApi = {} as typeof SCHOOLS;
    for (const role of ROLES) {
      fromPolicy[role] = {} as (typeof SCHOOLS)[Role];
      fromApi[role] = {} as (typeof SCHOOLS)[Role];
      for (const ctx of ['own', 'other'] as const) {
        const schoolId = schoolOf[ctx];
        const h = auth(who[role]);
        fromPolicy[role][ctx] = Object.fromEntries(
          (Object.keys(SCHOOL_ACTION) as SchoolEndpoint[]).map((e) => [
            e,
            status(decide(callers[role], SCHOOL_ACTION[e], schoolId), ok(SCHOOL_ACTION[e])),
          ]),
        ) as Record<SchoolEndpoint, number>;
        fromApi[role][ctx] = {
          openCase: (
            await t
              .http()
              .post('/api/cases')
              .set(h)
              .send({
                schoolId,
                learnerId: learners[ctx],
                areas: [{ code: 'hoc_tap', priority: 1 }],
                channel: 'truc_tiep',
                // The school-violence flag starts a clock, and gives no one a right the opening did not.
                summary: 'Kiểm tra quyền.',
                riskLevel: 'low',
                riskRationale: 'Kiểm tra.',
                schoolViolence: true,
                familyCircumstances: 'Kiểm tra.',
                actionsTaken: 'Kiểm tra.',
                ...(role === 'supervisor' ? { assigneeId: w.users.counsellorA.id } : {}),
                // Received long before it is recorded: the same rights, whoever says when the school learned.
                receivedAt: new Date(t.clock.now().getTime() - 40 * 24 * 3600_000).toISOString(),
                receivedLateReason: 'Kiểm tra quyền.',
              })
          ).status,
          createLearner: (
            await t
              .http()
              .post('/api/learners')
              .set(h)
              .send({
                schoolId,
                fullName: 'Học Sinh Kiểm Tra',
                dateOfBirth: '2013-01-01',
                sex: 'nu',
                className: '7A',
                confirmDistinct: true,
                guardians: [
                  {
                    fullName: 'Phụ Huynh Kiểm Tra',
                    relationship: 'bố',
                    yearOfBirth: 1980,
                    occupation: 'Lái xe',
                    currentCarer: true,
                  },
                ],
              })
          ).status,
          bulkClose: (await t.http().post('/api/cases/bulk-close').set(h).send({ schoolId, reason: 'Kiểm tra quyền.' }))
            .status,
        };
      }
    }
    expect(fromPolicy).toEqual(SCHOOLS);
    expect(fromApi).toEqual(SCHOOLS);
  });

  it('ward figures: every role without a school, in school A, school B and a school of another ward', async () => {
    // The figures refuse a caller without the action before they look at a school (403 whatever the school).
    const generatedFigures = (role: Role, ctx: FiguresCtx): number => {
      const holds = decide(callers[role], 'report.read');
      if (ctx === 'all' || holds !== 'allow') return status(holds, 200);
      return status(
        decide(callers[role], 'report.read', figuresSchool[ctx].id, { wardId: figuresSchool[ctx].wardId }),
        200,
      );
    };
    const fromPolicy = {} as typeof FIGURES;
    const fromApi = {} as typeof FIGURES;
    for (const role of ROLES) {
      fromPolicy[role] = {} as Record<FiguresCtx, number>;
      fromApi[role] = {} as Record<FiguresCtx, number>;
      for (const ctx of Object.keys(FIGURES.counsellor) as FiguresCtx[]) {
        fromPolicy[role][ctx] = generatedFigures(role, ctx);
        const query = ctx === 'all' ? {} : { schoolId: figuresSchool[ctx].id };
        fromApi[role][ctx] = (await t.http().get('/api/reports/ward/cases').query(query).set(auth(who[role]))).status;
      }
    }
    expect(fromPolicy).toEqual(FIGURES);
    expect(fromApi).toEqual(FIGURES);
  });

  it('admin endpoints answer the admin only', async () => {
    const fromPolicy = {} as typeof GLOBAL;
    const fromApi = {} as typeof GLOBAL;
    for (const role of ROLES) {
      const h = auth(who[role]);
      fromPolicy[role] = Object.fromEntries(
        (Object.keys(GLOBAL_ACTION) as GlobalEndpoint[]).map((e) => [
          e,
          status(decide(callers[role], GLOBAL_ACTION[e]), GLOBAL_OK[e]),
        ]),
      ) as Record<GlobalEndpoint, number>;
      const granted = await t.http().post('/api/admin/auditor-grants').set(h).send(grantBody());
      const principalGrant = await t
        .http()
        .post('/api/admin/grants')
        .set(h)
        .send({
          caseId: cases.own.id,
          granteeId: w.users.principalA.id,
          reason: 'kiểm tra quyền',
          expiresAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
        });
      fromApi[role] = {
        calendar: (await t.http().get('/api/admin/calendar/2026').set(h)).status,
        // A year far from the cases' dates: the admin's change moves none of their deadlines.
        setCalendar: (
          await t
            .http()
            .put('/api/admin/calendar/2040')
            .set(h)
            .send({
              entries: [
                {
                  date: '2040-01-02',
                  kind: 'day_off',
                  name: 'Nghỉ thử',
                  decisionNumber: 'Quyết định số 1/QĐ-TTg',
                  decisionDate: '2025-12-01',
                },
              ],
            })
        ).status,
        resetPassword: (
          await t
            .http()
            .post(`/api/admin/users/${w.users.counsellorB.id}/reset-password`)
            .set(h)
            .send({ newPassword: 'mat-khau-dat-lai' })
        ).status,
        enrolSecondFactor: (await t.http().post(`/api/admin/users/${w.users.counsellorB.id}/second-factor`).set(h))
          .status,
        resetSecondFactor: (
          await t.http().post(`/api/admin/users/${w.users.counsellorB.id}/second-factor/reset`).set(h)
        ).status,
        grantAuditor: granted.status,
        listAuditorGrants: (await t.http().get('/api/admin/auditor-grants').set(h)).status,
        // The admin revokes the grant just issued; everyone else tries the one issued before.
        revokeAuditorGrant: (
          await t
            .http()
            .post(`/api/admin/auditor-grants/${granted.status === 201 ? granted.body.id : inspectorGrant}/revoke`)
            .set(h)
        ).status,
        listUsers: (await t.http().get('/api/admin/users').set(h)).status,
        createWard: (
          await t
            .http()
            .post('/api/admin/wards')
            .set(h)
            .send({ code: `RW${ROLES.indexOf(role)}`, name: 'Phường Ma Trận' })
        ).status,
        createSchool: (
          await t
            .http()
            .post('/api/admin/schools')
            .set(h)
            .send({ wardId: w.ward, code: `RS${ROLES.indexOf(role)}`, name: 'Trường Ma Trận' })
        ).status,
        renameSchool: (
          await t.http().put(`/api/admin/schools/${w.schoolB}`).set(h).send({ name: 'Trường Tiểu học Thử Nghiệm B' })
        ).status,
        listSchools: (await t.http().get('/api/admin/schools').set(h)).status,
        grantPrincipal: principalGrant.status,
        listGrants: (await t.http().get('/api/admin/grants').set(h)).status,
        // The admin ends the grant just issued, so no later check reads through it.
        revokeGrant: (
          await t
            .http()
            .post(`/api/admin/grants/${principalGrant.status === 201 ? principalGrant.body.id : inspectorGrant}/revoke`)
            .set(h)
        ).status,
      };
    }
    expect(fromPolicy).toEqual(GLOBAL);
    expect(fromApi).toEqual(GLOBAL);
  });

  it('the latest audit checkpoint answers the auditor and the admin only', async () => {
    await t.app.get(CheckpointService).take();
    const fromPolicy = Object.fromEntries(
      ROLES.map((role) => [role, status(decide(callers[role], 'audit.checkpoints'), 200)]),
    );
    const fromApi: Record<string, number> = {};
    for (const role of ROLES)
      fromApi[role] = (await t.http().get('/api/audit/checkpoints/latest').set(auth(who[role]))).status;
    expect(fromPolicy).toEqual(CHECKPOINTS);
    expect(fromApi).toEqual(CHECKPOINTS);
  });

  it('lists show each case to exactly those the policy lets read it', async () => {
    for (const role of ROLES) {
      const ids = (
        await t.http().get('/api/cases').query({ pageSize: 100 }).set(auth(who[role])).expect(200)
      ).body.items.map((i: { id: string }) => i.id);
      const reader = (ctx: Ctx) => decide(callers[role], 'case.read', cases[ctx].schoolId, placeOf(ctx)) === 'allow';
      expect({ role, listed: CTXS.filter((ctx) => ids.includes(cases[ctx].id)) }).toEqual({
        role,
        listed: CTXS.filter(reader),
      });
    }
  });

  it('directory of services: every role reads and changes a receiver of its own ward and of another ward', async () => {
    const wardOf: Record<DirectoryCtx, string> = { ownWard: w.ward, otherWard: figuresSchool.otherWard.wardId };
    const receiver = (ctx: DirectoryCtx) => ({
      wardId: wardOf[ctx],
      name: `Trạm y tế (${ctx})`,
      kind: 'y_te',
      phone: '024 3851 1234',
    });
    const admin = auth(w.users.adminW);
    const standing = {} as Record<DirectoryCtx, string>;
    for (const ctx of Object.keys(wardOf) as DirectoryCtx[]) {
      standing[ctx] = (await t.http().post('/api/admin/directory').set(admin).send(receiver(ctx)).expect(201)).body.id;
    }
    // The policy is told the wards of the caller's schools; the service looks them up the same way.
    const schoolWards = async (role: Role) =>
      (
        await t.app
          .get(DataSource)
          .getRepository(School)
          .findBy({ id: In(callers[role].schoolIds) })
      ).map((s) => s.wardId);
    const fromPolicy = {} as typeof DIRECTORY;
    const fromApi = {} as typeof DIRECTORY;
    for (const role of ROLES) {
      fromPolicy[role] = {} as (typeof DIRECTORY)[Role];
      fromApi[role] = {} as (typeof DIRECTORY)[Role];
      const h = auth(who[role]);
      for (const ctx of Object.keys(wardOf) as DirectoryCtx[]) {
        const wards = await schoolWards(role);
        fromPolicy[role][ctx] = Object.fromEntries(
          (Object.keys(DIRECTORY_ACTION) as DirectoryEndpoint[]).map((e) => {
            const holds = decide(callers[role], DIRECTORY_ACTION[e]);
            // Changes are refused before the receiver is looked at; reads answer 404 beyond the caller's wards.
            const d = holds === 'allow' ? decideInWard(callers[role], DIRECTORY_ACTION[e], wardOf[ctx], wards) : holds;
            return [e, status(d, DIRECTORY_OK[e])];
          }),
        ) as Record<DirectoryEndpoint, number>;
        const created = await t.http().post('/api/admin/directory').set(h).send(receiver(ctx));
        fromApi[role][ctx] = {
          list: (await t.http().get('/api/directory').query({ wardId: wardOf[ctx] }).set(h)).status,
          read: (await t.http().get(`/api/directory/${standing[ctx]}`).set(h)).status,
          create: created.status,
          update: (
            await t
              .http()
              .put(`/api/admin/directory/${standing[ctx]}`)
              .set(h)
              .send({ ...receiver(ctx), wardId: undefined, hours: role })
          ).status,
          // The admin deactivates the receiver just added; everyone else tries the standing one.
          deactivate: (
            await t
              .http()
              .post(`/api/admin/directory/${created.status === 201 ? created.body.id : standing[ctx]}/deactivate`)
              .set(h)
          ).status,
        };
      }
    }
    expect(fromPolicy).toEqual(DIRECTORY);
    expect(fromApi).toEqual(DIRECTORY);
  });

  it('reports: every role drafts, reads, writes, submits, returns and accepts a report of school A, school B and a school of another ward', async () => {
    const reports = t.app.get(ReportService);
    const source = t.app.get(DataSource);
    // Each report of its own school year (one report per school, kind and year), made by a principal of its school.
    let year = 2040;
    const nextYear = () => `${year}-${(year += 1)}`;
    const leaderOf = (ctx: RecordsCtx): Caller => ({
      ...callers.principal,
      schoolIds: [figuresSchool[ctx].id],
      wardId: figuresSchool[ctx].wardId,
    });
    const draft = (ctx: RecordsCtx) =>
      reports.create(leaderOf(ctx), { schoolId: figuresSchool[ctx].id, kind: 'semester_1', schoolYear: nextYear() });
    const sent = async (ctx: RecordsCtx) => {
      const r = await draft(ctx);
      return reports.submit(leaderOf(ctx), r.id, r.version);
    };
    const version = async (id: string): Promise<number> =>
      (await source.getRepository(Report).findOneByOrFail({ id })).version;
    const fromApi = {} as typeof REPORTS;
    for (const role of ROLES) {
      fromApi[role] = {} as Record<RecordsCtx, Record<ReportEndpoint, number>>;
      const h = auth(who[role]);
      for (const ctx of Object.keys(figuresSchool) as RecordsCtx[]) {
        const d = (await draft(ctx)).id;
        const s = (await sent(ctx)).id;
        const toReturn = (await sent(ctx)).id;
        const toAccept = (await sent(ctx)).id;
        const step = async (id: string, path: string, body: object = {}) =>
          (
            await t
              .http()
              .post(`/api/reports/${id}/${path}`)
              .set(h)
              .send({ version: await version(id), ...body })
          ).status;
        fromApi[role][ctx] = {
          create: (
            await t
              .http()
              .post('/api/reports')
              .set(h)
              .send({ schoolId: figuresSchool[ctx].id, kind: 'school_year', schoolYear: nextYear() })
          ).status,
          read: (await t.http().get(`/api/reports/${d}`).set(h)).status,
          tables: (await t.http().get(`/api/reports/${d}/tables`).set(h)).status,
          export: (await t.http().get(`/api/reports/${d}/export`).query({ format: 'xlsx' }).set(h)).status,
          edit: (
            await t
              .http()
              .patch(`/api/reports/${d}`)
              .set(h)
              .send({ version: await version(d), texts: { results: `${role} ${ctx}` } })
          ).status,
          refresh: await step(d, 'refresh'),
          submit: await step(d, 'submit'),
          readSent: (await t.http().get(`/api/reports/${s}`).set(h)).status,
          verifyAnchor: (await t.http().get(`/api/reports/${s}/anchor/verify`).set(h)).status,
          returnIt: await step(toReturn, 'return', { reason: 'Kiểm tra quyền.' }),
          accept: await step(toAccept, 'accept'),
        };
      }
    }
    expect(fromApi).toEqual(REPORTS);
    // The ward's own views (its schools' statuses, the roll-up workbook, the plan's review): the ward officer only.
    for (const role of ROLES) {
      const h = auth(who[role]);
      const query = { schoolYear: '2040-2041', kind: 'semester_1' };
      const ward = [
        (await t.http().get('/api/reports/ward').query(query).set(h)).status,
        (await t.http().get('/api/reports/ward/export').query(query).set(h)).status,
        (await t.http().get('/api/reports/ward/review').query({ from: 2040, to: 2041 }).set(h)).status,
      ];
      expect({ role, ward }).toEqual({ role, ward: role === 'ward_officer' ? [200, 200, 200] : [403, 403, 403] });
    }
  });

  it('school records: every role reads and keeps the team, activities and training, and the facilities, of school A, school B and a school of another ward', async () => {
    const entities = { team: TeamMember, activities: Activity, training: Training };
    const source = t.app.get(DataSource);
    // A standing row of each kind in each school, written directly: the far school has no keeper.
    const standing = {} as Record<ListKind, Record<RecordsCtx, string>>;
    for (const kind of Object.keys(PATHS) as ListKind[]) {
      standing[kind] = {} as Record<RecordsCtx, string>;
      for (const ctx of Object.keys(figuresSchool) as RecordsCtx[]) {
        const now = t.clock.now();
        const row = await source.getRepository(entities[kind]).save({
          ...BODIES[kind](),
          schoolId: figuresSchool[ctx].id,
          schoolYear: YEAR,
          createdAt: now,
          updatedAt: now,
        });
        standing[kind][ctx] = row.id;
      }
    }
    const fromPolicy = {} as typeof SCHOOL_RECORDS;
    for (const role of ROLES) {
      fromPolicy[role] = {} as Record<RecordsCtx, Record<RecordsEndpoint, number>>;
      for (const ctx of Object.keys(figuresSchool) as RecordsCtx[]) {
        const { id, wardId } = figuresSchool[ctx];
        const read = decide(callers[role], 'school_records.read', id, { wardId });
        fromPolicy[role][ctx] = Object.fromEntries(
          (Object.keys(RECORDS_ACTION) as RecordsEndpoint[]).map((e) => [
            e,
            // Who reads the school's records sees it: a write they may not make is 403 there.
            read !== 'allow'
              ? status(read, 0)
              : decide(callers[role], RECORDS_ACTION[e], id, { wardId }) === 'allow'
                ? KEEPS[e]
                : 403,
          ]),
        ) as Record<RecordsEndpoint, number>;
      }
    }
    expect(fromPolicy).toEqual(SCHOOL_RECORDS);
    // Each kind of list answers alike.
    for (const kind of Object.keys(PATHS) as ListKind[]) {
      const path = `/api/school-records/${PATHS[kind]}`;
      const fromApi = {} as typeof SCHOOL_RECORDS;
      for (const role of ROLES) {
        fromApi[role] = {} as Record<RecordsCtx, Record<RecordsEndpoint, number>>;
        const h = auth(who[role]);
        for (const ctx of Object.keys(figuresSchool) as RecordsCtx[]) {
          const where = { schoolId: figuresSchool[ctx].id, schoolYear: YEAR };
          const created = await t
            .http()
            .post(path)
            .set(h)
            .send({ ...where, ...BODIES[kind]() });
          fromApi[role][ctx] = {
            list: (await t.http().get(path).query(where).set(h)).status,
            create: created.status,
            update: (await t.http().put(`${path}/${standing[kind][ctx]}`).set(h).send(BODIES[kind]())).status,
            // A keeper removes the row just added; everyone else tries the standing one.
            remove: (
              await t
                .http()
                .delete(`${path}/${created.status === 201 ? created.body.id : standing[kind][ctx]}`)
                .set(h)
            ).status,
            facilities: (await t.http().get('/api/school-records/facilities').query(where).set(h)).status,
            setFacilities: (
              await t
                .http()
                .put('/api/school-records/facilities')
                .set(h)
                .send({ ...where, ...facilities({ note: `${role} ${kind}` }) })
            ).status,
          };
        }
      }
      expect({ kind, table: fromApi }).toEqual({ kind, table: SCHOOL_RECORDS });
    }
  });

  it('consent endpoints: recording, listing and withdrawing a case’s consents', async () => {
    const consent = {
      givenBy: 'guardian',
      guardian: { fullName: 'Phạm Văn Bình', relationship: 'bố' },
      scope: { kind: 'referral', purpose: 'Kiểm tra quyền.' },
      givenAt: '2026-03-01',
      how: 'dien_thoai',
    };
    const leaderOf = (ctx: Ctx) => auth(ctx === 'other' ? w.users.supervisorB : w.users.supervisorA);
    // From the policy, refined to the case team as libs/consent refines it (a counsellor: the cases assigned to them).
    const generatedConsent = async (role: Role, ctx: Ctx, endpoint: ConsentEndpoint): Promise<number> => {
      const caller = callers[role];
      if (decide(caller, 'case.read', cases[ctx].schoolId, placeOf(ctx)) === 'not_found') return 404;
      const action = CONSENT_ACTION[endpoint];
      const d = decide(caller, action, cases[ctx].schoolId, placeOf(ctx));
      if (d !== 'allow') return status(d, TEAM[endpoint]);
      const row = (await t.http().get(`/api/cases/${cases[ctx].id}`).set(leaderOf(ctx)).expect(200)).body;
      return mayActOnConsents(caller, action, { schoolId: row.schoolId, assigneeId: row.assigneeId })
        ? TEAM[endpoint]
        : 403;
    };
    const callConsent = async (role: Role, ctx: Ctx, endpoint: ConsentEndpoint): Promise<number> => {
      const path = `/api/cases/${cases[ctx].id}/consents`;
      const h = auth(who[role]);
      switch (endpoint) {
        case 'recordConsent':
          return (await t.http().post(path).set(h).send(consent)).status;
        case 'listConsents':
          return (await t.http().get(path).set(h)).status;
        case 'withdrawConsent': {
          const target = (await t.http().post(path).set(leaderOf(ctx)).send(consent).expect(201)).body.id;
          return (await t.http().post(`${path}/${target}/withdraw`).set(h).send({ reason: 'Kiểm tra quyền.' })).status;
        }
      }
    };
    const endpoints = Object.keys(CONSENT_ACTION) as ConsentEndpoint[];
    expect(await tabulate(endpoints, generatedConsent)).toEqual(CONSENTS);
    expect(await tabulate(endpoints, callConsent)).toEqual(CONSENTS);
  });

  it('case records: reading a case’s records, recording a session and a family contact', async () => {
    const leaderOf = (ctx: Ctx) => auth(ctx === 'other' ? w.users.supervisorB : w.users.supervisorA);
    // From the policy; writing refined to the case team (a counsellor: the cases assigned to them).
    const generatedRecord = async (role: Role, ctx: Ctx, endpoint: RecordEndpoint): Promise<number> => {
      const caller = callers[role];
      if (decide(caller, 'case.read', cases[ctx].schoolId, placeOf(ctx)) === 'not_found') return 404;
      const action = RECORD_ACTION[endpoint];
      const d = decide(caller, action, cases[ctx].schoolId, placeOf(ctx));
      if (d !== 'allow' || action === 'record.read') return status(d, RECORDS_TEAM[endpoint]);
      const row = (await t.http().get(`/api/cases/${cases[ctx].id}`).set(leaderOf(ctx)).expect(200)).body;
      return mayActOnCase(caller, action, { schoolId: row.schoolId, assigneeId: row.assigneeId })
        ? RECORDS_TEAM[endpoint]
        : 403;
    };
    const callRecord = async (role: Role, ctx: Ctx, endpoint: RecordEndpoint): Promise<number> => {
      const path = `/api/cases/${cases[ctx].id}`;
      const h = auth(who[role]);
      switch (endpoint) {
        case 'readRecords':
          return (await t.http().get(`${path}/records`).set(h)).status;
        case 'recordSession':
          return (await t.http().post(`${path}/sessions`).set(h).send(PAYLOADS.session)).status;
        case 'recordFamilyContact':
          return (await t.http().post(`${path}/family-contacts`).set(h).send(PAYLOADS.familyContact)).status;
      }
    };
    const endpoints = Object.keys(RECORD_ACTION) as RecordEndpoint[];
    expect(await tabulate(endpoints, generatedRecord)).toEqual(RECORDS);
    expect(await tabulate(endpoints, callRecord)).toEqual(RECORDS);
  });

  it('case attachments: uploading a file, downloading one, withdrawing one', async () => {
    const leaderOf = (ctx: Ctx) => (ctx === 'other' ? w.users.supervisorB : w.users.supervisorA);
    const confidential = t.app.get(ConfidentialAccess);
    const source = t.app.get(DataSource);
    // From the policy; writing refined to the case team, the content to those who read the case's confidential
    // content (ConfidentialAccess, the rule the list's masking follows too).
    const generatedFile = async (role: Role, ctx: Ctx, endpoint: AttachmentEndpoint): Promise<number> => {
      const caller = callers[role];
      if (decide(caller, 'case.read', cases[ctx].schoolId, placeOf(ctx)) === 'not_found') return 404;
      const action = ATTACHMENT_ACTION[endpoint];
      const d = decide(caller, action, cases[ctx].schoolId, placeOf(ctx));
      if (d !== 'allow') return status(d, FILES_TEAM[endpoint]);
      const row = await source.getRepository(CaseEntity).findOneByOrFail({ id: cases[ctx].id });
      if (action === 'record.read')
        return (await confidential.mayRead(source.manager, caller, row)) ? FILES_TEAM[endpoint] : 403;
      return mayActOnCase(caller, action, { schoolId: row.schoolId, assigneeId: row.assigneeId })
        ? FILES_TEAM[endpoint]
        : 403;
    };
    // One file per case to download, put there by the school's supervisor; each withdrawal its own.
    const uploadedBy = async (by: Login, ctx: Ctx): Promise<string> =>
      (await uploadFile(t, by, cases[ctx].id, pdfOf(3000, 'ma-tran'), 'ma-tran.pdf').expect(201)).body.id;
    const toDownload = {} as Record<Ctx, string>;
    for (const ctx of CTXS) toDownload[ctx] = await uploadedBy(leaderOf(ctx), ctx);
    const callFile = async (role: Role, ctx: Ctx, endpoint: AttachmentEndpoint): Promise<number> => {
      const id = cases[ctx].id;
      switch (endpoint) {
        case 'upload':
          return (await uploadFile(t, who[role], id, pdfOf(3000, 'ma-tran'), `${role}.pdf`)).status;
        case 'download':
          return (await downloadFile(t, who[role], id, toDownload[ctx])).status;
        case 'withdraw': {
          const target = await uploadedBy(leaderOf(ctx), ctx);
          return (
            await t
              .http()
              .post(`/api/cases/${id}/attachments/${target}/withdraw`)
              .set(auth(who[role]))
              .send({ reason: 'Kiểm tra quyền.' })
          ).status;
        }
      }
    };
    const endpoints = Object.keys(ATTACHMENT_ACTION) as AttachmentEndpoint[];
    expect(await tabulate(endpoints, generatedFile)).toEqual(ATTACHMENTS);
    expect(await tabulate(endpoints, callFile)).toEqual(ATTACHMENTS);
  });

  it('forms: every role prints Form 01, the plan form and the family contacts log of each case, or is refused', async () => {
    const generatedForm = async (role: Role, ctx: Ctx): Promise<number> =>
      status(decide(callers[role], 'case.forms', cases[ctx].schoolId, placeOf(ctx)), 200);
    const printForm = async (role: Role, ctx: Ctx, endpoint: FormEndpoint): Promise<number> =>
      (await t.http().get(`/api/cases/${cases[ctx].id}/forms/${FORM_PATHS[endpoint]}`).set(auth(who[role]))).status;
    const endpoints = Object.keys(FORM_PATHS) as FormEndpoint[];
    expect(await tabulate(endpoints, generatedForm)).toEqual(FORMS);
    expect(await tabulate(endpoints, printForm)).toEqual(FORMS);
    // As PDF, the same refusals; where the form prints, this server's 501 (no LibreOffice), never a 200 by another path.
    const asPdf = (cell: { printForm: number }) => ({ printForm: cell.printForm === 200 ? 501 : cell.printForm });
    const pdfExpected = Object.fromEntries(
      ROLES.map((r) => [r, Object.fromEntries(CTXS.map((c) => [c, asPdf(FORMS[r][c])]))]),
    );
    const printPdf = async (role: Role, ctx: Ctx): Promise<number> =>
      (await t.http().get(`/api/cases/${cases[ctx].id}/forms/01`).query({ format: 'pdf' }).set(auth(who[role]))).status;
    expect(await tabulate(['printForm'], printPdf)).toEqual(pdfExpected);
  });

  it('referral list: every role reads a case’s referrals where the policy lets it read them', async () => {
    const fromPolicy = {} as typeof REFERRALS;
    const fromApi = {} as typeof REFERRALS;
    for (const role of ROLES) {
      fromPolicy[role] = {} as Record<Ctx, number>;
      fromApi[role] = {} as Record<Ctx, number>;
      for (const ctx of CTXS) {
        fromPolicy[role][ctx] = status(decide(callers[role], 'referral.read', cases[ctx].schoolId, placeOf(ctx)), 200);
        fromApi[role][ctx] = (await t.http().get(`/api/cases/${cases[ctx].id}/referrals`).set(auth(who[role]))).status;
      }
    }
    expect(fromPolicy).toEqual(REFERRALS);
    expect(fromApi).toEqual(REFERRALS);
  });

  it('naming a public report’s learner, and the public form itself', async () => {
    const reports = {} as Record<LearnerCtx, { id: string; schoolId: string; learnerId: string }>;
    for (const [ctx, school, code, assignee] of [
      ['own', w.schoolA, 'TA', w.users.counsellorA],
      ['notAssigned', w.schoolA, 'TA', w.users.counsellorA2],
      ['other', w.schoolB, 'TB', w.users.counsellorB],
    ] as const) {
      const { caseId } = await reportCase(t, { schoolCode: code, whatIsHappening: `Kiểm tra quyền (${ctx}).` });
      const leader = auth(ctx === 'other' ? w.users.supervisorB : w.users.supervisorA);
      await t
        .http()
        .post(`/api/cases/${caseId}/events`)
        .set(leader)
        .send({ type: 'ASSIGN', payload: { assigneeId: assignee.id }, expectedVersion: 1 })
        .expect(200);
      reports[ctx] = { id: caseId, schoolId: school, learnerId: ctx === 'other' ? learners.other : learners.own };
    }
    const fromPolicy = {} as typeof LEARNER;
    const fromApi = {} as typeof LEARNER;
    for (const role of ROLES) {
      fromPolicy[role] = {} as Record<LearnerCtx, number>;
      fromApi[role] = {} as Record<LearnerCtx, number>;
      for (const ctx of Object.keys(TEAM_ONLY) as LearnerCtx[]) {
        const { id, schoolId, learnerId } = reports[ctx];
        const place = { wardId: w.ward, referredToWard: false };
        const d =
          decide(callers[role], 'case.read', schoolId, place) === 'not_found'
            ? 'not_found'
            : decide(callers[role], 'case.learner', schoolId, place);
        const assigneeId =
          ctx === 'own'
            ? w.users.counsellorA.id
            : ctx === 'notAssigned'
              ? w.users.counsellorA2.id
              : w.users.counsellorB.id;
        fromPolicy[role][ctx] =
          d === 'allow'
            ? mayActOnCase(callers[role], 'case.learner', { schoolId, assigneeId })
              ? 200
              : 403
            : status(d, 200);
        fromApi[role][ctx] = (
          await t.http().post(`/api/cases/${id}/learner`).set(auth(who[role])).send({ learnerId })
        ).status;
      }
    }
    expect(fromPolicy).toEqual(LEARNER);
    expect(fromApi).toEqual(LEARNER);

    const publicForm: Record<string, number> = {};
    for (const role of [...ROLES, 'no token'] as const) {
      t.clock.advance(FRESH_WINDOWS_MS);
      publicForm[role] = (
        await report(
          t,
          { schoolCode: 'TA', whatIsHappening: 'Kiểm tra quyền.', website: 'bot' },
          undefined,
          role === 'no token' ? {} : auth(who[role]),
        )
      ).status;
    }
    expect(publicForm).toEqual(Object.fromEntries([...ROLES, 'no token'].map((r) => [r, 202])));
  });
  it('stopping the follow-up early (FOLLOW_UP_DONE with stopReason): the school’s supervisors only', async () => {
    const STOP: Record<Role, number> = {
      counsellor: 422,
      supervisor: 200,
      principal: 422,
      ward_officer: 404,
      auditor: 403,
      admin: 404,
    };
    const fromApi = {} as Record<Role, number>;
    for (const role of ROLES) {
      const c = await move(t, w.users.counsellorA, await openCase(t, w), 'CLOSE_AT_INTAKE', {
        reason: 'Kiểm tra quyền.',
      });
      fromApi[role] = (
        await t
          .http()
          .post(`/api/cases/${c.id}/events`)
          .set(auth(who[role]))
          .send({
            type: 'FOLLOW_UP_DONE',
            payload: { notes: 'Kiểm tra quyền.', stopReason: 'Gia đình chuyển đi.' },
            expectedVersion: c.version,
          })
      ).status;
    }
    expect(fromApi).toEqual(STOP);
  });

  it('the field labels (GET /api/labels) are public: every role and no token read them', async () => {
    const labels: Record<string, number> = {};
    for (const role of [...ROLES, 'no token'] as const) {
      labels[role] = (
        await t
          .http()
          .get('/api/labels')
          .set(role === 'no token' ? {} : auth(who[role]))
      ).status;
    }
    expect(labels).toEqual(Object.fromEntries([...ROLES, 'no token'].map((r) => [r, 200])));
  });
  it('a learner’s family in the learner search: the case team and the school’s supervisors read it, other readers get it masked', async () => {
    const guardians = [
      {
        fullName: 'Phụ Huynh Ma Trận',
        relationship: 'mẹ',
        phone: '0900000009',
        yearOfBirth: 1985,
        occupation: 'Giáo viên mầm non',
        currentCarer: true,
      },
    ];
    // Each learner added by whoever may open its case; a case opened by a counsellor is assigned to them.
    const setup: Record<FamilyCtx, { by: Login; schoolId: string; withCase: boolean; assigneeId: string | null }> = {
      ownCase: { by: w.users.counsellorA, schoolId: w.schoolA, withCase: true, assigneeId: w.users.counsellorA.id },
      notAssignedCase: {
        by: w.users.counsellorA2,
        schoolId: w.schoolA,
        withCase: true,
        assigneeId: w.users.counsellorA2.id,
      },
      noCase: { by: w.users.supervisorA, schoolId: w.schoolA, withCase: false, assigneeId: null },
      other: { by: w.users.supervisorB, schoolId: w.schoolB, withCase: false, assigneeId: null },
    };
    const ids = {} as Record<FamilyCtx, string>;
    for (const [ctx, { by, schoolId, withCase }] of Object.entries(setup) as [FamilyCtx, (typeof setup)[FamilyCtx]][]) {
      ids[ctx] = (
        await t
          .http()
          .post('/api/learners')
          .set(auth(by))
          .send({
            schoolId,
            fullName: `Gia Đình Ma Trận ${ctx}`,
            dateOfBirth: '2013-01-01',
            sex: 'nu',
            className: '7A',
            guardians,
          })
          .expect(201)
      ).body.id;
      if (withCase) {
        await t
          .http()
          .post('/api/cases')
          .set(auth(by))
          .send({
            schoolId,
            learnerId: ids[ctx],
            areas: [{ code: 'hoc_tap', priority: 1 }],
            channel: 'truc_tiep',
            summary: 'Kiểm tra quyền.',
            riskLevel: 'low',
            riskRationale: 'Kiểm tra.',
          })
          .expect(201);
      }
    }
    const fromPolicy = {} as typeof FAMILY;
    const fromApi = {} as typeof FAMILY;
    for (const role of ROLES) {
      fromPolicy[role] = {} as Record<FamilyCtx, Family>;
      fromApi[role] = {} as Record<FamilyCtx, Family>;
      const items: { id: string; guardians: unknown; masked: string[] }[] = (
        await t
          .http()
          .get('/api/learners')
          .query({ q: 'gia dinh ma tran', pageSize: 100 })
          .set(auth(who[role]))
          .expect(200)
      ).body.items;
      for (const ctx of Object.keys(setup) as FamilyCtx[]) {
        const { schoolId, withCase, assigneeId } = setup[ctx];
        const family = withCase
          ? mayActOnCase(callers[role], 'learner.family', { schoolId, assigneeId })
          : actorIn(callers[role], schoolId).roles.includes('supervisor');
        fromPolicy[role][ctx] =
          decide(callers[role], 'learner.read', schoolId) !== 'allow' ? 'unseen' : family ? 'shown' : 'masked';
        const item = items.find((i) => i.id === ids[ctx]);
        fromApi[role][ctx] = !item
          ? 'unseen'
          : JSON.stringify(item.guardians) === JSON.stringify(guardians) && item.masked.length === 0
            ? 'shown'
            : item.guardians === null && item.masked.join() === 'guardians'
              ? 'masked'
              : ('wrong' as Family);
      }
    }
    expect(fromPolicy).toEqual(FAMILY);
    expect(fromApi).toEqual(FAMILY);
  });

  it('the intake narrative on a case: whoever reads its confidential content reads it, other readers of the case get it masked', async () => {
    const narrative = { familyCircumstances: 'Hoàn cảnh ma trận.', actionsTaken: 'Việc đã làm ma trận.' };
    const by: Record<NarrativeCtx, { by: Login; schoolId: string }> = {
      own: { by: w.users.counsellorA, schoolId: w.schoolA },
      notAssigned: { by: w.users.counsellorA2, schoolId: w.schoolA },
      // Not counsellorB: the admin endpoints above reset their password, and with it their tokens.
      other: { by: w.users.supervisorB, schoolId: w.schoolB },
    };
    const ids = {} as Record<NarrativeCtx, string>;
    for (const [ctx, o] of Object.entries(by) as [NarrativeCtx, (typeof by)[NarrativeCtx]][]) {
      const learnerId = (await createLearner(t, o.by, o.schoolId)).id;
      ids[ctx] = (
        await t
          .http()
          .post('/api/cases')
          .set(auth(o.by))
          .send({
            schoolId: o.schoolId,
            learnerId,
            areas: [{ code: 'hoc_tap', priority: 1 }],
            channel: 'truc_tiep',
            summary: 'Kiểm tra quyền.',
            riskLevel: 'low',
            riskRationale: 'Kiểm tra.',
            ...narrative,
          })
          .expect(201)
      ).body.id;
    }
    const fromApi = {} as typeof NARRATIVE;
    for (const role of ROLES) {
      fromApi[role] = {} as Record<NarrativeCtx, Family>;
      for (const ctx of Object.keys(by) as NarrativeCtx[]) {
        const res = await t.http().get(`/api/cases/${ids[ctx]}`).set(auth(who[role]));
        const b = res.body;
        fromApi[role][ctx] =
          res.status !== 200
            ? 'unseen'
            : b.familyCircumstances === narrative.familyCircumstances &&
                b.actionsTaken === narrative.actionsTaken &&
                b.masked.length === 0
              ? 'shown'
              : b.familyCircumstances === null &&
                  b.actionsTaken === null &&
                  b.masked.includes('familyCircumstances') &&
                  b.masked.includes('actionsTaken')
                ? 'masked'
                : ('wrong' as Family);
      }
    }
    expect(fromApi).toEqual(NARRATIVE);
  });
});

import { Identity1795000000000 } from './1795000000000-identity';
import { Cases1795000000001 } from './1795000000001-cases';
import { Audit1795000000002 } from './1795000000002-audit';
import { Escalations1795000000003 } from './1795000000003-escalations';
import { ReportDeadlineIndex1795000000004 } from './1795000000004-report-deadline-index';
import { AdminAudit1795000000005 } from './1795000000005-admin-audit';
import { ConfidentialGrants1795000000006 } from './1795000000006-confidential-grants';
import { SealedFields1795000000007 } from './1795000000007-sealed-fields';
import { AccessScopes1795000000008 } from './1795000000008-access-scopes';
import { ServiceDirectory1795000000009 } from './1795000000009-service-directory';
import { ConsentLedger1795000000010 } from './1795000000010-consent-ledger';
import { GrantRevocation1795000000011 } from './1795000000011-grant-revocation';
import { CaseRecords1795000000012 } from './1795000000012-case-records';
import { Referrals1795000000013 } from './1795000000013-referrals';
import { AnonymousIntake1795000000014 } from './1795000000014-anonymous-intake';
import { AuditHeadsCheckpoints1795000000015 } from './1795000000015-audit-heads-checkpoints';
import { LearnerNameSkeleton1795000000017 } from './1795000000017-learner-name-skeleton';
import { ThrottleCounters1795000000018 } from './1795000000018-throttle-counters';
import { IntakeFlood1795000000019 } from './1795000000019-intake-flood';
import { DeadlineRule1795000000021 } from './1795000000021-deadline-rule';
import { CaseSchoolViolence1795000000022 } from './1795000000022-case-school-violence';
import { ReceivedAt1795000000023 } from './1795000000023-received-at';
import { DeadlineClosedAs1795000000024 } from './1795000000024-deadline-closed-as';
import { IntakeNarrative1795000000026 } from './1795000000026-intake-narrative';
import { WorkingCalendar1795000000028 } from './1795000000028-working-calendar';
import { LandedMigrationsLevel1795000000030 } from './1795000000030-landed-migrations-level';
import { Notifications1795000000032 } from './1795000000032-notifications';
import { SchoolRecords1795000000037 } from './1795000000037-school-records';
import { AlertDelivery1795000000038 } from './1795000000038-alert-delivery';
import { Reports1795000000039 } from './1795000000039-reports';
import { CaseListIndex1795000000040 } from './1795000000040-case-list-index';
import { CaseDataKeys1795000000041 } from './1795000000041-case-data-keys';
import { BreachNotification1795000000042 } from './1795000000042-breach-notification';
import { SecondFactor1795000000043 } from './1795000000043-second-factor';
import { DataRequests1795000000045 } from './1795000000045-data-requests';
import { RosterImport1795000000046 } from './1795000000046-roster-import';
import { Attachments1795000000047 } from './1795000000047-attachments';
import { SchoolTransfer1795000000048 } from './1795000000048-school-transfer';
import { TransferExpiry1795000000049 } from './1795000000049-transfer-expiry';

// Listed, not globbed: the same list works from ts (jest) and from the built js.
export const migrations = [
  Identity1795000000000,
  Cases1795000000001,
  Audit1795000000002,
  Escalations1795000000003,
  ReportDeadlineIndex1795000000004,
  AdminAudit1795000000005,
  ConfidentialGrants1795000000006,
  SealedFields1795000000007,
  AccessScopes1795000000008,
  ServiceDirectory1795000000009,
  ConsentLedger1795000000010,
  GrantRevocation1795000000011,
  CaseRecords1795000000012,
  Referrals1795000000013,
  AnonymousIntake1795000000014,
  AuditHeadsCheckpoints1795000000015,
  LearnerNameSkeleton1795000000017,
  ThrottleCounters1795000000018,
  IntakeFlood1795000000019,
  DeadlineRule1795000000021,
  CaseSchoolViolence1795000000022,
  ReceivedAt1795000000023,
  DeadlineClosedAs1795000000024,
  IntakeNarrative1795000000026,
  WorkingCalendar1795000000028,
  LandedMigrationsLevel1795000000030,
  Notifications1795000000032,
  SchoolRecords1795000000037,
  AlertDelivery1795000000038,
  Reports1795000000039,
  CaseListIndex1795000000040,
  CaseDataKeys1795000000041,
  BreachNotification1795000000042,
  SecondFactor1795000000043,
  DataRequests1795000000045,
  RosterImport1795000000046,
  Attachments1795000000047,
  SchoolTransfer1795000000048,
  TransferExpiry1795000000049,
];

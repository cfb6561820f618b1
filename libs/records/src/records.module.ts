import { Module, OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@dh/clock';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { AuditModule } from '@dh/audit';
import { CasesModule } from '@dh/cases';
import { EscalationsModule } from '@dh/escalations';
import { ConsentModule } from '@dh/consent';
import { SealedRegistry } from '@dh/crypto';
import { DirectoryModule } from '@dh/directory';
import { IdentityModule } from '@dh/identity';
import { DeclaresProcessing } from '@dh/privacy';
import { AssessmentRecord } from './assessments/assessment-record.entity';
import { ATTACHMENTS_SEALED } from './attachments/attachments-sealed';
import { AttachmentStore, DirectoryAttachmentStore, PgAttachmentStore } from './attachments/attachment-store';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { CaseAttachment, CaseAttachmentChunk } from './attachments/case-attachment.entity';
import { ClamdScanner } from './attachments/clamd-scanner';
import { CaseRecordsController } from './case-records/case-records.controller';
import { CaseRecordsService } from './case-records/case-records.service';
import { RECORDS_SEALED } from './case-records/sealed-columns';
import { StageRecordsHook } from './case-records/stage-records.hook';
import { ClosureRecord } from './closures/closure-record.entity';
import { FamilyContact } from './family-contacts/family-contact.entity';
import { FollowUpContact } from './follow-ups/follow-up-contact.entity';
import { FollowUpDoneHook } from './follow-ups/follow-up-done.hook';
import { SupportPlan } from './plans/support-plan.entity';
import { Referral } from './referrals/referral.entity';
import { PlanDatesProvider } from './plans/plan-dates.provider';
import { ReferralHooks } from './referrals/referral-hooks.service';
import { ReferralsController } from './referrals/referrals.controller';
import { ReferralsService } from './referrals/referrals.service';
import { SchoolViolenceNotice } from './school-violence/school-violence-notice.service';
import { CounsellingSession } from './sessions/counselling-session.entity';
import { RECORDS_PROCESSING } from './records-processing';

const CASE_RECORDS = [
  AssessmentRecord,
  SupportPlan,
  ClosureRecord,
  CounsellingSession,
  FamilyContact,
  FollowUpContact,
  Referral,
];

@DeclaresProcessing(RECORDS_PROCESSING)
@Module({
  imports: [
    TypeOrmModule.forFeature([...CASE_RECORDS, CaseAttachment, CaseAttachmentChunk]),
    AuditModule,
    IdentityModule,
    CasesModule,
    ConsentModule,
    EscalationsModule,
    DirectoryModule,
  ],
  controllers: [CaseRecordsController, ReferralsController, AttachmentsController],
  providers: [
    StageRecordsHook,
    FollowUpDoneHook,
    CaseRecordsService,
    ReferralHooks,
    ReferralsService,
    SchoolViolenceNotice,
    PlanDatesProvider,
    AttachmentsService,
    ClamdScanner,
    {
      provide: AttachmentStore,
      inject: [APP_CONFIG, getDataSourceToken(), Clock],
      useFactory: (config: AppConfig, source: DataSource, clock: Clock): AttachmentStore =>
        config.attachments.dir
          ? new DirectoryAttachmentStore(config.attachments.dir, clock)
          : new PgAttachmentStore(source),
    },
  ],
  exports: [CaseRecordsService, ReferralsService],
})
export class RecordsModule implements OnModuleInit {
  constructor(private readonly sealed: SealedRegistry) {}

  onModuleInit(): void {
    this.sealed.register(RECORDS_SEALED);
    this.sealed.register(ATTACHMENTS_SEALED);
  }
}

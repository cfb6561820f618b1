import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { IdentityModule } from '@dh/identity';
import { DeclaresProcessing } from '@dh/privacy';
import { ActivitiesController } from './activities/activities.controller';
import { Activity } from './activities/activity.entity';
import { FacilitiesController } from './facilities/facilities.controller';
import { Facilities } from './facilities/facilities.entity';
import { FacilitiesService } from './facilities/facilities.service';
import { TeamController } from './team/team.controller';
import { TeamMember } from './team/team-member.entity';
import { TrainingController } from './training/training.controller';
import { Training } from './training/training.entity';
import { YearRecordsService } from './year-records.service';
import { SCHOOL_RECORDS_PROCESSING } from './school-records-processing';

// What a school keeps beside its cases, per school year: the team, the activities, the training, the facilities.
@DeclaresProcessing(SCHOOL_RECORDS_PROCESSING)
@Module({
  imports: [TypeOrmModule.forFeature([TeamMember, Activity, Training, Facilities]), AuditModule, IdentityModule],
  controllers: [TeamController, ActivitiesController, TrainingController, FacilitiesController],
  providers: [YearRecordsService, FacilitiesService],
  exports: [YearRecordsService, FacilitiesService],
})
export class SchoolRecordsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { IdentityModule } from '@dh/identity';
import { DeclaresProcessing } from '@dh/privacy';
import { AuditCheckpoint, AuditCheckpointChain } from './checkpoint.entity';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { CheckpointService } from './checkpoint.service';
import { CheckpointSigner } from './checkpoint-signer';
import { CheckpointsController } from './checkpoints.controller';
import { CHECKPOINTS_PROCESSING } from './checkpoints-processing';

// SchedulerRegistry comes from the global ScheduleModule.forRoot() of EscalationsModule: a second forRoot here
// would make a registry of its own, which the application's shutdown and its tests do not see.
@DeclaresProcessing(CHECKPOINTS_PROCESSING)
@Module({
  imports: [TypeOrmModule.forFeature([AuditCheckpoint, AuditCheckpointChain]), AuditModule, IdentityModule],
  controllers: [CheckpointsController],
  providers: [CheckpointSigner, CheckpointService, CheckpointScheduler],
  exports: [CheckpointSigner, CheckpointService],
})
export class CheckpointsModule {}

import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@dh/audit';
import { IdentityModule } from '@dh/identity';
import { AuditCheckpoint, AuditCheckpointChain } from './checkpoint.entity';
import { CheckpointScheduler } from './checkpoint.scheduler';
import { CheckpointService } from './checkpoint.service';
import { CheckpointSigner } from './checkpoint-signer';
import { CheckpointsController } from './checkpoints.controller';

@Module({
  imports: [TypeOrmModule.forFeature([AuditCheckpoint, AuditCheckpointChain]), ScheduleModule.forRoot(), AuditModule, IdentityModule],
  controllers: [CheckpointsController],
  providers: [CheckpointSigner, CheckpointService, CheckpointScheduler],
  exports: [CheckpointSigner, CheckpointService],
})
export class CheckpointsModule {}

import { Module } from '@nestjs/common';
import { IdentityModule } from '@dh/identity';
import { RetentionModule } from '@dh/retention';
import { ProcessingRecordController } from './processing-record.controller';
import { ProcessingRecordService } from './processing-record.service';

@Module({
  imports: [IdentityModule, RetentionModule],
  controllers: [ProcessingRecordController],
  providers: [ProcessingRecordService],
  exports: [ProcessingRecordService],
})
export class ProcessingRecordModule {}

import { Module } from '@nestjs/common';
import { CasesModule } from '@dh/cases';
import { ConsentModule } from '@dh/consent';
import { DirectoryModule } from '@dh/directory';
import { IdentityModule } from '@dh/identity';
import { IntakeModule } from '@dh/intake';
import { LearnersModule } from '@dh/learners';
import { RecordsModule } from '@dh/records';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [IdentityModule, LearnersModule, CasesModule, ConsentModule, DirectoryModule, RecordsModule, IntakeModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}

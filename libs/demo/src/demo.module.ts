import { Module } from '@nestjs/common';
import { CasesModule } from '@dh/cases';
import { IdentityModule } from '@dh/identity';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [IdentityModule, CasesModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}

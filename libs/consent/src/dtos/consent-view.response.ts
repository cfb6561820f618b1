import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_GIVERS, CONSENT_KINDS, CONSENT_WAYS, ConsentGiver, ConsentKind, ConsentWay } from '../consent.entity';
import type { ConsentView } from '../consent-view';

type Of<K extends keyof ConsentView> = NonNullable<ConsentView[K]>;
const SEALED = 'sealed: null where masked';

export class ConsentGuardianViewDto implements Of<'guardian'> {
  @ApiProperty({ type: String, nullable: true, description: SEALED }) fullName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: SEALED }) relationship!: string | null;
}

export class ConsentScopeViewDto implements Of<'scope'> {
  @ApiProperty({ enum: CONSENT_KINDS, enumName: 'ConsentKind' }) kind!: ConsentKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the directory receiver, for a referral' })
  receiverId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: SEALED }) purpose!: string | null;
}

export class ConsentWithdrawalDto implements Of<'withdrawal'> {
  @ApiProperty({ format: 'date-time' }) withdrawnAt!: string;
  @ApiProperty({ format: 'uuid' }) withdrawnBy!: string;
  @ApiProperty({ type: String, nullable: true, description: SEALED }) reason!: string | null;
}

export class ConsentViewDto implements ConsentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: CONSENT_GIVERS, enumName: 'ConsentGiver' }) givenBy!: ConsentGiver;
  @ApiProperty({ type: ConsentGuardianViewDto, nullable: true, description: 'null: given by the learner' })
  guardian!: ConsentGuardianViewDto | null;
  @ApiProperty({ type: ConsentScopeViewDto }) scope!: ConsentScopeViewDto;
  @ApiProperty({ format: 'date' }) givenAt!: string;
  @ApiProperty({ enum: CONSENT_WAYS, enumName: 'ConsentWay' }) how!: ConsentWay;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: ConsentWithdrawalDto, nullable: true }) withdrawal!: ConsentWithdrawalDto | null;
  @ApiProperty({ type: [String], description: 'the sealed fields left out for this caller' }) masked!: string[];
}

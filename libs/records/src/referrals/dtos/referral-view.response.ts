import { ApiProperty, PickType } from '@nestjs/swagger';
import { AREA_CODES, AreaCode } from '@dh/cases';
import { ProviderViewDto } from '@dh/directory';
import { REFERRAL_STATUSES, ReferralStatus } from '../referral.entity';
import type { ReferralStep, ReferralView } from '../referral-view';

type Of<K extends keyof ReferralView> = NonNullable<ReferralView[K]>;

export class ReferralStepDto implements ReferralStep {
  @ApiProperty({ enum: REFERRAL_STATUSES, enumName: 'ReferralStatus' }) status!: ReferralStatus;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

// The receiver as the directory describes it, as it stood when the referral was read.
const RECEIVER_FIELDS = ['id', 'name', 'kind', 'address', 'phone', 'email', 'contactPerson'] as const;
export class ReferralReceiverDto extends PickType(ProviderViewDto, RECEIVER_FIELDS) implements Of<'receiver'> {}

export class ReferralSenderDto implements Of<'sender'> {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

export class ReferralAnswerDto implements Of<'answer'> {
  @ApiProperty({ format: 'date-time' }) answeredAt!: string;
  @ApiProperty({ type: String, nullable: true }) receiverContact!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'sealed: null where masked' }) note!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'sealed: null where masked' })
  declinedReason!: string | null;
}

export class ReferralCompletionDto implements Of<'completion'> {
  @ApiProperty({ format: 'date-time' }) completedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'sealed: null where masked' }) feedback!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'sealed: null where masked' }) outcome!: string | null;
}

export class ReferralViewDto implements ReferralView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: '1..n within the case' }) seq!: number;
  @ApiProperty({ enum: REFERRAL_STATUSES, enumName: 'ReferralStatus' }) status!: ReferralStatus;
  @ApiProperty({ type: [ReferralStepDto], description: 'the loop so far, oldest first' }) steps!: ReferralStepDto[];
  @ApiProperty({ type: ReferralReceiverDto }) receiver!: ReferralReceiverDto;
  @ApiProperty({ type: ReferralSenderDto }) sender!: ReferralSenderDto;
  @ApiProperty({ type: String, nullable: true, description: 'sealed: null where masked' }) reason!: string | null;
  @ApiProperty({ enum: AREA_CODES, enumName: 'AreaCode', isArray: true }) areas!: AreaCode[];
  @ApiProperty({ type: [String], description: 'the consents relied on' }) consentIds!: string[];
  @ApiProperty() toWard!: boolean;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ type: ReferralAnswerDto, nullable: true }) answer!: ReferralAnswerDto | null;
  @ApiProperty({ type: ReferralCompletionDto, nullable: true }) completion!: ReferralCompletionDto | null;
  @ApiProperty({ type: [String], description: 'the sealed fields left out for this caller' }) masked!: string[];
}
